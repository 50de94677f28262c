import { cronbachAlpha, icc, iccMeanSquares, ICC_FORMS, rwg, rwgJ, ScoringInputError, tQuantile975 } from './index';

// Shrout & Fleiss (1979), Table 4: 6 targets rated by 4 judges.
const SF = [
  [9, 2, 5, 8],
  [6, 1, 3, 2],
  [8, 4, 6, 8],
  [7, 1, 2, 6],
  [10, 5, 6, 9],
  [6, 2, 4, 7],
];

describe('icc (Shrout & Fleiss 1979)', () => {
  it('reproduces the mean squares of their Table 4', () => {
    const ms = iccMeanSquares(SF);
    // By hand: grand mean 127/24; BMS = 4·Σ(row mean − grand)²/5 etc.
    expect(ms.BMS).toBeCloseTo(11.24, 2);
    expect(ms.WMS).toBeCloseTo(6.26, 2);
    expect(ms.JMS).toBeCloseTo(32.49, 2);
    expect(ms.EMS).toBeCloseTo(1.02, 2);
  });

  it.each([
    ['ICC(1,1)', 0.17],
    ['ICC(2,1)', 0.29],
    ['ICC(3,1)', 0.71],
    ['ICC(1,k)', 0.44],
    ['ICC(2,k)', 0.62],
    ['ICC(3,k)', 0.91],
  ] as const)('%s = %s on their example', (form, expected) => {
    expect(Math.round(icc(SF, form) * 100) / 100).toBe(expected);
  });

  it('gives 1 for every form when judges agree exactly and targets differ', () => {
    const data = [
      [1, 1, 1],
      [3, 3, 3],
      [5, 5, 5],
    ];
    for (const f of ICC_FORMS) expect(icc(data, f)).toBeCloseTo(1, 12);
  });

  it('refuses ragged, incomplete or too small data and unknown forms', () => {
    expect(() => icc([[1, 2], [3]], 'ICC(1,1)')).toThrow(/row 1 has 1 values/);
    expect(() =>
      icc(
        [
          [1, 2],
          [3, NaN],
        ],
        'ICC(1,1)',
      ),
    ).toThrow(/row 1, column 1/);
    expect(() => icc([[1, 2]], 'ICC(1,1)')).toThrow(/at least 2 rows/);
    expect(() => icc([[1], [2]], 'ICC(1,1)')).toThrow(/at least 2 columns/);
    expect(() => icc(SF, 'ICC(4,1)' as never)).toThrow(ScoringInputError);
    expect(() =>
      icc(
        [
          [2, 2],
          [2, 2],
        ],
        'ICC(3,k)',
      ),
    ).toThrow(/ICC\(3,k\) is undefined/);
  });
});

describe('cronbachAlpha', () => {
  it('matches a hand-worked 4 × 3 example (111/116)', () => {
    // item variances 5/3, 11/12, 11/12 (sum 7/2); total scores 8,13,10,15 have variance 29/3.
    // alpha = 3/2 · (1 − (7/2)/(29/3)) = 3/2 · 37/58 = 111/116
    const data = [
      [2, 3, 3],
      [4, 4, 5],
      [3, 3, 4],
      [5, 5, 5],
    ];
    expect(cronbachAlpha(data)).toBeCloseTo(111 / 116, 12);
  });

  it('drops rows with a missing value', () => {
    // [[1,2],[2,1],[3,3]]: item variances 1 and 1, totals 3,3,6 variance 3 → alpha = 2·(1 − 2/3) = 2/3
    expect(
      cronbachAlpha([
        [1, 2],
        [2, 1],
        [3, 3],
      ]),
    ).toBeCloseTo(2 / 3, 12);
    expect(
      cronbachAlpha([
        [1, 2],
        [null, 5],
        [2, 1],
        [3, 3],
        [4, undefined],
      ]),
    ).toBeCloseTo(2 / 3, 12);
  });

  it('is 1 for perfectly parallel items', () => {
    expect(
      cronbachAlpha([
        [1, 1],
        [2, 2],
        [3, 3],
      ]),
    ).toBeCloseTo(1, 12);
  });

  it('refuses input it cannot score', () => {
    expect(() => cronbachAlpha([[1], [2]])).toThrow(/at least 2 items/);
    expect(() =>
      cronbachAlpha([
        [1, 2],
        [null, 3],
      ]),
    ).toThrow(/at least 2 complete rows/);
    expect(() =>
      cronbachAlpha([
        [2, 2],
        [2, 2],
      ]),
    ).toThrow(/zero variance/);
    expect(() =>
      cronbachAlpha([
        [1, 2],
        [2, Infinity],
      ]),
    ).toThrow(/row 1, column 1/);
  });
});

describe('rwg and rwgJ (James, Demaree & Wolf 1984)', () => {
  it('rwg = 1 − s²/σ²EU', () => {
    // [3,3,4,4]: s² = 1/3; σ²EU for 5 points = (25 − 1)/12 = 2 → 1 − 1/6
    expect(rwg([3, 3, 4, 4], 5)).toBeCloseTo(5 / 6, 12);
    // 7-point scale: σ²EU = 4; [2,4] s² = 2 → 0.5
    expect(rwg([2, 4], 7)).toBeCloseTo(0.5, 12);
    expect(rwg([4, 4, 4], 5)).toBe(1);
  });

  it('is clamped to [0, 1] and null below two ratings', () => {
    expect(rwg([1, 5], 5)).toBe(0); // s² = 8 > 2
    expect(rwg([3], 5)).toBeNull();
    expect(rwg([], 5)).toBeNull();
  });

  it('rwgJ uses the mean item variance', () => {
    // items: [3,4,5] s² = 1, [4,4,4] s² = 0 → s̄² = 1/2, ratio 1/4, J = 2 → 1.5 / 1.75 = 6/7
    expect(
      rwgJ(
        [
          [3, 4],
          [4, 4],
          [5, 4],
        ],
        5,
      ),
    ).toBeCloseTo(6 / 7, 12);
    expect(rwgJ([[3, 3]], 5)).toBeNull();
  });

  it('rwgJ is 0, not above 1, when item variance exceeds the uniform null', () => {
    // s̄² = 8, ratio 4, J = 5: the raw formula gives (−15)/(−11) > 1; it must clamp to 0
    expect(
      rwgJ(
        [
          [1, 1, 1, 1, 1],
          [5, 5, 5, 5, 5],
        ],
        5,
      ),
    ).toBe(0);
  });

  it('refuses bad arguments', () => {
    expect(() => rwg([1, 2], 1)).toThrow(/scalePoints/);
    expect(() => rwg([1, NaN], 5)).toThrow(/rating 1/);
    expect(() => rwgJ([[1, 2], [1]], 5)).toThrow(/row 1/);
  });
});

describe('tQuantile975', () => {
  it('matches printed t tables', () => {
    expect(tQuantile975(1)).toBeCloseTo(12.706, 3);
    expect(tQuantile975(2)).toBeCloseTo(4.303, 3);
    expect(tQuantile975(4)).toBeCloseTo(2.776, 3);
    expect(tQuantile975(10)).toBeCloseTo(2.228, 3);
    expect(tQuantile975(30)).toBeCloseTo(2.042, 3);
    expect(tQuantile975(1e6)).toBeCloseTo(1.96, 2);
  });
});
