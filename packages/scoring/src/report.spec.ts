import {
  buildSubjectReport,
  BuildSubjectReportInput,
  Instrument,
  RaterResponse,
  RoleProfile,
  ScoringInputError,
  TransitionRiskDefinition,
} from './index';

/*
 * Hand-worked report. Four dimensions of two items each. Five direct reports (the only counted
 * raters besides self); the manager and two peers took part but rated nothing.
 *   per-rater dimension scores (d1..d5)      mean   self   gap
 *   X: 2, 2, 3, 2, 2                          2.2    5      2.8   sd √.2,   se .2       → CI [2.245, 3.355]
 *   Y: 1, 5, 1, 5, 3                          3.0    5      2.0   sd 2,     se .894     → CI [−0.48, 4.48]
 *   Z: 3.5, 3.5, 3.5, 3.5, 3                  3.4    3     −0.4   sd √.05,  se .1       → CI [−0.68, −0.12]
 *   W: 4, 4.5, 4, 4.5, 4                      4.2    2     −2.2   sd √.075, se .1225    → CI [−2.54, −1.86]
 */
const dims = ['X', 'Y', 'Z', 'W'];
const instrument: Instrument = {
  scale: { min: 1, max: 5 },
  dimensions: dims.map((id) => ({ id })),
  items: dims.flatMap((d) => [1, 2].map((k) => ({ id: `${d.toLowerCase()}${k}`, dimensionId: d }))),
};
const ans = (x: number[], y: number[], z: number[], w: number[]) => ({
  x1: x[0],
  x2: x[1],
  y1: y[0],
  y2: y[1],
  z1: z[0],
  z2: z[1],
  w1: w[0],
  w2: w[1],
});
const responses: RaterResponse[] = [
  { raterId: 's', group: 'self', answers: ans([5, 5], [5, 5], [3, 3], [2, 2]) },
  { raterId: 'm', group: 'manager', answers: { x1: null } },
  { raterId: 'p1', group: 'peer', answers: {} },
  { raterId: 'p2', group: 'peer', answers: {} },
  { raterId: 'd1', group: 'direct_report', answers: ans([2, 2], [1, 1], [3, 4], [4, 4]) },
  { raterId: 'd2', group: 'direct_report', answers: ans([2, 2], [5, 5], [3, 4], [4, 5]) },
  { raterId: 'd3', group: 'direct_report', answers: ans([3, 3], [1, 1], [3, 4], [4, 4]) },
  { raterId: 'd4', group: 'direct_report', answers: ans([2, 2], [5, 5], [3, 4], [5, 4]) },
  { raterId: 'd5', group: 'direct_report', answers: ans([2, 2], [3, 3], [3, 3], [4, 4]) },
];
const all = (v: number) => Object.fromEntries(dims.map((d) => [d, v]));
const roleProfiles: RoleProfile[] = [
  { id: 'lol', name: 'Leader of leaders', targets: all(3) },
  { id: 'loo', name: 'Leader of others', targets: all(2) },
  { id: 'head', name: 'Function head', targets: { X: 5, Y: 5 } },
];
const transitionRisks: TransitionRiskDefinition[] = [
  {
    id: 'r-x',
    name: 'X risk',
    signals: [
      { itemId: 'x1', groups: ['direct_report'] },
      { itemId: 'y1', groups: ['direct_report'] },
    ],
    rule: { atOrBelow: 2.5, minSignals: 1 },
  },
  { id: 'r-peer', name: 'Peer risk', signals: [{ itemId: 'x1', groups: ['peer'] }], rule: { atOrBelow: 5, minSignals: 1 } },
  {
    id: 'r-clear',
    name: 'Clear risk',
    signals: [{ itemId: 'w1', groups: ['direct_report', 'manager'] }],
    rule: { atOrBelow: 3, minSignals: 1 },
  },
];
const comments = [
  { raterId: 'd1', group: 'direct_report' as const, text: 'Gives clear direction.' },
  { raterId: 'd2', group: 'direct_report' as const, dimensionId: 'X', text: 'Could delegate more.' },
  { raterId: 'd3', group: 'direct_report' as const, text: '  Listens well.  ' },
  { raterId: 'd4', group: 'direct_report' as const, text: '   ' },
  { raterId: 'm', group: 'manager' as const, text: 'Strong quarter.' },
  { raterId: 'p1', group: 'peer' as const, text: 'Helpful to our team.' },
  { raterId: 's', group: 'self' as const, text: 'I want to grow.' },
];
const input: BuildSubjectReportInput = {
  instrument,
  responses,
  roleProfiles,
  transitionRisks,
  comments,
  seed: 'subject-1/cycle-1',
  options: { topN: 2 },
};

describe('buildSubjectReport: golden case', () => {
  const r = buildSubjectReport(input);

  it('overall is the mean of published dimension values', () => {
    expect(r.overall.others).toBeCloseTo(3.2, 12); // (2.2 + 3 + 3.4 + 4.2) / 4
    expect(r.overall.self).toBeCloseTo(3.75, 12); // (5 + 5 + 3 + 2) / 4
    expect(r.overall.gap).toBeCloseTo(0.55, 12); // (2.8 + 2 − 0.4 − 2.2) / 4
    expect(r.overall.fit).toBeCloseTo(0.2, 12); // against the first profile (all targets 3)
    expect(r.overall).toMatchObject({ dimensionsIncluded: 4, dimensionsTotal: 4 });
  });

  it('uses the first role profile as fit basis when no expectations are given', () => {
    expect(r.strengths.fitBasis).toBe('lol');
    expect(r.scores.dimensions[0].expectation).toEqual({ target: 3, fit: expect.closeTo(-0.8, 12) });
    const explicit = buildSubjectReport({ ...input, expectations: all(4) });
    expect(explicit.strengths.fitBasis).toBe('expectations');
    expect(explicit.strengths.byFit).toEqual([expect.objectContaining({ dimensionId: 'W' })]);
    const chosen = buildSubjectReport({ ...input, options: { primaryProfileId: 'loo' } });
    expect(chosen.strengths.fitBasis).toBe('loo');
  });

  it('ranks strengths and development areas by mean and by fit', () => {
    expect(r.strengths.byMean.map((x) => x.dimensionId)).toEqual(['W', 'Z']);
    expect(r.developmentAreas.byMean.map((x) => x.dimensionId)).toEqual(['X', 'Y']);
    expect(r.strengths.byFit.map((x) => [x.dimensionId, x.fit])).toEqual([
      ['W', expect.closeTo(1.2, 12)],
      ['Z', expect.closeTo(0.4, 12)],
    ]);
    // Y has fit 0: not a shortfall
    expect(r.developmentAreas.byFit.map((x) => x.dimensionId)).toEqual(['X']);
  });

  it('counts a gap only when it is large and its 95% interval excludes zero', () => {
    // X: large and clear → blind spot; Y: large but unclear → nothing; Z: clear but small → nothing
    expect(r.blindSpots.map((b) => b.dimensionId)).toEqual(['X']);
    const t4 = 2.7764451051977987;
    expect(r.blindSpots[0].gap).toBeCloseTo(2.8, 12);
    expect(r.blindSpots[0].ci95[0]).toBeCloseTo(2.8 - t4 * 0.2, 9);
    expect(r.blindSpots[0].ci95[1]).toBeCloseTo(2.8 + t4 * 0.2, 9);
    expect(r.hiddenStrengths.map((b) => b.dimensionId)).toEqual(['W']);
    expect(r.hiddenStrengths[0].ci95[1]).toBeCloseTo(-2.2 + t4 * Math.sqrt(0.075 / 5), 9);
    // lowering the size cut-off makes Z count, because its interval excludes zero
    const lenient = buildSubjectReport({ ...input, options: { minGap: 0.3 } });
    expect(lenient.hiddenStrengths.map((b) => b.dimensionId)).toEqual(['W', 'Z']);
  });

  it('flags low agreement (rwg below 0.5) only where raters disagree', () => {
    // Y: item variances 4 = twice the uniform null → rwg 0; X, W: 18/19; Z: 38/39
    expect(r.lowAgreement).toEqual([
      { dimensionId: 'Y', scope: 'others', rwg: 0, n: 5 },
      { dimensionId: 'Y', scope: 'direct_report', rwg: 0, n: 5 },
    ]);
    const x = r.scores.dimensions[0].others as { rwg: number };
    expect(x.rwg).toBeCloseTo(18 / 19, 12);
  });

  it('evaluates transition risks from published groups only', () => {
    const [rx, rpeer, rclear] = r.transitionRisks;
    expect(rx).toMatchObject({ id: 'r-x', status: 'flagged', signalsOn: 1, signalsEvaluated: 2, minSignals: 1 });
    expect(rx.signals[0]).toEqual({ itemId: 'x1', groupsUsed: ['direct_report'], n: 5, mean: expect.closeTo(2.2, 12), on: true });
    expect(rx.signals[1]).toMatchObject({ itemId: 'y1', mean: 3, on: false });
    expect(rpeer).toMatchObject({ status: 'insufficient-data', signalsEvaluated: 0 });
    expect(rpeer.signals[0]).toEqual({ itemId: 'x1', groupsUsed: [], n: 0, mean: null, on: null });
    expect(rclear).toMatchObject({ status: 'clear', signalsOn: 0 });
    expect(rclear.signals[0].groupsUsed).toEqual(['direct_report']); // the manager rated nothing
  });

  it('reads readiness against every role profile', () => {
    const [lol, loo, head] = r.readiness;
    // lol: fits −0.8, 0, 0.4, 1.2 → 3 of 4 within 0.25 of target → 0.75 < 0.8 → developing
    expect(lol).toMatchObject({ profileId: 'lol', status: 'developing', targeted: 4, assessed: 4, meets: 3, share: 0.75 });
    expect(lol.meanFit).toBeCloseTo(0.2, 12);
    expect(lol.largestShortfalls.map((d) => d.dimensionId)).toEqual(['X']);
    expect(loo).toMatchObject({ status: 'ready', meets: 4, share: 1 });
    // head targets X and Y only, both far below
    expect(head).toMatchObject({ status: 'not-yet', targeted: 2, assessed: 2, meets: 0 });
    expect(head.largestShortfalls.map((d) => d.dimensionId)).toEqual(['X', 'Y']);
  });

  it('shows comments only from groups at or above the threshold, unattributed, in keyed order', () => {
    expect(r.comments).toHaveLength(3);
    expect(new Set(r.comments.map((c) => c.text))).toEqual(new Set(['Gives clear direction.', 'Could delegate more.', 'Listens well.']));
    for (const c of r.comments) {
      expect(Object.keys(c).sort()).toEqual(['dimensionId', 'group', 'text']);
      expect(c.group).toBe('direct_report');
    }
    expect(r.comments.find((c) => c.text === 'Could delegate more.')!.dimensionId).toBe('X');
    // the order does not follow the input: reversing the input changes nothing
    const reversed = buildSubjectReport({ ...input, comments: [...comments].reverse(), responses: [...responses].reverse() });
    expect(reversed.comments).toEqual(r.comments);
    // and some seed reorders them away from the listing order
    const inputOrder = ['Gives clear direction.', 'Could delegate more.', 'Listens well.'];
    const orders = ['a', 'b', 'c', 'd', 'e', 'f'].map((seed) =>
      buildSubjectReport({ ...input, seed })
        .comments.map((c) => c.text)
        .join('|'),
    );
    expect(orders.some((o) => o !== inputOrder.join('|'))).toBe(true);
    expect(new Set(orders).size).toBeGreaterThan(1);
  });

  it('withholds comments of a group below a stricter comment threshold while its scores show', () => {
    // 5 direct reports: at a comment threshold of 5 their comments show, at 6 they do not — the
    // scores are the same in both (published from 3, the score threshold).
    const at5 = buildSubjectReport({ ...input, policy: { minGroupSize: 3, commentThreshold: 5 } });
    const at6 = buildSubjectReport({ ...input, policy: { minGroupSize: 3, commentThreshold: 6 } });
    expect(at5.comments).toHaveLength(3);
    expect(at6.comments).toEqual([]);
    expect(at6.scores).toEqual(at5.scores);
    expect(at6.scores).toEqual(r.scores);
    const x = at6.scores.dimensions.find((d) => d.dimensionId === 'X')!;
    expect(x.groups.direct_report).toMatchObject({ n: 5 });
    expect((x.groups.direct_report as { suppressed?: boolean }).suppressed).toBeUndefined();
    // the default is the score threshold
    expect(buildSubjectReport({ ...input, policy: { minGroupSize: 3 } }).comments).toEqual(r.comments);
  });

  it('refuses a comment threshold below the score threshold', () => {
    expect(() => buildSubjectReport({ ...input, policy: { minGroupSize: 3, commentThreshold: 2 } })).toThrow(
      /policy\.commentThreshold must be an integer >= policy\.minGroupSize \(3\), got 2/,
    );
    expect(() => buildSubjectReport({ ...input, policy: { minGroupSize: 3, commentThreshold: 3.5 } })).toThrow(ScoringInputError);
  });

  it('shows exempt groups’ comments only when asked to', () => {
    const withExempt = buildSubjectReport({ ...input, options: { showExemptGroupComments: true } });
    expect(withExempt.comments.map((c) => c.text).sort()).toEqual([
      'Could delegate more.',
      'Gives clear direction.',
      'I want to grow.',
      'Listens well.',
      'Strong quarter.',
    ]);
    expect(withExempt.comments.some((c) => c.group === 'peer')).toBe(false);
  });

  it('reads role profiles and risks from the instrument when not passed', () => {
    const viaInstrument = buildSubjectReport({
      ...input,
      roleProfiles: undefined,
      transitionRisks: undefined,
      instrument: { ...instrument, roleProfiles, transitionRisks },
    });
    expect(viaInstrument).toEqual(r);
  });

  it('reports insufficient data honestly when nobody rated', () => {
    const empty = buildSubjectReport({ ...input, responses: [], comments: [] });
    expect(empty.overall).toEqual({ others: null, self: null, gap: null, fit: null, dimensionsIncluded: 0, dimensionsTotal: 4 });
    expect(empty.readiness.map((x) => x.status)).toEqual(['insufficient-data', 'insufficient-data', 'insufficient-data']);
    expect(empty.transitionRisks.map((x) => x.status)).toEqual(['insufficient-data', 'insufficient-data', 'insufficient-data']);
    expect(empty.strengths.byMean).toEqual([]);
  });
});

describe('buildSubjectReport: bad input is refused', () => {
  it.each([
    [{ comments: [{ raterId: 'd1', group: 'boss', text: 'x' }] }, /comment of rater "d1": unknown group "boss"/],
    [{ comments: [{ raterId: 'd1', group: 'peer', text: 'x' }] }, /group "peer" differs from the rater's response group "direct_report"/],
    [{ comments: [{ raterId: 'd1', group: 'direct_report', dimensionId: 'Q', text: 'x' }] }, /unknown dimension "Q"/],
    [
      { transitionRisks: [{ id: 'r', name: 'r', signals: [{ itemId: 'zz', groups: ['peer'] }], rule: { atOrBelow: 2, minSignals: 1 } }] },
      /transition risk "r" signal 0: unknown item "zz"/,
    ],
    [
      { transitionRisks: [{ id: 'r', name: 'r', signals: [{ itemId: 'x1', groups: ['peer'] }], rule: { atOrBelow: 2, minSignals: 2 } }] },
      /rule.minSignals must be an integer between 1 and 1/,
    ],
    [{ roleProfiles: [{ id: 'p', name: 'p', targets: { X: 9 } }] }, /role profile "p" targets\["X"\]: target 9 is outside the scale/],
    [{ options: { primaryProfileId: 'nope' } }, /unknown role profile "nope"/],
    [{ options: { topN: -1 } }, /options.topN/],
  ])('%#', (patch, msg) => {
    expect(() => buildSubjectReport({ ...input, ...(patch as object) })).toThrow(msg);
  });
});
