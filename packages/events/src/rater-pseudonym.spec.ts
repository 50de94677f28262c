import { cycleRaterPseudonymsV1 } from './contracts';
import { RaterPseudonyms } from './rater-pseudonym';

describe('rater pseudonyms', () => {
  const keys = new RaterPseudonyms('a-secret-of-enough-length');

  it('gives a person the same key in every cycle of their organisation, and different people different keys', () => {
    expect(keys.keyOf('org-1', 'person-a')).toBe(keys.keyOf('org-1', 'person-a'));
    expect(keys.keyOf('org-1', 'person-a')).not.toBe(keys.keyOf('org-1', 'person-b'));
  });

  it('is unrelated across organisations and secrets, and says nothing of the person', () => {
    const k = keys.keyOf('org-1', 'person-a');
    expect(keys.keyOf('org-2', 'person-a')).not.toBe(k);
    expect(new RaterPseudonyms('another-secret-of-length').keyOf('org-1', 'person-a')).not.toBe(k);
    expect(k).not.toContain('person');
    expect(k).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(() => new RaterPseudonyms('short')).toThrow(/LEADERSCOPE_SECRET/);
  });

  it('fits the cycle.rater-pseudonyms contract', () => {
    const payload = {
      cycleId: 'c',
      subjectId: 's',
      raters: [{ raterId: 'a1', raterKey: keys.keyOf('o', 'p') }],
      issuedAt: new Date().toISOString(),
    };
    expect(cycleRaterPseudonymsV1.schema.parse(payload)).toEqual(payload);
    expect(() => cycleRaterPseudonymsV1.schema.parse({ ...payload, raters: [{ raterId: 'a1', raterKey: 'person-a' }] })).toThrow(
      /rater key/,
    );
  });
});
