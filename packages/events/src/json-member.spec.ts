import { memberText } from './json-member';

describe('memberText: the exact text of a member of a JSON text', () => {
  const envelope = (payload: string) => `{"id":"e1","type":"report.updated","payload":${payload},"key":"c:s"}`;

  it('returns the member as it was written, byte for byte', () => {
    const report = '{ "mean": 1.50, "sd": null,\n "ci95": [1e0, 2.0] }';
    const text = envelope(`{"cycleId":"c","report":${report},"scoredAt":"2026-01-01T00:00:00.000Z"}`);
    expect(memberText(text, ['payload', 'report'])).toBe(report);
    expect(memberText(text, ['payload', 'cycleId'])).toBe('"c"');
    expect(memberText(text, ['key'])).toBe('"c:s"');
  });

  it('skips strings holding quotes, backslashes, braces and brackets', () => {
    const report = JSON.stringify({ text: 'a "quoted" {brace} [bracket] \\ end\\', n: [{ x: '}' }], s: '\\"' });
    const text = envelope(JSON.stringify({ before: '"report":{}', report: JSON.parse(report) as unknown, after: '\\' }));
    expect(memberText(text, ['payload', 'report'])).toBe(report);
  });

  it('agrees with JSON.parse on members of every kind, at any depth', () => {
    const doc = {
      a: { b: { c: [1, { d: 'x' }], e: null }, f: -0.5e-7 },
      g: true,
      h: 'str"ing',
      i: [],
      j: {},
    };
    const text = JSON.stringify(doc, null, 2);
    for (const path of [['a'], ['a', 'b'], ['a', 'b', 'c'], ['a', 'b', 'e'], ['a', 'f'], ['g'], ['h'], ['i'], ['j']]) {
      const member = memberText(text, path);
      const expected = path.reduce<unknown>((value, key) => (value as Record<string, unknown>)[key], doc);
      expect([path.join('.'), JSON.parse(member!)]).toEqual([path.join('.'), expected]);
    }
  });

  it('finds nothing for a path that is absent or runs through a value that is not an object', () => {
    const text = envelope('{"report":[{"x":1}],"n":3}');
    expect(memberText(text, ['payload', 'missing'])).toBeUndefined();
    expect(memberText(text, ['payload', 'report', 'x'])).toBeUndefined();
    expect(memberText(text, ['payload', 'n', 'x'])).toBeUndefined();
    expect(memberText('[1,2]', ['a'])).toBeUndefined();
    expect(memberText('{}', ['a'])).toBeUndefined();
    expect(memberText('{"a":1}', [])).toBeUndefined();
  });

  // JSON.parse keeps the last of two equal keys; the caller then serialises the parsed value.
  it('does not guess when a key on the path appears twice, at any level', () => {
    expect(memberText('{"payload":{"report":{"a":1},"report":{"a":2}}}', ['payload', 'report'])).toBeUndefined();
    expect(memberText('{"payload":{"report":{"a":1}},"payload":{"report":{"a":2}}}', ['payload', 'report'])).toBeUndefined();
    expect(memberText('{"payload":{"report":{"a":1},"other":{"report":2}}}', ['payload', 'report'])).toBe('{"a":1}');
  });

  it('does not guess when a key on the path is written with an escape', () => {
    expect(memberText('{"payload":{"r\\u0065port":{"a":2}}}', ['payload', 'report'])).toBeUndefined();
    expect(memberText('{"payload":{"report":{"a":1},"r\\u0065port":{"a":2}}}', ['payload', 'report'])).toBeUndefined();
    expect(memberText('{"p\\u0061yload":{"report":{"a":1}}}', ['payload', 'report'])).toBeUndefined();
    // An escaped key that is not on the path changes nothing.
    expect(memberText('{"payload":{"n\\u0061me":"x","report":{"a":1}}}', ['payload', 'report'])).toBe('{"a":1}');
  });
});
