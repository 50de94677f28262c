import { createHash } from 'node:crypto';
import { newId } from '../common/ids';
import { RaterGroupName } from '../common/rater-group';
import { NominationEntity } from './nomination.entity';

export interface DirectoryPerson {
  id: string;
  managerId: string | null;
}

/**
 * Proposes raters from reporting lines: the subject themselves, the manager, direct reports, a
 * deterministic sample of skip-levels, and peers under the same manager; at most `cap` per group.
 * The sample depends only on the cycle, the subject and the people, so proposing again proposes
 * the same raters.
 */
export function proposeRaters(cycleId: string, subjectIds: string[], people: DirectoryPerson[], cap: number): NominationEntity[] {
  const byId = new Map(people.map((p) => [p.id, p]));
  const reportsOf = new Map<string, DirectoryPerson[]>();
  for (const p of people) {
    if (!p.managerId) continue;
    const list = reportsOf.get(p.managerId);
    if (list) list.push(p);
    else reportsOf.set(p.managerId, [p]);
  }
  // Each candidate's digest once, not once per comparison.
  const sample = (list: DirectoryPerson[], salt: string) =>
    list
      .map((p) => ({ p, key: digest(`${salt}:${p.id}`) }))
      .sort((a, b) => a.key.localeCompare(b.key))
      .slice(0, cap)
      .map((x) => x.p);
  const rows: NominationEntity[] = [];
  for (const sid of subjectIds) {
    const subject = byId.get(sid);
    if (!subject) continue;
    const add = (rater: DirectoryPerson, group: RaterGroupName) =>
      rows.push({
        id: newId(),
        cycleId,
        subjectId: sid,
        raterId: rater.id,
        raterGroup: group,
        source: 'proposed',
        status: 'proposed',
      });
    add(subject, 'self');
    const manager = subject.managerId ? byId.get(subject.managerId) : undefined;
    if (manager) add(manager, 'manager');
    const reports = reportsOf.get(sid) ?? [];
    for (const r of sample(reports, `${cycleId}:dr:${sid}`)) add(r, 'direct_report');
    const skips = reports.flatMap((r) => reportsOf.get(r.id) ?? []);
    for (const r of sample(skips, `${cycleId}:sl:${sid}`)) add(r, 'skip_level');
    const peers = subject.managerId ? (reportsOf.get(subject.managerId) ?? []).filter((p) => p.id !== sid) : [];
    for (const r of sample(peers, `${cycleId}:pe:${sid}`)) add(r, 'peer');
  }
  return rows;
}

function digest(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
