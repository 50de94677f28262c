import { checkAnswers } from './answers';
import { getInstrument } from './registry';

const instrument = getInstrument('leader-of-leaders', 1);
const asked = instrument.items.filter((i) => i.observers.includes('peer'));
const notAsked = instrument.items.find((i) => !i.observers.includes('peer'))!;
const all = (value: number | null) => Object.fromEntries(asked.map((i) => [i.id, value]));

describe('checkAnswers', () => {
  it('accepts a complete survey on the scale, with "not able to rate" and real comment dimensions', () => {
    expect(
      checkAnswers(instrument, 'peer', { ...all(4), [asked[0].id]: null }, { [asked[0].dimensionId]: 'ok' }, { complete: true }),
    ).toEqual([]);
  });

  it('names each problem: unknown item, item not asked of the group, off the scale, unknown dimension', () => {
    const problems = checkAnswers(
      instrument,
      'peer',
      { ...all(3), nope: 3, [notAsked.id]: 2, [asked[1].id]: 6, [asked[2].id]: 2.5 },
      { ghost: 'x' },
      { complete: true },
    );
    expect(problems.map((p) => [p.kind, 'itemId' in p ? p.itemId : p.dimensionId]).sort()).toEqual(
      [
        ['unknown-item', 'nope'],
        ['not-asked', notAsked.id],
        ['off-scale', asked[1].id],
        ['off-scale', asked[2].id],
        ['unknown-dimension', 'ghost'],
      ].sort(),
    );
  });

  it('lists what is missing only when the survey must be complete (a draft may be partial)', () => {
    const partial = { [asked[0].id]: 4 };
    expect(checkAnswers(instrument, 'peer', partial, {}, { complete: false })).toEqual([]);
    const missing = checkAnswers(instrument, 'peer', partial, {}, { complete: true });
    expect(missing.map((p) => ('itemId' in p ? p.itemId : ''))).toEqual(asked.slice(1).map((i) => i.id));
    expect(missing.every((p) => p.kind === 'missing')).toBe(true);
  });
});
