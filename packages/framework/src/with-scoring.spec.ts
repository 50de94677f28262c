// Integration with the scoring engine (uses the built @leaderscope/scoring, as the services do).
import { buildSubjectReport, Instrument, RaterGroup, RaterResponse, scoreSubject } from '@leaderscope/scoring';
import { DEFAULT_INSTRUMENT_ID, getInstrument, InstrumentDefinition } from './index';

const GROUP_SIZES: [RaterGroup, number][] = [
  ['self', 1],
  ['manager', 1],
  ['peer', 3],
  ['direct_report', 4],
  ['skip_level', 3],
  ['other', 3],
];

/** Everyone sees good behaviour (4 on positive items, 2 on pitfalls), except the overrides. */
function respond(def: InstrumentDefinition, override: (itemId: string, group: RaterGroup) => number | undefined): RaterResponse[] {
  const out: RaterResponse[] = [];
  for (const [group, n] of GROUP_SIZES)
    for (let i = 0; i < n; i++) {
      const answers: Record<string, number> = {};
      for (const it of def.items) if (it.observers.includes(group)) answers[it.id] = override(it.id, group) ?? (it.reverse ? 2 : 4);
      out.push({ raterId: `${group}-${i}`, group, answers });
    }
  return out;
}

describe('the built-in instrument in the scoring engine', () => {
  const def = getInstrument(DEFAULT_INSTRUMENT_ID, 1);

  it('is a scoring Instrument as it stands', () => {
    const asScoring: Instrument = def;
    const scores = scoreSubject({ instrument: asScoring, responses: respond(def, () => undefined) });
    expect(scores.dimensions).toHaveLength(11);
    for (const d of scores.dimensions) expect(d.others).toMatchObject({ mean: 4 });
  });

  it('raises the bypassing-leaders flag when reports and skip-levels see the leader go around their leaders', () => {
    const responses = respond(def, (item, group) => {
      if ((item === 'lt-2' || item === 'lt-3') && (group === 'direct_report' || group === 'skip_level')) return 5; // often bypasses
      if (item === 'lt-1' && group !== 'self') return 2; // rarely follows up through the leader
      return undefined;
    });
    const report = buildSubjectReport({ instrument: def, responses, seed: 'x' });
    const status = Object.fromEntries(report.transitionRisks.map((r) => [r.id, r.status]));
    expect(status).toEqual({
      'not-developing-leaders': 'clear',
      'technical-proficiency-only': 'clear',
      'bypassing-leaders': 'flagged',
      'own-unit-focus': 'clear',
      'mixed-team-difficulty': 'clear',
    });
    const bypass = report.transitionRisks.find((r) => r.id === 'bypassing-leaders')!;
    expect(bypass.signalsOn).toBe(3);
    expect(bypass.signals.find((s) => s.itemId === 'lt-2')).toMatchObject({
      groupsUsed: ['direct_report', 'skip_level'],
      n: 7,
      mean: 1,
      on: true,
    });
  });

  it('reads the same responses as readiness for all three role profiles', () => {
    const report = buildSubjectReport({ instrument: def, responses: respond(def, () => undefined) });
    // others' mean is 4 on every dimension
    expect(report.readiness.map((r) => [r.profileId, r.status])).toEqual([
      ['leader-of-leaders', 'ready'],
      ['leader-of-others', 'ready'],
      ['function-head', 'ready'], // 4 vs 4.25 is within the 0.25 tolerance
    ]);
    expect(report.strengths.fitBasis).toBe('leader-of-leaders');
    const stricter = buildSubjectReport({ instrument: def, responses: respond(def, () => undefined), options: { readinessTolerance: 0 } });
    // function head asks 4.25 on five dimensions: 6 of 11 met → developing
    expect(stricter.readiness.find((r) => r.profileId === 'function-head')).toMatchObject({ status: 'developing', meets: 6, assessed: 11 });
  });
});
