/**
 * Where one member of a JSON text is, found by scanning its UTF-8 bytes, not by parsing it: how a
 * subscriber keeps a large part of an event (a report.updated's ~44 kB report) as the bytes it
 * arrived in, instead of serialising the parsed and validated value again. (JSON's structure is
 * ASCII, and no byte of a multi-byte UTF-8 character is ASCII, so the bytes scan as the text would.)
 *
 * `path` names object members from the top (`['payload', 'report']`). The bytes must be the UTF-8
 * of a text that `JSON.parse` accepted (the scan trusts its syntax); the answer is the span of the
 * text `JSON.parse` read for that member: the last of duplicate keys, as `JSON.parse` keeps the
 * last. Undefined when a member on the path is absent or its parent is not an object, and when the
 * occurrence `JSON.parse` keeps of a key on the path is written with an escape (`\u0061`): keys are
 * compared as written, and such a text is left to the caller's fallback. One pass, up to the end of
 * the outermost member.
 */
export function jsonMemberSpan(bytes: Uint8Array, path: readonly string[]): [number, number] | undefined {
  const keys = path.map((text) => ({ text, bytes: Buffer.from(text, 'utf8') }));
  return scan(bytes, skipSpace(bytes, 0), keys, 0)[1];
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

function skipSpace(bytes: Uint8Array, i: number): number {
  while (i < bytes.length && isSpace(bytes[i])) i++;
  return i;
}

/** The index after the string that opens at `i` (a quote): its closing quote is the first not escaped. */
function stringEnd(bytes: Uint8Array, i: number): number {
  const length = bytes.length;
  let j = i + 1;
  while (j < length) {
    const c = bytes[j];
    if (c === QUOTE) return j + 1;
    j += c === BACKSLASH ? 2 : 1; // an escape's next character is never the closing quote
  }
  return length;
}

/** The index after the value that starts at `i`. One pass, byte by byte (a report: ~44 kB). */
function valueEnd(bytes: Uint8Array, i: number): number {
  const first = bytes[i];
  if (first === QUOTE) return stringEnd(bytes, i);
  if (first === OPEN_BRACE || first === OPEN_BRACKET) {
    const length = bytes.length;
    let depth = 0;
    for (let j = i; j < length; j++) {
      const c = bytes[j];
      if (c === QUOTE) {
        // the string, inline: the scan's hottest loop
        for (j++; j < length; j++) {
          const s = bytes[j];
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
  while (j < bytes.length) {
    const c = bytes[j];
    if (c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || isSpace(c)) break;
    j++;
  }
  return j;
}

interface Key {
  text: string;
  bytes: Uint8Array;
}

/** A key written with an escape, as JSON.parse reads it. */
function decodedKey(bytes: Uint8Array, start: number, stop: number): string {
  return JSON.parse(`"${Buffer.from(bytes.buffer, bytes.byteOffset + start, stop - start).toString('utf8')}"`) as string;
}

/** Whether the bytes from `start` to `end` are `key`'s. */
function sameBytes(bytes: Uint8Array, start: number, end: number, key: Uint8Array): boolean {
  if (end - start !== key.length) return false;
  for (let k = 0; k < key.length; k++) if (bytes[start + k] !== key[k]) return false;
  return true;
}

/**
 * Scans the value that starts at `i` once: the index after it and, when `path` from `depth` on names
 * a member inside it, that member's span (its last occurrence, as JSON.parse keeps the last).
 */
function scan(bytes: Uint8Array, i: number, path: readonly Key[], depth: number): [number, [number, number] | undefined] {
  if (depth === path.length) {
    const end = valueEnd(bytes, i);
    return [end, [i, end]];
  }
  if (bytes[i] !== OPEN_BRACE) return [valueEnd(bytes, i), undefined];
  const key = path[depth];
  let found: [number, number] | undefined;
  let j = skipSpace(bytes, i + 1);
  while (bytes[j] === QUOTE) {
    const keyEnd = stringEnd(bytes, j);
    const [keyStart, keyStop] = [j + 1, keyEnd - 1];
    j = skipSpace(bytes, keyEnd);
    if (bytes[j] !== COLON) return [bytes.length, undefined]; // not JSON.parse's text
    const start = skipSpace(bytes, j + 1);
    let end: number;
    // A key without a backslash is written as it reads; one with an escape is decoded to be compared
    // (its written form may spell another key: `\"` is the key `"`), and if it is `key`, its value
    // is the one JSON.parse keeps (while last), left to the caller, who parses instead.
    const escaped = bytes.subarray(keyStart, keyStop).includes(BACKSLASH);
    if (!escaped && sameBytes(bytes, keyStart, keyStop, key.bytes)) [end, found] = scan(bytes, start, path, depth + 1);
    else {
      end = valueEnd(bytes, start);
      if (escaped && decodedKey(bytes, keyStart, keyStop) === key.text) found = undefined;
    }
    j = skipSpace(bytes, end);
    if (bytes[j] !== COMMA) break;
    j = skipSpace(bytes, j + 1);
  }
  return [skipSpace(bytes, j) + 1, found];
}
