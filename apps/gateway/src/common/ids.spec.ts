import { isUuid, newId } from './ids';

describe('newId', () => {
  it('answers version 4 UUIDs (variant 10), all different, across refills of its entropy', () => {
    const ids = Array.from({ length: 1000 }, () => newId()); // about four refills of 256
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every(isUuid)).toBe(true);
  });

  it('uses every hex digit in the random positions (not a fixed pattern)', () => {
    const digits = new Set(
      Array.from({ length: 200 }, () => newId())
        .join('')
        .replace(/-/g, ''),
    );
    expect(digits.size).toBe(16);
  });
});
