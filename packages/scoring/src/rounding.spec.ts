import { REPORT_FIGURE_DECIMALS, roundFigures } from './index';

/** Decimal places a finite number is written with (JSON's shortest form). */
const placesOf = (x: number) => {
  const [mantissa, exponent] = String(x).split('e');
  const places = (mantissa.split('.')[1] ?? '').length - Number(exponent ?? 0);
  return Math.max(0, places);
};

describe('roundFigures: a result as it is stored and shown', () => {
  it('rounds every figure that is not whole, half away from zero, alike for a figure and its negation', () => {
    expect(roundFigures({ mean: 2.3333333333333335, gap: -1.3333333333333335, rwg: 0.15000000000000002 }, 4)).toEqual({
      mean: 2.3333,
      gap: -1.3333,
      rwg: 0.15,
    });
    expect(roundFigures([0.00005, -0.00005, 1.23456, -1.23456], 4)).toEqual([0.0001, -0.0001, 1.2346, -1.2346]);
    // a negative figure that rounds to nothing is written 0, not -0
    expect(Object.is(roundFigures(-0.00001, 4), 0)).toBe(true);
  });

  it('keeps whole numbers, strings, booleans and nulls, and changes nothing in its input', () => {
    const input = { n: 12, normSize: 0, ci95: [1.23456789, 3.98765432], sd: null, call: 'improved', on: true, nested: [{ x: 7.77777 }] };
    const copy = structuredClone(input);
    const out = roundFigures(input, 2);
    expect(out).toEqual({ n: 12, normSize: 0, ci95: [1.23, 3.99], sd: null, call: 'improved', on: true, nested: [{ x: 7.78 }] });
    expect(input).toEqual(copy);
    expect(out.nested).not.toBe(input.nested);
  });

  it('copies every object and array, even one with nothing to round, keeping the order of their keys', () => {
    const input = { z: 1, a: { includes: ['peer', 'manager'], n: 3 }, m: [[1, 2], [0.123456]], b: 0.55555 };
    const out = roundFigures(input, 3);
    expect(JSON.stringify(out)).toBe('{"z":1,"a":{"includes":["peer","manager"],"n":3},"m":[[1,2],[0.123]],"b":0.556}');
    expect(out.a).not.toBe(input.a);
    expect(out.a.includes).not.toBe(input.a.includes);
    expect(out.m[0]).not.toBe(input.m[0]);
    out.a.includes.push('self');
    expect(input.a.includes).toEqual(['peer', 'manager']);
  });

  it('on random figures: each within half a unit of the last place kept, written with no more places than that', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 10 - 5;
    for (let i = 0; i < 10_000; i++) {
      const x = random() / (i % 7 === 0 ? 1000 : 1);
      const r = roundFigures(x, REPORT_FIGURE_DECIMALS);
      expect(Math.abs(r - x)).toBeLessThanOrEqual(0.5e-4 + 1e-12);
      expect(placesOf(r)).toBeLessThanOrEqual(REPORT_FIGURE_DECIMALS);
      expect(roundFigures(-x, REPORT_FIGURE_DECIMALS)).toBe(r === 0 ? 0 : -r);
    }
  });

  it('refuses a number of places that is not a whole number from 0 to 15', () => {
    for (const bad of [-1, 1.5, 16, Number.NaN]) expect(() => roundFigures(1.5, bad)).toThrow(/decimals must be an integer from 0 to 15/);
  });
});
