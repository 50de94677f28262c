/**
 * The exact text of one member of a JSON document, found by its keys from the root: how a consumer
 * keeps a large validated value (a report.updated's report) as the text it received instead of
 * serialising the parsed value again.
 *
 * `json` must be a text `JSON.parse` accepted (it is not checked again). Returns undefined when
 * the member is absent, when a key on the path appears twice in its object (`JSON.parse` keeps the
 * last; this does not guess), or when a key that could be on the path is written with an escape
 * (`"r\u0065port"`): the caller then serialises the parsed value as before.
 */
export function memberText(json: string, path: readonly string[]): string | undefined {
  if (path.length === 0) return undefined;
  const start = whitespaceEnd(json, 0);
  if (json.charCodeAt(start) !== OPEN_BRACE) return undefined;
  const { found } = scanObject(json, start, path, 0);
  return found === null || found === AMBIGUOUS ? undefined : json.slice(found.start, found.end);
}

const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const AMBIGUOUS = 'ambiguous';

type Found = { start: number; end: number } | null | typeof AMBIGUOUS;

function whitespaceEnd(s: string, i: number): number {
  for (;;) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9) i++;
    else return i;
  }
}

/** `s[i]` opens a string; returns the index after its closing quote. */
function stringEnd(s: string, i: number): number {
  let from = i + 1;
  for (;;) {
    const quote = s.indexOf('"', from);
    if (quote < 0) throw new SyntaxError('unterminated string: not a text JSON.parse accepted');
    let backslashes = 0;
    while (s.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    from = quote + 1;
  }
}

/** `s[i]` starts a value; returns the index after it. */
function valueEnd(s: string, i: number): number {
  const first = s.charCodeAt(i);
  if (first === QUOTE) return stringEnd(s, i);
  if (first === OPEN_BRACE || first === OPEN_BRACKET) {
    let depth = 0;
    for (;;) {
      const c = s.charCodeAt(i);
      if (c === QUOTE) {
        i = stringEnd(s, i);
        continue;
      }
      if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
      else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        if (--depth === 0) return i + 1;
      } else if (Number.isNaN(c)) throw new SyntaxError('unterminated value: not a text JSON.parse accepted');
      i++;
    }
  }
  // A number, true, false or null: up to the next separator.
  for (;;) {
    const c = s.charCodeAt(i);
    if (Number.isNaN(c) || c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || c === 32 || c === 10 || c === 13 || c === 9) return i;
    i++;
  }
}

/**
 * `s[i]` opens an object. Walks all its members (a duplicate of the wanted key may come later) and
 * descends into the one named `path[k]`; returns the index after the object and what was found.
 */
function scanObject(s: string, i: number, path: readonly string[], k: number): { end: number; found: Found } {
  let found: Found = null;
  let matched = false;
  i = whitespaceEnd(s, i + 1);
  if (s.charCodeAt(i) === CLOSE_BRACE) return { end: i + 1, found };
  for (;;) {
    const keyEnd = stringEnd(s, i);
    const rawKey = s.slice(i + 1, keyEnd - 1);
    const escaped = rawKey.includes('\\');
    const wanted = escaped ? (JSON.parse(`"${rawKey}"`) as string) === path[k] : rawKey === path[k];
    i = whitespaceEnd(s, whitespaceEnd(s, keyEnd) + 1); // past the colon
    let end: number;
    if (!wanted) end = valueEnd(s, i);
    else {
      let here: Found;
      if (k === path.length - 1) {
        end = valueEnd(s, i);
        here = { start: i, end };
      } else if (s.charCodeAt(i) === OPEN_BRACE) {
        const inner = scanObject(s, i, path, k + 1);
        end = inner.end;
        here = inner.found;
      } else {
        end = valueEnd(s, i);
        here = null;
      }
      found = matched || escaped ? AMBIGUOUS : here;
      matched = true;
    }
    i = whitespaceEnd(s, end);
    if (s.charCodeAt(i) !== COMMA) return { end: i + 1, found };
    i = whitespaceEnd(s, i + 1);
  }
}
