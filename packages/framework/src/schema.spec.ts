import { DEFAULT_INSTRUMENT_ID, getInstrument, InstrumentValidationError, parseInstrument } from './index';

/** A mutable deep copy of v1 to break in one place at a time. */
const fresh = () => JSON.parse(JSON.stringify(getInstrument(DEFAULT_INSTRUMENT_ID, 1)));

function problems(def: unknown): string {
  try {
    parseInstrument(def);
  } catch (e) {
    expect(e).toBeInstanceOf(InstrumentValidationError);
    return (e as Error).message;
  }
  throw new Error('expected the definition to be refused');
}

describe('parseInstrument', () => {
  it('accepts the built-in definition and returns an equal, frozen copy', () => {
    const def = fresh();
    const parsed = parseInstrument(def);
    expect(parsed).toEqual(def);
    expect(Object.isFrozen(parsed.dimensions)).toBe(true);
  });

  it.each<[string, (d: any) => void, RegExp]>([
    [
      'an item in an unknown dimension',
      (d) => (d.items[5].dimensionId = 'nowhere'),
      /items\[5\]\.dimensionId: unknown dimension "nowhere"/,
    ],
    ['a duplicate item id', (d) => (d.items[1].id = d.items[0].id), /items\[1\]\.id: duplicate id "dl-1" \(first used at items\[0\]\)/],
    ['a duplicate dimension id', (d) => (d.dimensions[1].id = d.dimensions[0].id), /dimensions\[1\]\.id: duplicate id "develops-leaders"/],
    [
      'a dimension with fewer than 3 items',
      (d) => (d.items = d.items.filter((it: any) => !['lu-1', 'lu-2'].includes(it.id))),
      /dimension "leads-up" has 2 items; it needs between 3 and 6/,
    ],
    [
      'a dimension with more than 6 items',
      (d) => d.items.push(...[1, 2, 3].map((k) => ({ id: `extra-${k}`, dimensionId: 'alignment', text: 'Extra.', observers: ['self'] }))),
      /dimension "alignment" has 8 items; it needs between 3 and 6/,
    ],
    [
      'a target outside the scale',
      (d) => (d.roleProfiles[0].targets.alignment = 6),
      /roleProfiles\[0\]\.targets\.alignment: target 6 is outside the scale 1\.\.5/,
    ],
    [
      'a target for an unknown dimension',
      (d) => (d.roleProfiles[1].targets.charisma = 3),
      /roleProfiles\[1\]\.targets\.charisma: unknown dimension "charisma"/,
    ],
    [
      'a profile missing a dimension',
      (d) => delete d.roleProfiles[2].targets['leads-up'],
      /roleProfiles\[2\]\.targets: role profile "function-head" has no target for dimension "leads-up"/,
    ],
    [
      'a risk on an unknown item',
      (d) => (d.transitionRisks[2].signals[0].itemId = 'zz-9'),
      /transitionRisks\[2\]\.signals\[0\]\.itemId: risk "bypassing-leaders" references unknown item "zz-9"/,
    ],
    [
      'a risk read through a group that cannot see the item',
      (d) => (d.transitionRisks[0].signals[0].groups = ['other']),
      /risk "not-developing-leaders" reads item "dl-1" through group "other", which does not observe that item/,
    ],
    [
      'a risk needing more signals than it has',
      (d) => (d.transitionRisks[0].rule.minSignals = 9),
      /transitionRisks\[0\]\.rule\.minSignals: minSignals 9 exceeds the 4 signals/,
    ],
    ['an unknown rater group', (d) => (d.items[0].observers = ['boss']), /items\[0\]\.observers\[0\]/],
    ['a repeated observer', (d) => (d.items[0].observers = ['self', 'self']), /items\[0\]\.observers: rater group "self" listed twice/],
    ['labels not matching the scale', (d) => d.scale.labels.pop(), /scale\.labels: has 4 labels but the scale 1\.\.5 has 5 points/],
    ['an inverted scale', (d) => (d.scale.min = 6), /scale: min \(6\) must be below max \(5\)/],
    ['a misspelt field (would silently drop reverse scoring)', (d) => (d.items[7].reversed = true), /items\[7\].*reversed/],
    ['a non-integer version', (d) => (d.version = 1.5), /version: must be an integer/],
    ['an empty item text', (d) => (d.items[0].text = '  '), /items\[0\]\.text: must not be empty/],
    ['a bad id', (d) => (d.id = 'has spaces'), /^Invalid instrument.*id: must contain only letters/],
  ])('refuses %s', (_, breakIt, msg) => {
    const d = fresh();
    breakIt(d);
    expect(problems(d)).toMatch(msg);
  });

  it('refuses non-objects and reports every problem it finds', () => {
    expect(problems(null)).toMatch(/Invalid instrument: \(root\)/);
    const d = fresh();
    d.items[0].dimensionId = 'x';
    d.roleProfiles[0].targets.alignment = 0;
    try {
      parseInstrument(d);
    } catch (e) {
      expect((e as InstrumentValidationError).issues.map((i) => i.path)).toEqual(
        expect.arrayContaining(['items[0].dimensionId', 'roleProfiles[0].targets.alignment']),
      );
    }
    expect.assertions(3);
  });
});
