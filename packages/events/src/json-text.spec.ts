import { jsonMemberSpan } from './json-text';

/** `jsonMemberSpan` on a text: the member's source text, or undefined. */
function jsonMemberText(text: string, path: readonly string[]): string | undefined {
  const bytes = Buffer.from(text, 'utf8');
  const span = jsonMemberSpan(bytes, path);
  return span && bytes.toString('utf8', span[0], span[1]);
}

/** A seeded generator (mulberry32), so a failing case can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Strings that trip a scanner: quotes, backslashes before a closing quote, brackets and braces,
// separators, control characters, non-ASCII and a surrogate pair.
const TRICKY = ['', 'plain', '"', '\\', 'a\\', '\\"', '}', '{', ']', '[', ',', ':', '"}],', '\n\t', 'é', '😀', 'report', 'payload'];

function value(next: () => number, depth: number): unknown {
  const kind = Math.floor(next() * (depth > 3 ? 4 : 6));
  switch (kind) {
    case 0:
      return TRICKY[Math.floor(next() * TRICKY.length)] + (next() < 0.3 ? TRICKY[Math.floor(next() * TRICKY.length)] : '');
    case 1:
      return next() < 0.5 ? Math.floor(next() * 1000) - 500 : (next() - 0.5) * 1e6 * next();
    case 2:
      return next() < 0.3 ? null : next() < 0.5;
    case 3:
      return next() < 0.5 ? 1e-7 * next() : 3.8333333333333335;
    case 4:
      return Array.from({ length: Math.floor(next() * 4) }, () => value(next, depth + 1));
    default:
      return Object.fromEntries(
        Array.from({ length: Math.floor(next() * 5) }, () => [TRICKY[Math.floor(next() * TRICKY.length)], value(next, depth + 1)]),
      );
  }
}

/** Every path of object members in `x`, as far down as `depth`. */
function memberPaths(x: unknown, prefix: string[] = []): string[][] {
  if (!x || typeof x !== 'object' || Array.isArray(x)) return [];
  return Object.entries(x).flatMap(([k, v]) => [[...prefix, k], ...memberPaths(v, [...prefix, k])]);
}

const at = (x: unknown, path: string[]) => path.reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], x);

describe('jsonMemberSpan', () => {
  it("finds an envelope's report as it was written", () => {
    const report = { scores: { dimensions: [{ dimensionId: 'a{b', mean: 3.8333333333333335, ci95: [1, 2] }] }, comments: ['"}'] };
    const envelope = { id: 'e', payload: { cycleId: 'c', report, scoredAt: 'now' }, key: 'k' };
    const text = JSON.stringify(envelope);
    expect(jsonMemberText(text, ['payload', 'report'])).toBe(JSON.stringify(report));
    expect(jsonMemberText(JSON.stringify(envelope, null, 2), ['payload', 'report'])).toBe(
      JSON.stringify(report, null, 2).replace(/\n/g, '\n    '),
    );
    expect(jsonMemberText(text, ['payload', 'scoredAt'])).toBe('"now"');
    expect(jsonMemberText(text, [])).toBe(text);
  });

  it('reads the last of duplicate keys, as JSON.parse does', () => {
    const text = '{"payload":{"report":{"n":1},"other":2,"report":{"n":2}},"payload2":1}';
    expect(JSON.parse(jsonMemberText(text, ['payload', 'report'])!)).toEqual(JSON.parse(text).payload.report);
    expect(jsonMemberText('{"a":1,"a" : [3, {"b":"]"}] }', ['a'])).toBe('[3, {"b":"]"}]');
  });

  it('answers undefined for a member that is absent, under a value that is not an object, or whose key is escaped', () => {
    expect(jsonMemberText('{"payload":{"reports":{}}}', ['payload', 'report'])).toBeUndefined();
    expect(jsonMemberText('{"payload":[{"report":{}}]}', ['payload', 'report'])).toBeUndefined();
    expect(jsonMemberText('{"payload":"{\\"report\\":{}}"}', ['payload', 'report'])).toBeUndefined();
    expect(jsonMemberText('[1,2]', ['payload'])).toBeUndefined();
    // JSON.parse reads `r\u0065port` as `report`: the text is left to the caller's fallback
    expect(jsonMemberText('{"payload":{"r\\u0065port":{"n":1}}}', ['payload', 'report'])).toBeUndefined();
    expect(jsonMemberText('{"payload":{"report":{"n":1},"r\\u0065port":{"n":2}}}', ['payload', 'report'])).toBeUndefined();
    // the key `"` is written \", which spells the key \" as written: compared decoded, it is not
    expect(jsonMemberText('{"payload":{"\\"":1}}', ['payload', '\\"'])).toBeUndefined();
    // an escaped key that is another member is passed over, and so is an escaped one JSON.parse does not keep
    expect(jsonMemberText('{"payload":{"a\\"b":1,"report":{"n":1}}}', ['payload', 'report'])).toBe('{"n":1}');
    expect(jsonMemberText('{"payload":{"r\\u0065port":{"n":1},"report":{"n":2}}}', ['payload', 'report'])).toBe('{"n":2}');
    // the last payload has no report: JSON.parse's payload.report is undefined, whatever came before
    expect(jsonMemberText('{"payload":{"report":{"n":1}},"payload":{"other":1}}', ['payload', 'report'])).toBeUndefined();
  });

  it('gives the text JSON.parse read for every member of 500 random documents, compact and indented', () => {
    const next = random(20261201);
    let checked = 0;
    for (let i = 0; i < 500; i++) {
      const doc = { payload: value(next, 0), [TRICKY[i % TRICKY.length]]: value(next, 1) };
      for (const text of [JSON.stringify(doc), JSON.stringify(doc, null, i % 3)]) {
        const parsed = JSON.parse(text) as unknown;
        for (const path of memberPaths(parsed)) {
          const found = jsonMemberText(text, path);
          // a key written with an escape (a quote, a backslash, a control character) is left to the fallback
          if (path.some((k) => JSON.stringify(k).includes('\\'))) expect(found).toBeUndefined();
          else {
            expect(found).toBeDefined();
            expect(JSON.parse(found!)).toEqual(at(parsed, path));
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});
