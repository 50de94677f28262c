import { getInstrument } from '@leaderscope/framework';
import { buildSubjectReport, REPORT_FIGURE_DECIMALS, roundFigures } from '@leaderscope/scoring';
import { packedReportSchema, unpackReport } from '@leaderscope/vocabulary';
import fc from 'fast-check';
import { computeSubjectReport, scorableResponses, StoredResponse } from './compute-report';

const instrument = getInstrument('leader-of-leaders', 1);

describe('scorableResponses: stored responses as the engine takes them', () => {
  it('keeps every scorable answer (a stored object is handed over as it is), sorted by rater, counted by group', () => {
    const answers = Object.freeze({ 'dl-1': 4, 'dl-2': null });
    const responses: StoredResponse[] = [
      { raterId: 'r-b', raterGroup: 'peer', answers, comments: {} },
      { raterId: 'r-a', raterGroup: 'peer', answers: { 'dl-1': 1 }, comments: { 'develops-leaders': 'clear goals' } },
    ];
    const out = scorableResponses(responses, instrument);
    expect(out.scored.map((r) => r.raterId)).toEqual(['r-a', 'r-b']);
    expect(out.scored[1].answers).toBe(answers);
    expect(out.scored[1].answers).toEqual({ 'dl-1': 4, 'dl-2': null });
    expect(out.groupCounts).toEqual({ peer: 2 });
    expect(out.ignoredAnswers).toBe(0);
    expect(out.comments).toEqual([{ raterId: 'r-a', group: 'peer', dimensionId: 'develops-leaders', text: 'clear goals' }]);
  });

  it('leaves out and counts answers to items the version does not have or off its scale, and comments on unknown dimensions', () => {
    const stored = { 'dl-1': 3, 'no-such-item': 4, 'dl-2': 6, 'dl-3': 2.5, 'dl-4': 0, 'dl-5': null };
    const responses: StoredResponse[] = [
      { raterId: 'r-a', raterGroup: 'manager', answers: stored, comments: { 'no-such-dimension': 'x', 'develops-leaders': 'y' } },
    ];
    const out = scorableResponses(responses, instrument);
    expect(out.scored[0].answers).toEqual({ 'dl-1': 3, 'dl-5': null });
    expect(out.ignoredAnswers).toBe(4);
    // The stored response itself is left as it was.
    expect(stored).toEqual({ 'dl-1': 3, 'no-such-item': 4, 'dl-2': 6, 'dl-3': 2.5, 'dl-4': 0, 'dl-5': null });
    expect(out.comments).toEqual([{ raterId: 'r-a', group: 'manager', dimensionId: 'develops-leaders', text: 'y' }]);
  });
});

describe('computeSubjectReport: the report as it is stored and sent', () => {
  const groups = ['self', 'manager', 'peer', 'peer', 'peer', 'peer', 'direct_report', 'direct_report', 'direct_report', 'direct_report'];
  let seed = 7;
  const answer = () => 1 + ((seed = (seed * 16807) % 2147483647) % 5);
  const responses: StoredResponse[] = groups.map((raterGroup, i) => ({
    raterId: `r-${i}`,
    raterGroup,
    answers: Object.fromEntries(instrument.items.map((item) => [item.id, answer()])),
    comments: {},
  }));
  const basis = { instrumentId: instrument.id, instrumentVersion: instrument.version, roleProfileId: null, minGroupSize: 3 };

  it('is the engine’s report with its figures at REPORT_FIGURE_DECIMALS places, every decision as the engine made it at full precision', () => {
    const computed = computeSubjectReport(responses, basis, 'cycle:subject');
    const full = buildSubjectReport({
      instrument,
      responses: scorableResponses(responses, instrument).scored,
      policy: { minGroupSize: 3 },
      roleProfiles: instrument.roleProfiles,
      transitionRisks: instrument.transitionRisks,
      comments: [],
      seed: 'cycle:subject',
    });
    // stored and sent with its item results packed in rows; unpacked, the engine's objects, rounded
    expect(computed.report.items).toHaveProperty('rows');
    expect(unpackReport(computed.report)).toEqual(roundFigures(full, REPORT_FIGURE_DECIMALS));
    // the full-precision report has figures with more places, so the rounding is what made them short
    const text = JSON.stringify(unpackReport(computed.report));
    expect(JSON.stringify(full)).toMatch(/\d\.\d{5,}/);
    expect(text).not.toMatch(/\d\.\d{5,}/);
    expect(text.length).toBeLessThan(JSON.stringify(full).length * 0.9);
    // rankings, flags and readiness are the engine's own, not re-decided on rounded figures
    const ids = (ranking: typeof full.strengths) =>
      JSON.stringify(ranking, (key, value: unknown) => (typeof value === 'number' ? undefined : value));
    expect(ids(computed.report.strengths)).toBe(ids(full.strengths));
    // packing the item results took off more than a fifth of what was left
    expect(JSON.stringify(computed.report).length).toBeLessThan(text.length * 0.8);
    expect(computed.report.transitionRisks.map((r) => r.status)).toEqual(full.transitionRisks.map((r) => r.status));
    expect(computed.report.readiness.map((r) => r.status)).toEqual(full.readiness.map((r) => r.status));
    expect(computed.report.lowAgreement.map((f) => [f.dimensionId, f.scope])).toEqual(
      full.lowAgreement.map((f) => [f.dimensionId, f.scope]),
    );
  });
});

describe('the packed report: the engine’s report, item for item, whatever the raters', () => {
  const groupsOf = fc.array(fc.constantFrom('self', 'manager', 'peer', 'direct_report', 'skip_level', 'other'), {
    minLength: 1,
    maxLength: 14,
  });

  it('unpacks to exactly the rounded engine report and validates as report.updated v2 carries it (200 random sets of raters and answers)', () => {
    fc.assert(
      fc.property(groupsOf, fc.integer({ min: 1, max: 2 ** 31 - 2 }), fc.integer({ min: 1, max: 4 }), (groups, seed, minGroupSize) => {
        let s = seed;
        // about one answer in six left out ("not able to rate"), so groups answer different items
        const answer = () => ((s = (s * 16807) % 2147483647) % 6 === 0 ? null : 1 + (s % 5));
        const responses: StoredResponse[] = groups.map((raterGroup, i) => ({
          raterId: `r-${i}`,
          raterGroup,
          answers: Object.fromEntries(instrument.items.map((item) => [item.id, answer()])),
          comments: {},
        }));
        const basis = { instrumentId: instrument.id, instrumentVersion: instrument.version, roleProfileId: null, minGroupSize };
        const computed = computeSubjectReport(responses, basis, 'c:s');
        const full = buildSubjectReport({
          instrument,
          responses: scorableResponses(responses, instrument).scored,
          policy: { minGroupSize },
          roleProfiles: instrument.roleProfiles,
          transitionRisks: instrument.transitionRisks,
          comments: [],
          seed: 'c:s',
        });
        const text = JSON.stringify(computed.report);
        expect(JSON.stringify(unpackReport(JSON.parse(text)))).toBe(JSON.stringify(roundFigures(full, REPORT_FIGURE_DECIMALS)));
        expect(packedReportSchema.safeParse(JSON.parse(text)).success).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
