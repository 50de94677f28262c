import { describe, expect, it } from 'vitest';
import { fitBandKey, round, score, shownDifference, signed } from './format';

describe('figures as text', () => {
  it('never signs zero and writes one true minus sign', () => {
    expect(signed(-0.001)).toBe('0.00');
    expect(signed(-0)).toBe('0.00');
    expect(signed(0.004)).toBe('0.00');
    expect(signed(-0.11)).toBe('−0.11');
    expect(signed(-0.11)).not.toMatch(/−\s*−|-/);
    expect(signed(0.2)).toBe('+0.20');
    expect(score(-0.001)).toBe('0.00');
    expect(score(null)).toBe('—');
  });

  it('shows targets with the same precision as scores, so the difference adds up', () => {
    const others = 3.996;
    const target = 3.8;
    const shown = `${score(others)} vs target ${score(target)} → ${signed(shownDifference(others, target))}`;
    expect(shown).toBe('4.00 vs target 3.80 → +0.20');
  });

  it('chooses the words from the shown figure', () => {
    expect(fitBandKey(-0.24)).toBe('near');
    expect(fitBandKey(-0.249)).toBe('below'); // shown as −0.25, which is below target
    expect(signed(-0.249)).toBe('−0.25');
    expect(fitBandKey(0.245)).toBe('above'); // shown as +0.25
    expect(fitBandKey(null)).toBe('none');
    expect(round(2.675)).toBe(2.68);
  });
});
