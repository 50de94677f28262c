import { proposeRaters } from './rater-proposal';

const people = [
  { id: 'ceo', managerId: null },
  { id: 'lead', managerId: 'ceo' },
  ...['p1', 'p2', 'p3'].map((id) => ({ id, managerId: 'ceo' })),
  ...['d1', 'd2', 'd3', 'd4', 'd5'].map((id) => ({ id, managerId: 'lead' })),
  ...['s1', 's2'].map((id) => ({ id, managerId: 'd1' })),
  { id: 's3', managerId: 'd4' },
];
const byGroup = (rows: ReturnType<typeof proposeRaters>) => {
  const groups: Record<string, string[]> = {};
  for (const r of rows) (groups[r.raterGroup] ??= []).push(r.raterId);
  for (const g of Object.values(groups)) g.sort();
  return groups;
};

describe('rater proposal from reporting lines', () => {
  it('proposes self, the manager, direct reports, skip-levels and peers under the same manager', () => {
    expect(byGroup(proposeRaters('cycle', ['lead'], people, 8))).toEqual({
      self: ['lead'],
      manager: ['ceo'],
      direct_report: ['d1', 'd2', 'd3', 'd4', 'd5'],
      skip_level: ['s1', 's2', 's3'],
      peer: ['p1', 'p2', 'p3'],
    });
  });

  it('marks every proposal as proposed, waiting for approval', () => {
    for (const row of proposeRaters('cycle', ['lead'], people, 8))
      expect(row).toMatchObject({ cycleId: 'cycle', subjectId: 'lead', source: 'proposed', status: 'proposed' });
  });

  it('caps each group, with the same sample every time for the same cycle', () => {
    const first = byGroup(proposeRaters('cycle', ['lead'], people, 2));
    expect(first.direct_report).toHaveLength(2);
    expect(first.skip_level).toHaveLength(2);
    expect(byGroup(proposeRaters('cycle', ['lead'], people, 2))).toEqual(first);
    const samples = new Set(['a', 'b', 'c', 'd', 'e', 'f'].map((c) => byGroup(proposeRaters(c, ['lead'], people, 2)).direct_report.join()));
    expect(samples.size).toBeGreaterThan(1); // another cycle may sample others
  });

  it('proposes nobody above the top and no peers without a manager', () => {
    expect(byGroup(proposeRaters('cycle', ['ceo'], people, 8))).toEqual({
      self: ['ceo'],
      direct_report: ['lead', 'p1', 'p2', 'p3'],
      skip_level: ['d1', 'd2', 'd3', 'd4', 'd5'],
    });
  });

  it('ignores a subject who is not in the directory', () => {
    expect(proposeRaters('cycle', ['gone'], people, 8)).toEqual([]);
  });
});
