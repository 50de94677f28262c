import fc from 'fast-check';
import { CycleSubject, cronbachAlpha, icc, Instrument, RaterResponse, scoreCycle } from './index';

const oneItem = (dims: string[]): Instrument => ({
  scale: { min: 1, max: 5 },
  dimensions: dims.map((id) => ({ id })),
  items: dims.map((d) => ({ id: `${d}-1`, dimensionId: d })),
});
const drs = (subject: string, values: number[], item: string): RaterResponse[] =>
  values.map((v, i) => ({ raterId: `${subject}-dr${i}`, group: 'direct_report', answers: { [item]: v } }));

describe('scoreCycle: norms', () => {
  const instrument = oneItem(['A']);
  const values = [1, 2, 2, 3, 3, 3, 4, 4, 4, 4, 5, 5];
  const subjects: CycleSubject[] = values.map((v, i) => ({ subjectId: `s${i}`, responses: drs(`s${i}`, [v, v, v], 'A-1') }));

  it('gives each subject its mid-rank percentile within the cycle', () => {
    const res = scoreCycle({ instrument, subjects });
    expect(res.subjectCount).toBe(12);
    expect(res.norms.dimensions).toEqual([{ dimensionId: 'A', n: 12, available: true, reason: null }]);
    const p = res.norms.subjects.map((s) => s.percentiles.A);
    // value 1: (0 + 1/2)/12; value 2: (1 + 2/2)/12; 3: (3 + 3/2)/12; 4: (6 + 4/2)/12; 5: (10 + 2/2)/12
    const expected = [0.5, 2, 2, 4.5, 4.5, 4.5, 8, 8, 8, 8, 11, 11].map((x) => (100 * x) / 12);
    p.forEach((x, i) => expect(x).toBeCloseTo(expected[i], 10));
  });

  it('leaves out subjects whose others score is suppressed', () => {
    const res = scoreCycle({ instrument, subjects: [...subjects, { subjectId: 'small', responses: drs('small', [1, 1], 'A-1') }] });
    expect(res.norms.dimensions[0].n).toBe(12);
    expect(res.norms.subjects.find((s) => s.subjectId === 'small')!.percentiles.A).toBeNull();
    expect(res.norms.subjects[0].percentiles.A).toBeCloseTo((100 * 0.5) / 12, 10);
  });

  it('publishes no norms below 10 subjects', () => {
    const res = scoreCycle({ instrument, subjects: subjects.slice(0, 9) });
    expect(res.norms.dimensions[0]).toMatchObject({ n: 9, available: false, reason: expect.stringContaining('at least 10') });
    expect(res.norms.subjects.every((s) => s.percentiles.A === null)).toBe(true);
    expect(() => scoreCycle({ instrument, subjects, minNormSubjects: 9 })).toThrow(/minNormSubjects must be an integer >= 10/);
    const stricter = scoreCycle({ instrument, subjects, minNormSubjects: 13 });
    expect(stricter.norms.dimensions[0].available).toBe(false);
  });

  it('streams any iterable and reports each subject through onSubject', () => {
    function* gen() {
      for (const s of subjects) yield s;
    }
    const seen: string[] = [];
    const res = scoreCycle({ instrument, subjects: gen(), onSubject: (id, scores) => seen.push(`${id}:${scores.dimensions.length}`) });
    expect(seen).toEqual(subjects.map((s) => `${s.subjectId}:1`));
    expect(res.norms.subjects).toEqual(scoreCycle({ instrument, subjects }).norms.subjects);
  });

  it('refuses duplicate subjects and names the subject of a bad response', () => {
    expect(() => scoreCycle({ instrument, subjects: [subjects[0], subjects[0]] })).toThrow(/subject "s0" is listed twice/);
    const bad = { subjectId: 'x', responses: [{ raterId: 'r', group: 'peer' as const, answers: { 'A-1': 9 } }] };
    expect(() => scoreCycle({ instrument, subjects: [bad] })).toThrow(/subject "x": rater "r", item "A-1": answer 9 is outside the scale/);
  });
});

describe('scoreCycle: reliability', () => {
  // Shrout & Fleiss's 6 targets × 4 judges, put on the 1..5 scale through three items per rater:
  // a judge's value v (1..10) becomes three answers summing to v + 2, so the rater's dimension score is
  // (v + 2)/3, an affine transform that leaves ICC(1) unchanged.
  const SF = [
    [9, 2, 5, 8],
    [6, 1, 3, 2],
    [8, 4, 6, 8],
    [7, 1, 2, 6],
    [10, 5, 6, 9],
    [6, 2, 4, 7],
  ];
  const split = (sum: number) => {
    const b = Math.floor(sum / 3);
    const r = sum - 3 * b;
    return [b + (r > 0 ? 1 : 0), b + (r > 1 ? 1 : 0), b];
  };
  const instrument: Instrument = {
    scale: { min: 1, max: 5 },
    dimensions: [{ id: 'A' }],
    items: [1, 2, 3].map((k) => ({ id: `a${k}`, dimensionId: 'A' })),
  };
  const subjects: CycleSubject[] = SF.map((row, i) => ({
    subjectId: `t${i}`,
    responses: row.map((v, j) => {
      const [x, y, z] = split(v + 2);
      return { raterId: `t${i}-j${j}`, group: 'peer' as const, answers: { a1: x, a2: y, a3: z } };
    }),
  }));

  it('ICC(1) per rater group equals Shrout & Fleiss ICC(1,1) on balanced data (.17)', () => {
    const res = scoreCycle({ instrument, subjects });
    const peer = res.reliability.icc1.find((g) => g.group === 'peer')!;
    expect(peer.dimensions[0]).toMatchObject({ dimensionId: 'A', subjects: 6, raters: 24 });
    expect(peer.dimensions[0].icc1!).toBeCloseTo(icc(SF, 'ICC(1,1)'), 10);
    expect(Math.round(peer.mean! * 100) / 100).toBe(0.17);
    // ICC(1,k), the reliability of the mean of the k = 4 judges: .44 in Shrout & Fleiss's Table 4
    expect(peer.dimensions[0].k0).toBeCloseTo(4, 12);
    expect(Math.round(peer.dimensions[0].icck! * 100) / 100).toBe(0.44);
    expect(peer.dimensions[0].icck!).toBeCloseTo(icc(SF, 'ICC(1,k)'), 10);
    expect(peer.meanIcck!).toBeCloseTo(peer.dimensions[0].icck!, 12);
    // groups with no raters (or one rater per subject) have no ICC
    expect(res.reliability.icc1.find((g) => g.group === 'self')!.mean).toBeNull();
  });

  it('Cronbach’s alpha per dimension equals cronbachAlpha on the same complete rows', () => {
    const res = scoreCycle({ instrument, subjects });
    const rows = subjects.flatMap((s) => s.responses.map((r) => ['a1', 'a2', 'a3'].map((k) => r.answers[k] as number)));
    expect(res.reliability.alpha[0]).toMatchObject({ dimensionId: 'A', respondents: 24, items: 3 });
    expect(res.reliability.alpha[0].alpha!).toBeCloseTo(cronbachAlpha(rows), 10);
  });

  it('ICC(1) handles unequal group sizes (hand-worked: 0.75)', () => {
    // scores by subject: [1,2], [3,4,5], [5]; N = 6, a = 3, grand mean 10/3
    // SSB = 65/6, SSW = 5/2 → MSB = 65/12, MSW = 5/6; k0 = (6 − 14/6)/2 = 11/6
    // ICC(1) = (65/12 − 5/6) / (65/12 + (11/6 − 1)·5/6) = 0.75
    const inst = oneItem(['A']);
    const res = scoreCycle({
      instrument: inst,
      subjects: [
        { subjectId: 'a', responses: drs('a', [1, 2], 'A-1') },
        { subjectId: 'b', responses: drs('b', [3, 4, 5], 'A-1') },
        { subjectId: 'c', responses: drs('c', [5], 'A-1') },
      ],
    });
    const dr = res.reliability.icc1.find((g) => g.group === 'direct_report')!.dimensions[0];
    expect(dr.icc1!).toBeCloseTo(0.75, 12);
    // ICC(1,k) = (MSB − MSW)/MSB = (65/12 − 10/12)/(65/12) = 11/13, for k0 = 11/6 raters
    expect(dr.icck!).toBeCloseTo(11 / 13, 12);
    expect(dr.k0!).toBeCloseTo(11 / 6, 12);
  });

  it('reverse-scored items enter alpha recoded', () => {
    const rev: Instrument = { ...instrument, items: instrument.items.map((it) => (it.id === 'a3' ? { ...it, reverse: true } : it)) };
    const mirrored = subjects.map((s) => ({
      ...s,
      responses: s.responses.map((r) => ({ ...r, answers: { ...r.answers, a3: 6 - (r.answers.a3 as number) } })),
    }));
    expect(scoreCycle({ instrument: rev, subjects: mirrored }).reliability.alpha[0].alpha!).toBeCloseTo(
      scoreCycle({ instrument, subjects }).reliability.alpha[0].alpha!,
      12,
    );
  });
});

describe('property: norms', () => {
  it('percentiles lie in (0, 100) and never decrease as the others mean rises', () => {
    const instrument = oneItem(['A']);
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 3, maxLength: 5 }), { minLength: 10, maxLength: 30 }),
        (groups) => {
          const subjects = groups.map((vals, i) => ({ subjectId: `s${i}`, responses: drs(`s${i}`, vals, 'A-1') }));
          const res = scoreCycle({ instrument, subjects });
          const means = groups.map((v) => v.reduce((a, b) => a + b, 0) / v.length);
          const pct = res.norms.subjects.map((s) => s.percentiles.A!);
          pct.forEach((p) => {
            expect(p).toBeGreaterThan(0);
            expect(p).toBeLessThan(100);
          });
          for (let i = 0; i < means.length; i++)
            for (let j = 0; j < means.length; j++) if (means[i] < means[j] - 1e-9) expect(pct[i]).toBeLessThan(pct[j]);
          // mid-ranks average to 50
          expect(pct.reduce((a, b) => a + b, 0) / pct.length).toBeCloseTo(50, 9);
        },
      ),
    );
  });
});
