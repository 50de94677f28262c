import { projectReliability, PUBLISHED_SINGLE_RATER_RELIABILITY, ratersForReliability, spearmanBrown } from './index';

describe('Spearman–Brown', () => {
  it('matches the textbook cases', () => {
    expect(spearmanBrown(0.6, 2)).toBeCloseTo(0.75, 12); // doubling a test of .60: 1.2 / 1.6
    expect(spearmanBrown(0.5, 3)).toBeCloseTo(0.75, 12); // 1.5 / 2
    expect(spearmanBrown(0.3, 6)).toBeCloseTo(0.72, 12); // 1.8 / 2.5
    expect(spearmanBrown(0.37, 1)).toBe(0.37);
    expect(() => spearmanBrown(1.2, 2)).toThrow(/single-rater reliability/);
    expect(() => spearmanBrown(0.3, 0)).toThrow(/k must be a number > 0/);
  });

  // With Conway & Huffcutt's single-rater values, .70 needs about 3 supervisors, 4 peers and 6 direct
  // reports, .80 needs 4, 7 and 10 (the published rule of thumb).
  it.each([
    ['manager', 0.7, 3],
    ['peer', 0.7, 4],
    ['direct_report', 0.7, 6],
    ['manager', 0.8, 4],
    ['peer', 0.8, 7],
    ['direct_report', 0.8, 10],
  ] as const)('%s reaches %p with %p raters', (group, target, k) => {
    const r1 = PUBLISHED_SINGLE_RATER_RELIABILITY[group]!.value;
    expect(ratersForReliability(r1, target)).toBe(k);
    expect(spearmanBrown(r1, k)).toBeGreaterThanOrEqual(target - 1e-12);
    expect(spearmanBrown(r1, k - 1)).toBeLessThan(target);
  });
});

describe('projected reliability before launch', () => {
  it('uses published single-rater values and warns at exactly the threshold and below .70', () => {
    const p = projectReliability({ invited: { self: 1, manager: 1, peer: 3, direct_report: 7, other: 4 }, minGroupSize: 3 });
    expect(p.map((g) => g.group)).toEqual(['manager', 'peer', 'direct_report', 'other']);
    const [manager, peer, dr, other] = p;
    expect(manager).toMatchObject({ invited: 1, singleRater: 0.5, source: 'published', projected: 0.5, ratersForTarget: 3 });
    expect(manager.warnings.map((w) => w.code)).toEqual(['below-target']); // exempt: no threshold warning
    // peers: 3 × .37 / (1 + 2 × .37) = 1.11 / 1.74
    expect(peer.projected).toBeCloseTo(1.11 / 1.74, 12);
    expect(peer.warnings.map((w) => w.code)).toEqual(['exactly-threshold', 'below-target']);
    // direct reports: 7 × .30 / (1 + 6 × .30) = 2.1 / 2.8 = .75
    expect(dr.projected).toBeCloseTo(0.75, 12);
    expect(dr.warnings).toEqual([]);
    expect(other).toMatchObject({ source: 'none', singleRater: null, projected: null, ratersForTarget: null, warnings: [] });
  });

  it('warns that a group invited below the threshold will not be shown', () => {
    const [peer] = projectReliability({ invited: { peer: 2 }, minGroupSize: 3 });
    expect(peer.warnings.map((w) => w.code)).toEqual(['below-threshold', 'below-target']);
  });

  it("uses the organisation's own ICC(1) once it has enough subjects", () => {
    const own = projectReliability({ invited: { peer: 4 }, organisationIcc: { peer: { icc1: 0.25, subjects: 40 } } })[0];
    expect(own).toMatchObject({ source: 'organisation', singleRater: 0.25 });
    expect(own.projected).toBeCloseTo(1 / 1.75, 12); // 4 × .25 / (1 + 3 × .25)
    expect(own.ratersForTarget).toBe(7); // .70·.75/(.25·.30) = 7
    const few = projectReliability({ invited: { peer: 4 }, organisationIcc: { peer: { icc1: 0.25, subjects: 12 } } })[0];
    expect(few).toMatchObject({ source: 'published', singleRater: 0.37 });
    expect(few.sourceNote).toMatch(/only 12 subjects, needs 30/);
    expect(() => projectReliability({ invited: { boss: 2 } as never })).toThrow(/unknown rater group "boss"/);
    expect(() => projectReliability({ invited: { peer: 2.5 } })).toThrow(/invited.peer must be an integer/);
  });
});
