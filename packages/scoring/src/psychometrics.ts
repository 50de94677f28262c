/** Psychometric primitives of the contract: icc, cronbachAlpha, rwg, rwgJ. */
import { ScoringInputError } from './errors';
import { sampleVariance } from './stats';

export type IccForm = 'ICC(1,1)' | 'ICC(2,1)' | 'ICC(3,1)' | 'ICC(1,k)' | 'ICC(2,k)' | 'ICC(3,k)';
export const ICC_FORMS: readonly IccForm[] = ['ICC(1,1)', 'ICC(2,1)', 'ICC(3,1)', 'ICC(1,k)', 'ICC(2,k)', 'ICC(3,k)'];

/** Mean squares of the two-way layout of Shrout & Fleiss (1979), Table 2. */
export interface IccMeanSquares {
  n: number; // targets
  k: number; // judges
  BMS: number; // between targets
  WMS: number; // within targets
  JMS: number; // between judges
  EMS: number; // residual
}

function checkMatrix(data: unknown, what: string, minRows: number, minCols: number): number[][] {
  if (!Array.isArray(data)) throw new ScoringInputError(`${what}: data must be an array of rows`);
  if (data.length < minRows) throw new ScoringInputError(`${what}: needs at least ${minRows} rows, got ${data.length}`);
  let k = -1;
  data.forEach((row, i) => {
    if (!Array.isArray(row)) throw new ScoringInputError(`${what}: row ${i} is not an array`);
    if (k === -1) k = row.length;
    else if (row.length !== k) throw new ScoringInputError(`${what}: row ${i} has ${row.length} values, row 0 has ${k}`);
  });
  if (k < minCols) throw new ScoringInputError(`${what}: needs at least ${minCols} columns, got ${k}`);
  return data as number[][];
}

export function iccMeanSquares(data: number[][]): IccMeanSquares {
  checkMatrix(data, 'icc', 2, 2);
  const n = data.length;
  const k = data[0].length;
  data.forEach((row, i) =>
    row.forEach((v, j) => {
      if (typeof v !== 'number' || !Number.isFinite(v))
        throw new ScoringInputError(`icc: value at row ${i}, column ${j} is not a finite number (${String(v)}); complete data required`);
    }),
  );
  let grand = 0;
  const rowMeans = new Array<number>(n).fill(0);
  const colMeans = new Array<number>(k).fill(0);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < k; j++) {
      rowMeans[i] += data[i][j] / k;
      colMeans[j] += data[i][j] / n;
      grand += data[i][j];
    }
  grand /= n * k;
  let ssRows = 0;
  let ssCols = 0;
  let ssTotal = 0;
  for (let i = 0; i < n; i++) ssRows += k * (rowMeans[i] - grand) ** 2;
  for (let j = 0; j < k; j++) ssCols += n * (colMeans[j] - grand) ** 2;
  for (let i = 0; i < n; i++) for (let j = 0; j < k; j++) ssTotal += (data[i][j] - grand) ** 2;
  const ssWithin = ssTotal - ssRows;
  const ssError = ssWithin - ssCols;
  return {
    n,
    k,
    BMS: ssRows / (n - 1),
    WMS: ssWithin / (n * (k - 1)),
    JMS: ssCols / (k - 1),
    EMS: ssError / ((n - 1) * (k - 1)),
  };
}

/**
 * Intraclass correlation, Shrout & Fleiss (1979). Rows are targets, columns are judges, complete data.
 *   ICC(1,1) = (BMS − WMS) / (BMS + (k−1)·WMS)        ICC(1,k) = (BMS − WMS) / BMS
 *   ICC(2,1) = (BMS − EMS) / (BMS + (k−1)·EMS + k·(JMS − EMS)/n)
 *   ICC(2,k) = (BMS − EMS) / (BMS + (JMS − EMS)/n)
 *   ICC(3,1) = (BMS − EMS) / (BMS + (k−1)·EMS)        ICC(3,k) = (BMS − EMS) / BMS
 */
export function icc(data: number[][], form: IccForm): number {
  if (!ICC_FORMS.includes(form))
    throw new ScoringInputError(`icc: unknown form ${JSON.stringify(form)}; expected one of ${ICC_FORMS.join(', ')}`);
  const { n, k, BMS, WMS, JMS, EMS } = iccMeanSquares(data);
  let value: number;
  switch (form) {
    case 'ICC(1,1)':
      value = (BMS - WMS) / (BMS + (k - 1) * WMS);
      break;
    case 'ICC(2,1)':
      value = (BMS - EMS) / (BMS + (k - 1) * EMS + (k * (JMS - EMS)) / n);
      break;
    case 'ICC(3,1)':
      value = (BMS - EMS) / (BMS + (k - 1) * EMS);
      break;
    case 'ICC(1,k)':
      value = (BMS - WMS) / BMS;
      break;
    case 'ICC(2,k)':
      value = (BMS - EMS) / (BMS + (JMS - EMS) / n);
      break;
    case 'ICC(3,k)':
      value = (BMS - EMS) / BMS;
      break;
  }
  if (!Number.isFinite(value))
    throw new ScoringInputError(`icc: ${form} is undefined for these data (a mean square in its denominator is zero)`);
  return value;
}

function isMissing(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v));
}

/**
 * Cronbach's alpha = k/(k−1) · (1 − Σ s²_item / s²_total). Rows are respondents, columns are items.
 * Rows with a missing value (null, undefined or NaN) are dropped. Needs at least 2 items and 2
 * complete rows, and a non-zero variance of the total score; otherwise throws ScoringInputError.
 */
export function cronbachAlpha(data: (number | null | undefined)[][]): number {
  checkMatrix(data, 'cronbachAlpha', 0, 0);
  if (data.length === 0) throw new ScoringInputError('cronbachAlpha: no rows');
  const k = data[0].length;
  if (k < 2) throw new ScoringInputError(`cronbachAlpha: needs at least 2 items (columns), got ${k}`);
  const rows: number[][] = [];
  data.forEach((row, i) => {
    let complete = true;
    row.forEach((v, j) => {
      if (isMissing(v)) complete = false;
      else if (typeof v !== 'number' || !Number.isFinite(v))
        throw new ScoringInputError(`cronbachAlpha: value at row ${i}, column ${j} is not a finite number (${String(v)})`);
    });
    if (complete) rows.push(row as number[]);
  });
  if (rows.length < 2) throw new ScoringInputError(`cronbachAlpha: needs at least 2 complete rows, got ${rows.length}`);
  let sumItemVar = 0;
  for (let j = 0; j < k; j++) sumItemVar += sampleVariance(rows.map((r) => r[j]));
  const totalVar = sampleVariance(rows.map((r) => r.reduce((a, b) => a + b, 0)));
  if (!(totalVar > 0)) throw new ScoringInputError('cronbachAlpha: the total score has zero variance; alpha is undefined');
  return (k / (k - 1)) * (1 - sumItemVar / totalVar);
}

function checkScalePoints(scalePoints: number, fn: string): number {
  if (!Number.isInteger(scalePoints) || scalePoints < 2)
    throw new ScoringInputError(`${fn}: scalePoints must be an integer >= 2, got ${String(scalePoints)}`);
  return (scalePoints * scalePoints - 1) / 12;
}

const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);

/**
 * rwg (James, Demaree & Wolf, 1984): 1 − s²/σ²EU with σ²EU = (A² − 1)/12, s² the sample variance.
 * Clamped to [0, 1]; null for fewer than 2 ratings.
 */
export function rwg(ratings: number[], scalePoints: number): number | null {
  const eu = checkScalePoints(scalePoints, 'rwg');
  if (!Array.isArray(ratings)) throw new ScoringInputError('rwg: ratings must be an array');
  ratings.forEach((v, i) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new ScoringInputError(`rwg: rating ${i} is not a finite number (${String(v)})`);
  });
  if (ratings.length < 2) return null;
  return clamp01(1 - sampleVariance(ratings) / eu);
}

/** rwg(J) from the mean item variance s̄² over J items: J(1 − s̄²/σ²EU) / (J(1 − s̄²/σ²EU) + s̄²/σ²EU), clamped. */
export function rwgJFromMeanVariance(meanVar: number, J: number, eu: number): number {
  const r = meanVar / eu;
  const num = J * (1 - r);
  const v = num / (num + r);
  // When r == 0 agreement is perfect (v = 1); when num + r crosses zero the ratio blows up: clamp.
  if (!Number.isFinite(v)) return num > 0 ? 1 : 0;
  if (num + r <= 0) return 0;
  return clamp01(v);
}

/**
 * rwg(J), the multi-item form. Rows are raters, columns are items (complete data).
 * s̄² is the mean of the item (column) sample variances. Clamped to [0, 1]; null for fewer than 2 raters.
 */
export function rwgJ(ratingsByRater: number[][], scalePoints: number): number | null {
  const eu = checkScalePoints(scalePoints, 'rwgJ');
  checkMatrix(ratingsByRater, 'rwgJ', 0, 0);
  ratingsByRater.forEach((row, i) =>
    row.forEach((v, j) => {
      if (typeof v !== 'number' || !Number.isFinite(v))
        throw new ScoringInputError(`rwgJ: value for rater ${i}, item ${j} is not a finite number (${String(v)})`);
    }),
  );
  if (ratingsByRater.length < 2) return null;
  const J = ratingsByRater[0].length;
  if (J < 1) throw new ScoringInputError('rwgJ: needs at least 1 item');
  let sum = 0;
  for (let j = 0; j < J; j++) sum += sampleVariance(ratingsByRater.map((r) => r[j]));
  return rwgJFromMeanVariance(sum / J, J, eu);
}
