import { getInstrument } from '@leaderscope/framework';
import { buildSubjectReport, REPORT_FIGURE_DECIMALS, roundFigures } from '@leaderscope/scoring';
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
    expect(computed.report).toEqual(roundFigures(full, REPORT_FIGURE_DECIMALS));
    // the full-precision report has figures with more places, so the rounding is what made them short
    const text = JSON.stringify(computed.report);
    expect(JSON.stringify(full)).toMatch(/\d\.\d{5,}/);
    expect(text).not.toMatch(/\d\.\d{5,}/);
    expect(text.length).toBeLessThan(JSON.stringify(full).length * 0.9);
    // rankings, flags and readiness are the engine's own, not re-decided on rounded figures
    const ids = (ranking: typeof full.strengths) =>
      JSON.stringify(ranking, (key, value: unknown) => (typeof value === 'number' ? undefined : value));
    expect(ids(computed.report.strengths)).toBe(ids(full.strengths));
    expect(computed.report.transitionRisks.map((r) => r.status)).toEqual(full.transitionRisks.map((r) => r.status));
    expect(computed.report.readiness.map((r) => r.status)).toEqual(full.readiness.map((r) => r.status));
    expect(computed.report.lowAgreement.map((f) => [f.dimensionId, f.scope])).toEqual(
      full.lowAgreement.map((f) => [f.dimensionId, f.scope]),
    );
  });
});
