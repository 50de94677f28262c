import { scoredReportSchema } from '@leaderscope/vocabulary';
import { buildSubjectReport, Instrument, RaterResponse } from './index';

/** The report travels in `report.updated`: the vocabulary's contract must carry every field of it, unchanged. */
describe('the scored-report contract', () => {
  const dims = ['A', 'B', 'C'];
  const instrument: Instrument = {
    scale: { min: 1, max: 5 },
    dimensions: dims.map((id) => ({ id })),
    items: dims.flatMap((d) => [1, 2].map((k) => ({ id: `${d}${k}`, dimensionId: d }))),
    roleProfiles: [{ id: 'p', name: 'Profile', targets: { A: 3, B: 4, C: 2 } }],
    transitionRisks: [
      { id: 'r', name: 'Risk', signals: [{ itemId: 'A1', groups: ['direct_report'] }], rule: { atOrBelow: 3, minSignals: 1 } },
    ],
  };
  const answers = (v: number) => Object.fromEntries(instrument.items.map((i, k) => [i.id, ((v + k) % 5) + 1]));
  const responses: RaterResponse[] = [
    { raterId: 's', group: 'self', answers: answers(4) },
    { raterId: 'm', group: 'manager', answers: answers(2) },
    ...[0, 1, 2, 3].map((k) => ({ raterId: `d${k}`, group: 'direct_report' as const, answers: answers(k) })),
    ...[0, 1].map((k) => ({ raterId: `p${k}`, group: 'peer' as const, answers: answers(k + 1) })), // below the threshold: suppressed
  ];
  const report = buildSubjectReport({
    instrument,
    responses,
    comments: [
      { raterId: 'd0', group: 'direct_report', dimensionId: 'A', text: 'Sets a clear course.' },
      { raterId: 'd1', group: 'direct_report', text: 'Listens.' },
    ],
    seed: 'contract',
  });

  it('parses a real report without losing or changing anything', () => {
    const wire = JSON.parse(JSON.stringify(report));
    expect(scoredReportSchema.parse(wire)).toEqual(wire);
  });

  it('has suppressed and published figures side by side', () => {
    const groups = report.scores.dimensions[0].groups;
    expect(groups.peer).toMatchObject({ suppressed: true });
    expect(groups.direct_report).toHaveProperty('mean');
  });

  it('refuses a report whose figure lost its mean', () => {
    const wire = JSON.parse(JSON.stringify(report));
    delete wire.scores.dimensions[0].groups.direct_report.mean;
    expect(scoredReportSchema.safeParse(wire).success).toBe(false);
  });
});
