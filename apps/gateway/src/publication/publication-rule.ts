/**
 * After release, a publication changes only when every rater group whose count changed gained at
 * least two responses: a late rater can then never be singled out by comparing two versions.
 */
export function mayRepublish(before: Record<string, number>, after: Record<string, number>): boolean {
  const groups = new Set([...Object.keys(before), ...Object.keys(after)]);
  let changed = false;
  for (const g of groups) {
    const delta = (after[g] ?? 0) - (before[g] ?? 0);
    if (delta === 0) continue;
    if (delta < 2) return false;
    changed = true;
  }
  return changed;
}
