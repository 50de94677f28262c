/**
 * The source text of one member of a JSON text, found by scanning it, not by parsing it: how a
 * subscriber keeps a large part of an event (a report.updated's ~44 kB report) as the text it
 * arrived in, instead of serialising the parsed and validated value again.
 *
 * `path` names object members from the top (`['payload', 'report']`). The text must be one that
 * `JSON.parse` accepted (the scan trusts its syntax); the answer is the text `JSON.parse` read for
 * that member: the last of duplicate keys, as `JSON.parse` keeps the last. Undefined when a member on
 * the path is absent or its parent is not an object, and when the occurrence `JSON.parse` keeps of a
 * key on the path is written with an escape (`\u0061`): keys are compared as written, and such a text
 * is left to the caller's fallback. One pass over the text, up to the end of the outermost member.
 */
export function jsonMemberText(text: string, path: readonly string[]): string | undefined {
  const span = scan(text, skipSpace(text, 0), path, 0)[1];
  return span && text.slice(span[0], span[1]);
}

const QUOTE = 0x22; // "
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b; // {
const CLOSE_BRACE = 0x7d; // }
const OPEN_BRACKET = 0x5b; // [
const CLOSE_BRACKET = 0x5d; // ]
const COMMA = 0x2c;
const COLON = 0x3a;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** The index after the string that opens at `i` (a quote): its closing quote is the first not escaped. */
function stringEnd(text: string, i: number): number {
  const length = text.length;
  let j = i + 1;
  while (j < length) {
    const c = text.charCodeAt(j);
    if (c === QUOTE) return j + 1;
    j += c === BACKSLASH ? 2 : 1; // an escape's next character is never the closing quote
  }
  return length;
}

/** The index after the value that starts at `i`. One pass, character by character (a report: ~44 kB). */
function valueEnd(text: string, i: number): number {
  const first = text.charCodeAt(i);
  if (first === QUOTE) return stringEnd(text, i);
  if (first === OPEN_BRACE || first === OPEN_BRACKET) {
    const length = text.length;
    let depth = 0;
    for (let j = i; j < length; j++) {
      const c = text.charCodeAt(j);
      if (c === QUOTE) {
        // the string, inline: the scan's hottest loop
        for (j++; j < length; j++) {
          const s = text.charCodeAt(j);
          if (s === QUOTE) break;
          if (s === BACKSLASH) j++;
        }
      } else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
      else if ((c === CLOSE_BRACE || c === CLOSE_BRACKET) && --depth === 0) return j + 1;
    }
    return length;
  }
  // a number, true, false or null: up to the next delimiter
  let j = i;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || isSpace(c)) break;
    j++;
  }
  return j;
}

/**
 * Scans the value that starts at `i` once: the index after it and, when `path` from `depth` on names
 * a member inside it, that member's span (its last occurrence, as JSON.parse keeps the last).
 */
function scan(text: string, i: number, path: readonly string[], depth: number): [number, [number, number] | undefined] {
  if (depth === path.length) {
    const end = valueEnd(text, i);
    return [end, [i, end]];
  }
  if (text.charCodeAt(i) !== OPEN_BRACE) return [valueEnd(text, i), undefined];
  const key = path[depth];
  let found: [number, number] | undefined;
  let j = skipSpace(text, i + 1);
  while (text.charCodeAt(j) === QUOTE) {
    const keyEnd = stringEnd(text, j);
    const written = text.slice(j + 1, keyEnd - 1);
    j = skipSpace(text, keyEnd);
    if (text.charCodeAt(j) !== COLON) return [text.length, undefined]; // not JSON.parse's text
    const start = skipSpace(text, j + 1);
    let end: number;
    // A key without a backslash is written as it reads; one with an escape is decoded to be compared
    // (its written form may spell another key: `\"` is the key `"`), and if it is `key`, its value
    // is the one JSON.parse keeps (while last), left to the caller, who parses instead.
    const escaped = written.includes('\\');
    if (!escaped && written === key) [end, found] = scan(text, start, path, depth + 1);
    else {
      end = valueEnd(text, start);
      if (escaped && JSON.parse(`"${written}"`) === key) found = undefined;
    }
    j = skipSpace(text, end);
    if (text.charCodeAt(j) !== COMMA) break;
    j = skipSpace(text, j + 1);
  }
  return [skipSpace(text, j) + 1, found];
}
