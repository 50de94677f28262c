/**
 * How many decimal places a report's figures keep once they leave the engine to be stored, sent and
 * shown: the dashboard and the PDF show two, the results CSV three. Full-precision doubles (17
 * significant digits) made a subject's report about a quarter longer and much harder to compress,
 * which PostgreSQL, Kafka and every consumer pay for on each report (docs/architecture.md, "Report
 * figures at four places").
 */
export const REPORT_FIGURE_DECIMALS = 4;

/**
 * A copy of a result with every figure that is not a whole number rounded to `decimals` places,
 * half away from zero (so a figure and its negation round alike: a gap of −0.12345 and 0.12345 give
 * −0.1235 and 0.1235). Whole numbers (counts, sizes), strings, booleans and nulls are copied as they
 * are; the input is not changed. The engine computes at full precision and decides everything
 * (publication, rankings, flags) on it; this is for what leaves it to be stored and shown.
 */
export function roundFigures<T>(value: T, decimals: number): T {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 15)
    throw new RangeError(`decimals must be an integer from 0 to 15, got ${decimals}`);
  return roundValue(value, 10 ** decimals) as T;
}

/**
 * A copy made the way V8 copies fastest: an object by spreading it (one copy of its shape, its fields
 * already in place) and an array by slicing it, then only the fields that need it are replaced. Each
 * object is built with its keys in the same order as before, so the text JSON.stringify writes is
 * unchanged. About half the time of building each copy key by key (0.33 ms a report in a replay
 * profile: docs/benchmarks.md, "Twenty-second round").
 */
function roundValue(value: unknown, factor: number): unknown {
  if (typeof value === 'number') return roundNumber(value, factor);
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out = value.slice();
    for (let i = 0; i < out.length; i++) if (needsRounding(out[i])) out[i] = roundValue(out[i], factor);
    return out;
  }
  const out: Record<string, unknown> = { ...value };
  for (const key of Object.keys(out)) if (needsRounding(out[key])) out[key] = roundValue(out[key], factor);
  return out;
}

/** A figure that is not whole, or an object or array that may hold one. */
function needsRounding(v: unknown): boolean {
  return typeof v === 'number' ? !Number.isInteger(v) : v !== null && typeof v === 'object';
}

function roundNumber(value: number, factor: number): number {
  if (Number.isInteger(value) || !Number.isFinite(value)) return value;
  const rounded = Math.round(Math.abs(value) * factor) / factor;
  return value < 0 ? (rounded === 0 ? 0 : -rounded) : rounded;
}
