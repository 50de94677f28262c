import { byGroupOrder, IDENTIFIABLE_GROUPS, isRaterGroup, RATER_GROUPS, SUBJECT_NOMINATED_GROUPS } from './index';

describe('rater groups', () => {
  it('are the six groups, in display order', () => {
    expect(RATER_GROUPS).toEqual(['self', 'manager', 'peer', 'direct_report', 'skip_level', 'other']);
    expect(['other', 'self', 'peer'].filter(isRaterGroup).sort(byGroupOrder)).toEqual(['self', 'peer', 'other']);
  });

  it('tell a group from anything else', () => {
    expect(isRaterGroup('peer')).toBe(true);
    expect(isRaterGroup('Peer')).toBe(false);
    expect(isRaterGroup(undefined)).toBe(false);
  });

  it('keep identifiable groups and the ones a subject nominates apart', () => {
    expect(IDENTIFIABLE_GROUPS.filter((g) => SUBJECT_NOMINATED_GROUPS.includes(g))).toEqual([]);
  });
});
