import { mayRepublish } from './publication-rule';

describe('the publication rule', () => {
  it('republishes when every group that changed gained at least two responses', () => {
    expect(mayRepublish({ peer: 3, direct_report: 3 }, { peer: 5, direct_report: 3 })).toBe(true);
    expect(mayRepublish({ peer: 3 }, { peer: 5, direct_report: 2 })).toBe(true);
  });

  it('keeps the publication when any changed group gained only one (a late rater could be singled out)', () => {
    expect(mayRepublish({ peer: 3, direct_report: 3 }, { peer: 4, direct_report: 3 })).toBe(false);
    expect(mayRepublish({ peer: 3, direct_report: 3 }, { peer: 5, direct_report: 4 })).toBe(false);
    expect(mayRepublish({ peer: 3 }, { peer: 3, other: 1 })).toBe(false);
  });

  it('keeps it when nothing changed or a group lost responses', () => {
    expect(mayRepublish({ peer: 3 }, { peer: 3 })).toBe(false);
    expect(mayRepublish({ peer: 5 }, { peer: 3 })).toBe(false);
  });
});
