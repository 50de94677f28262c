import { changeBetweenCycles, changeInterval, Instrument, RaterResponse, scoreSubject } from './index';

const instrument: Instrument = {
  scale: { min: 1, max: 5 },
  dimensions: [{ id: 'A' }, { id: 'B' }],
  items: [
    { id: 'a', dimensionId: 'A' },
    { id: 'b', dimensionId: 'B' },
  ],
};
const peers = (prefix: string, a: number[], b: number[]): RaterResponse[] =>
  a.map((v, i) => ({ raterId: `${prefix}${i}`, group: 'peer', answers: { a: v, b: b[i] } }));

describe('change between two cycles', () => {
  // Reference: scipy.stats.ttest_ind(after, before, equal_var=False).confidence_interval(0.95) (SciPy 1.17).
  // Answers are whole points, so the reference's 0.5 steps are doubled here, on a 1..10 scale.
  it('gives the Welch 95% interval of the difference and calls a change only when it excludes zero', () => {
    const ten: Instrument = { ...instrument, scale: { min: 1, max: 10 } };
    // scipy: before [3.0,3.5,2.5,4.0,3.0], after [4.0,4.5,3.5,4.0,5.0,4.5] → Δ 1.05, CI [0.287408, 1.812592], df 8.3203
    // On the doubled scale every figure doubles.
    const before = scoreSubject({ instrument: ten, responses: peers('x', [6, 7, 5, 8, 6], [6, 7, 8, 9, 6]) });
    const after = scoreSubject({ instrument: ten, responses: peers('y', [8, 9, 7, 8, 10, 9], [7, 8, 8, 9, 6, 8]) });
    const res = changeBetweenCycles({ previous: before, current: after });
    const A = res.dimensions[0];
    expect(A.change).toBeCloseTo(2 * 1.05, 10);
    expect(A.ci95![0]).toBeCloseTo(2 * 0.28740763422897175, 8);
    expect(A.ci95![1]).toBeCloseTo(2 * 1.812592365771028, 8);
    expect(A.call).toBe('improved');
    // B: before 6, 7, 8, 9, 6 → after 7, 8, 8, 9, 6, 8: Δ 0.333, an interval that spans zero
    const B = res.dimensions[1];
    expect(B.call).toBe('no-clear-change');
    expect(B.ci95![0]).toBeLessThan(0);
    expect(B.ci95![1]).toBeGreaterThan(0);
    expect(A.comparability.groupMix).toEqual({
      previous: { published: { peer: 5 }, merged: 0 },
      current: { published: { peer: 6 }, merged: 0 },
    });
    expect(res.ratersInCommon).toBeNull();
  });

  it('matches a second Welch reference (small change, wide interval)', () => {
    // scipy: before [3.0,3.5,4.0,4.5] after [3.5,4.0,4.0,4.5,3.0] → Δ 0.05, CI [-0.951501, 1.051501], df 6.1238
    const ci = changeInterval(
      { mean: 3.75, n: 4, ci95: ci95Of([3, 3.5, 4, 4.5]), df: 3 },
      { mean: 3.8, n: 5, ci95: ci95Of([3.5, 4, 4, 4.5, 3]), df: 4 },
    )!;
    expect(ci[0]).toBeCloseTo(-0.9515009583340788, 8);
    expect(ci[1]).toBeCloseTo(1.0515009583340784, 8);
  });

  it('is not comparable where a side is not published, and reports raters and items in common', () => {
    const prev = scoreSubject({ instrument, responses: peers('p', [3, 4], [3, 4]) }); // 2 peers: suppressed
    const cur = scoreSubject({ instrument, responses: peers('p', [3, 4, 5], [3, 4, 5]) });
    const previousInstrument: Instrument = {
      ...instrument,
      items: [
        { id: 'a', dimensionId: 'A' },
        { id: 'b-old', dimensionId: 'B' },
      ],
    };
    const res = changeBetweenCycles({
      previous: prev,
      current: cur,
      previousRaters: ['k1', 'k2'],
      currentRaters: ['k1', 'k2', 'k3'],
      previousInstrument,
      currentInstrument: instrument,
    });
    expect(res.dimensions[0]).toMatchObject({ previous: null, change: null, ci95: null, call: 'not-comparable' });
    expect(res.dimensions[0].comparability.itemsInCommon).toEqual({ common: 1, current: 1, share: 1 });
    expect(res.dimensions[1].comparability.itemsInCommon).toEqual({ common: 0, current: 1, share: 0 });
    expect(res.ratersInCommon).toEqual({ common: 2, previous: 2, current: 3, shareOfCurrent: 2 / 3 });
  });
});

// the published t-interval of a mean: t(0.975, n − 1) from the table
function ci95Of(xs: number[]): [number, number] {
  const T = { 3: 3.182446305284263, 4: 2.7764451051977934 } as Record<number, number>;
  const n = xs.length;
  const m = xs.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (n - 1));
  const h = (T[n - 1] * sd) / Math.sqrt(n);
  return [m - h, m + h];
}
