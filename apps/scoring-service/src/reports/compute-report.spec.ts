import { getInstrument } from '@leaderscope/framework';
import { scorableResponses, StoredResponse } from './compute-report';

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
