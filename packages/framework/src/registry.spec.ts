import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BUILT_IN_INSTRUMENTS_DIR,
  DEFAULT_INSTRUMENT_ID,
  getInstrument,
  instrumentContentHash,
  InstrumentValidationError,
  listInstruments,
  loadInstrumentFile,
  PULSE_INSTRUMENT_ID,
  PULSE_INSTRUMENT_VERSION,
  PULSE_SLOTS,
  UnknownInstrumentError,
} from './index';

describe('versioned registry', () => {
  it('lists every built-in version and marks the latest', () => {
    expect(listInstruments()).toEqual([
      { id: 'follow-up-pulse', version: 1, name: 'Follow-up pulse', latest: true },
      { id: 'leader-of-leaders', version: 1, name: 'Leader of leaders 360', latest: false },
      { id: 'leader-of-leaders', version: 2, name: 'Leader of leaders 360', latest: true },
    ]);
  });

  it('returns the latest version when none is asked for, and old versions stay loadable', () => {
    expect(getInstrument(DEFAULT_INSTRUMENT_ID).version).toBe(2);
    const v1 = getInstrument(DEFAULT_INSTRUMENT_ID, 1);
    const v2 = getInstrument(DEFAULT_INSTRUMENT_ID, 2);
    expect(v1.version).toBe(1);
    // v2 changed item kt-4 (reworded, no longer reverse-scored) and who can rate lu-3
    const kt4 = (i: typeof v1) => i.items.find((it) => it.id === 'kt-4')!;
    expect(kt4(v1).reverse).toBe(true);
    expect(kt4(v2).reverse).toBeUndefined();
    expect(kt4(v1).text).not.toBe(kt4(v2).text);
    expect(v1.items.find((it) => it.id === 'lu-3')!.observers).not.toContain('other');
    expect(v2.items.find((it) => it.id === 'lu-3')!.observers).toContain('other');
    // everything else is the same
    const rest = (i: typeof v1) => i.items.filter((it) => it.id !== 'kt-4' && it.id !== 'lu-3');
    expect(rest(v2)).toEqual(rest(v1));
  });

  it('pins the content of released versions: editing one in place fails here (make a new version instead)', () => {
    expect(instrumentContentHash(getInstrument(DEFAULT_INSTRUMENT_ID, 1))).toBe(
      'ee81656886c591921b51910810a9fe2242151b658b96867a20b282ccdcd7ab24',
    );
    expect(instrumentContentHash(getInstrument(DEFAULT_INSTRUMENT_ID, 2))).toBe(
      '964409d7ccce4b29bc1fb211e9eab521bf75964e973a5381f9888bb5c2350ac2',
    );
    // the hash ignores key order but not content
    const v1 = JSON.parse(JSON.stringify(getInstrument(DEFAULT_INSTRUMENT_ID, 1)));
    const reordered = Object.fromEntries(Object.entries(v1).reverse());
    expect(instrumentContentHash(reordered as never)).toBe(instrumentContentHash(v1));
    v1.items[0].text += ' ';
    expect(instrumentContentHash(v1)).not.toBe(instrumentContentHash(getInstrument(DEFAULT_INSTRUMENT_ID, 1)));
  });

  it('hands out frozen definitions, so a caller cannot change an old version in place', () => {
    const v1 = getInstrument(DEFAULT_INSTRUMENT_ID, 1);
    expect(Object.isFrozen(v1)).toBe(true);
    expect(Object.isFrozen(v1.items[0])).toBe(true);
    expect(() => {
      (v1.items[0] as { text: string }).text = 'changed';
    }).toThrow(TypeError);
    expect(getInstrument(DEFAULT_INSTRUMENT_ID, 1).items[0].text).not.toBe('changed');
  });

  it('names the id or version it does not know', () => {
    expect(() => getInstrument('nope')).toThrow(UnknownInstrumentError);
    expect(() => getInstrument('nope')).toThrow(/unknown instrument "nope" \(known: follow-up-pulse, leader-of-leaders\)/);
    expect(() => getInstrument(DEFAULT_INSTRUMENT_ID, 7)).toThrow(/instrument "leader-of-leaders" has no version 7 \(available: 1, 2\)/);
  });

  it('holds the follow-up pulse: three slot items of one dimension on a -3..+3 scale, no role profile', () => {
    const pulse = getInstrument(PULSE_INSTRUMENT_ID, PULSE_INSTRUMENT_VERSION);
    expect(pulse.scale).toMatchObject({ min: -3, max: 3 });
    expect(pulse.scale.labels).toHaveLength(7);
    expect(pulse.items.map((i) => i.id)).toEqual([...PULSE_SLOTS]);
    expect(new Set(pulse.items.map((i) => i.dimensionId))).toEqual(new Set(['change']));
    // raters of a pulse are the original cycle's non-self raters: self is never asked
    for (const item of pulse.items) expect(item.observers).not.toContain('self');
    expect(pulse.roleProfiles).toEqual([]);
  });

  it('keeps the built-in files beside the package', () => {
    expect(BUILT_IN_INSTRUMENTS_DIR).toMatch(/framework[/\\]instruments$/);
  });
});

describe('loadInstrumentFile (organisations bring their own)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'leaderscope-instr-'));
  const custom = {
    ...JSON.parse(JSON.stringify(getInstrument(DEFAULT_INSTRUMENT_ID, 1))),
    id: 'acme-leaders',
    version: 3,
    name: 'ACME leadership 360',
  };

  it('loads and validates a custom JSON instrument', () => {
    const path = join(dir, 'acme.json');
    writeFileSync(path, JSON.stringify(custom));
    const def = loadInstrumentFile(path);
    expect(def).toMatchObject({ id: 'acme-leaders', version: 3, name: 'ACME leadership 360' });
    expect(def.items).toHaveLength(52);
  });

  it('refuses a broken file with a message naming the file and the problem', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        ...custom,
        items: custom.items.map((it: { id: string }, i: number) => (i === 0 ? { ...it, dimensionId: 'ghost' } : it)),
      }),
    );
    expect(() => loadInstrumentFile(bad)).toThrow(InstrumentValidationError);
    expect(() => loadInstrumentFile(bad)).toThrow(/bad\.json.*items\[0\]\.dimensionId: unknown dimension "ghost" in item "dl-1"/);
    const notJson = join(dir, 'not.json');
    writeFileSync(notJson, '{ "id": ');
    expect(() => loadInstrumentFile(notJson)).toThrow(/not\.json\): \(root\): not valid JSON/);
    expect(() => loadInstrumentFile(join(dir, 'missing.json'))).toThrow(/missing\.json\): \(root\): cannot read file/);
  });
});
