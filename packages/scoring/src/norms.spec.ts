import { MIN_NORM_SUBJECTS, normGroupOf, normPercentile, percentileRank } from './index';

describe('norm percentiles (mid-rank, ties share their rank)', () => {
  // Reference values from scipy.stats.percentileofscore(values, v, kind='mean') (SciPy 1.17).
  const values = [3.2, 3.5, 3.5, 3.5, 4.0, 4.1, 2.9, 3.5, 4.4, 3.0, 3.8, 3.5];
  it.each([
    [3.5, 45.833333333333336], // 5 below, 5 equal: (5 + 2.5)/12
    [2.9, 4.166666666666667], // lowest, alone: 0.5/12
    [4.4, 95.83333333333334],
    [3.6, 66.66666666666667], // not in the group: 8 below
    [1.0, 0],
  ])('value %p → %p', (v, expected) => {
    expect(percentileRank(values, v)).toBeCloseTo(expected, 10);
  });

  it('a norm group where everyone ties puts everyone at 50', () => {
    expect(percentileRank([4, 4, 4, 4, 4, 4, 4, 4, 4, 4], 4)).toBe(50);
  });

  it('is shown only when the norm group has at least 10 subjects, always with its size', () => {
    expect(MIN_NORM_SUBJECTS).toBe(10);
    expect(normPercentile(3.5, values)).toEqual({ percentile: expect.closeTo(45.8333333, 6), normSize: 12, available: true, reason: null });
    const nine = normPercentile(3.5, values.slice(0, 9));
    expect(nine).toEqual({
      percentile: null,
      normSize: 9,
      available: false,
      reason: 'the norm group has 9 subjects; norms need at least 10',
    });
    expect(normPercentile(3.5, values.slice(0, 10)).available).toBe(true);
    expect(normPercentile(3.5, values, 13).available).toBe(false);
    expect(() => normPercentile(3.5, values, 9)).toThrow(/minSubjects must be an integer >= 10/);
    expect(() => percentileRank([1, NaN], 1)).toThrow(/values\[1\] is not a finite number/);
  });

  describe('one norm group for many subjects (normGroupOf)', () => {
    // a seeded group with many ties (scores on a 0.25 grid), -0 and 0, and values in and out of it
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const group = Array.from({ length: 400 }, () => 1 + Math.round(next() * 16) / 4);
    group.push(0, -0, 0);
    const asked = [...group.slice(0, 60), 0, -0, -1, 0.1, 2.125, 5, 6, 1e-12];

    it('gives what normPercentile gives, value by value', () => {
      const norms = normGroupOf(group);
      expect(norms.normSize).toBe(group.length);
      for (const value of asked) expect(norms.percentileOf(value)).toEqual(normPercentile(value, group));
    });

    it('withholds the percentile of a group below the minimum, as normPercentile does', () => {
      const small = group.slice(0, 12);
      for (const value of asked.slice(0, 5)) expect(normGroupOf(small, 13).percentileOf(value)).toEqual(normPercentile(value, small, 13));
      expect(normGroupOf(small, 13).percentileOf(NaN)).toEqual(normPercentile(NaN, small, 13));
    });

    it('refuses what normPercentile refuses, with the same messages', () => {
      const norms = normGroupOf(group);
      expect(() => norms.percentileOf(NaN)).toThrow('percentileRank: value NaN is not a finite number');
      expect(() => normPercentile(NaN, group)).toThrow('percentileRank: value NaN is not a finite number');
      expect(() => normGroupOf(group, 9)).toThrow(/minSubjects must be an integer >= 10/);
      expect(() => normGroupOf([...group.slice(0, 20), Infinity])).toThrow('percentileRank: values[20] is not a finite number (Infinity)');
      expect(() => normPercentile(3, [...group.slice(0, 20), Infinity])).toThrow(
        'percentileRank: values[20] is not a finite number (Infinity)',
      );
    });
  });
});
