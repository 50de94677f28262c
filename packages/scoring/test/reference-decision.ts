/**
 * `decideSnapshot` from scratch, for the specs that check it: rule 1 by `compareSnapshots` at each
 * round, the audit by `isolatedRaters` over every view's `figureEquations` (computed anew, none of
 * the figures the decision keeps or reuses). The decision itself shares work between those steps and
 * across decisions (`frozenFigures`); it must decide exactly as this does.
 */
import { compareSnapshots, decideSnapshot, figureEquations, isolatedRaters, RaterResponse, SnapshotDecision } from '../src';

export function referenceDecision(input: Parameters<typeof decideSnapshot>[0]): SnapshotDecision {
  const { basis, received, disclosed } = input;
  const current = input.current ?? [];
  const threshold = basis.policy?.minGroupSize ?? 3;
  const frozen = new Set(current.map((x) => x.raterId));
  let pending = received.filter((x) => !frozen.has(x.raterId));
  const keep = (reasons: string[]): SnapshotDecision => ({ take: false, responses: current, reasons });
  if (pending.length === 0) return keep(['no new raters']);
  let candidate: RaterResponse[];
  for (;;) {
    candidate = [...current, ...pending];
    const { offending, changes } = compareSnapshots(basis, current, candidate, threshold);
    if (changes.length === 0) return keep(['no visible figure would change']);
    if (offending.length === 0) break;
    const waiting = new Set(offending.flatMap((o) => o.raters));
    const rest = pending.filter((x) => !waiting.has(x.raterId));
    if (rest.length === pending.length || rest.length === 0)
      return keep(
        offending.map((o) => `${o.figure} would change by ${o.changed} rater${o.changed === 1 ? '' : 's'} (fewer than ${threshold})`),
      );
    pending = rest;
  }
  const isolated = isolatedRaters([...disclosed, { basis, responses: candidate }].flatMap(figureEquations));
  if (isolated.length > 0) return keep(isolated.map((i) => `rater ${i.raterId} would be isolated by ${i.figures.join(', ')}`));
  return { take: true, responses: candidate, reasons: [] };
}
