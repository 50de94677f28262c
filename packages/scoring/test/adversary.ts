/**
 * The adversary of the disclosure suite. It is written independently of `src/disclosure.ts`: its
 * own counting of who contributes to a figure, its own equations (with the constants of reverse
 * items on the right-hand side) and exact rational arithmetic (BigInt), not modular ranks.
 *
 * It is given more than any real viewer has: the answer pattern of every rater (who answered which
 * item, so it knows every coefficient), which raters each snapshot held, and the answers of exempt
 * raters (self, manager), whose figures are published by design. From every figure it was shown
 * (n and mean per group × dimension and others × dimension, and the same per item, per result set) it builds
 * Σ coefficient · answer = n · mean − constants and looks for any combination of the equations that
 * involves one non-exempt rater alone. If it finds one, it evaluates it on the shown means and
 * reports the value it recovered next to the truth.
 */
import { Instrument, Policy, RaterGroup, RaterResponse, scoreItems, scoreSubject } from '../src';

/** What a viewer was shown: one report (all figures of one result set) of one snapshot. */
export interface ShownReport {
  viewer: string;
  instrument: Instrument;
  policy: Partial<Policy>;
  expectations?: Record<string, number>;
  /** the raters of the snapshot the report was computed from (the adversary is assumed to know them) */
  raterIds: string[];
}

interface Row {
  /** variable -> coefficient as a fraction */
  coef: Map<string, [bigint, bigint]>;
  rhs: number;
  figure: string;
}

export interface Recovery {
  raterId: string;
  figure: string;
  /** the functional recovered: variable -> coefficient */
  functional: Record<string, number>;
  recovered: number;
  truth: number;
}

const gcd = (a: bigint, b: bigint): bigint => {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b) [a, b] = [b, a % b];
  return a;
};

export class Adversary {
  private rows = new Map<string, Row>();
  views = 0;

  /** answers: every rater's frozen raw answers (ground truth, used for coefficients and to check recoveries). */
  constructor(private readonly truth: Map<string, RaterResponse>) {}

  /** Takes in one shown report, computing the figures exactly as the viewer saw them. */
  see(shown: ShownReport): void {
    this.views++;
    const responses = shown.raterIds.map((id) => this.truth.get(id)!).map((r) => restrict(r, shown.instrument));
    const scores = scoreSubject({ instrument: shown.instrument, responses, policy: shown.policy, expectations: shown.expectations });
    const exempt = new Set<RaterGroup>(shown.policy.exemptGroups ?? ['self', 'manager']);
    const coverage = shown.policy.minItemCoverage ?? 0.5;
    const { min, max } = shown.instrument.scale;
    for (const dim of scores.dimensions) {
      // own counting: who counts on this dimension, with which items
      const counted = new Map<string, { group: RaterGroup; items: { id: string; reverse: boolean }[] }>();
      for (const r of responses) {
        const observed = shown.instrument.items.filter(
          (it) => it.dimensionId === dim.dimensionId && (!it.observers || it.observers.includes(r.group)),
        );
        if (observed.length === 0) continue;
        const answered = observed.filter((it) => r.answers[it.id] !== null && r.answers[it.id] !== undefined);
        if (answered.length === 0 || answered.length / observed.length < coverage) continue;
        counted.set(r.raterId, { group: r.group, items: answered.map((it) => ({ id: it.id, reverse: !!it.reverse })) });
      }
      const figures: { name: string; groups: RaterGroup[]; n: number; mean: number; weights: 'pooled' | 'groups' }[] = [];
      for (const [g, s] of Object.entries(dim.groups)) {
        if (s && !('suppressed' in s)) figures.push({ name: g, groups: [g as RaterGroup], n: s.n, mean: s.mean, weights: 'pooled' });
      }
      if (!('suppressed' in dim.others)) {
        const o = dim.others;
        figures.push({
          name: 'others',
          groups: o.includes,
          n: o.n,
          mean: o.mean,
          weights: shown.policy.othersMean === 'mean-of-groups' && o.includes.length > 1 ? 'groups' : 'pooled',
        });
      }
      for (const f of figures) {
        const members = [...counted.entries()].filter(([, c]) => f.groups.includes(c.group));
        if (members.length !== f.n)
          throw new Error(`adversary model disagrees with the report on ${dim.dimensionId}/${f.name}: ${members.length} vs n=${f.n}`);
        // mean = Σ_r w_r (1/k_r) Σ_i (s_i x + c_i)
        const coef = new Map<string, [bigint, bigint]>();
        let rhs = f.mean;
        for (const [raterId, c] of members) {
          const groupSize = members.filter(([, m]) => m.group === c.group).length;
          const wDen = BigInt(
            f.weights === 'pooled' ? f.n : f.groups.filter((g) => members.some(([, m]) => m.group === g)).length * groupSize,
          );
          const k = BigInt(c.items.length);
          for (const it of c.items) {
            const known = exempt.has(c.group);
            const value = this.truth.get(raterId)!.answers[it.id] as number;
            const den = wDen * k;
            if (it.reverse) rhs -= (min + max) / Number(den);
            const sign = it.reverse ? -1n : 1n;
            if (known) rhs -= (Number(sign) * value) / Number(den);
            else coef.set(`${raterId}\u0000${it.id}`, [sign, den]);
          }
        }
        this.add(coef, rhs, `${shown.viewer}:${dim.dimensionId}/${f.name}`);
      }
      // item figures: a plain mean of the answers to the item of the raters counted on its dimension
      const items = scoreItems({ instrument: shown.instrument, responses, policy: shown.policy }).items;
      for (const item of items.filter((x) => x.dimensionId === dim.dimensionId)) {
        const reverse = !!shown.instrument.items.find((it) => it.id === item.itemId)!.reverse;
        const shownFigures: { name: string; groups: RaterGroup[]; n: number; mean: number }[] = [];
        for (const [g, s] of Object.entries(item.groups))
          if (s && !('suppressed' in s)) shownFigures.push({ name: g, groups: [g as RaterGroup], n: s.n, mean: s.mean });
        if (!('suppressed' in item.others))
          shownFigures.push({ name: 'others', groups: item.others.includes, n: item.others.n, mean: item.others.mean });
        for (const f of shownFigures) {
          const members = [...counted.entries()].filter(
            ([, c]) => f.groups.includes(c.group) && c.items.some((it) => it.id === item.itemId),
          );
          if (members.length !== f.n)
            throw new Error(`adversary model disagrees with the report on item ${item.itemId}/${f.name}: ${members.length} vs n=${f.n}`);
          const coef = new Map<string, [bigint, bigint]>();
          let rhs = f.mean;
          const den = BigInt(f.n);
          for (const [raterId, c] of members) {
            const value = this.truth.get(raterId)!.answers[item.itemId] as number;
            if (reverse) rhs -= (min + max) / f.n;
            const sign = reverse ? -1n : 1n;
            if (exempt.has(c.group)) rhs -= (Number(sign) * value) / f.n;
            else coef.set(`${raterId}\u0000${item.itemId}`, [sign, den]);
          }
          this.add(coef, rhs, `${shown.viewer}:item ${item.itemId}/${f.name}`);
        }
      }
    }
  }

  private add(coef: Map<string, [bigint, bigint]>, rhs: number, figure: string): void {
    if (coef.size === 0) return;
    const key = `${[...coef.entries()]
      .map(([v, [a, b]]) => `${v}:${a}/${b}`)
      .sort()
      .join('|')}`;
    if (!this.rows.has(key)) this.rows.set(key, { coef, rhs, figure });
  }

  get equations(): number {
    return this.rows.size;
  }

  /** Tries every rater: is some combination of the equations a functional of that rater alone? */
  attack(): Recovery[] {
    const rows = [...this.rows.values()];
    const raters = new Set<string>();
    for (const r of rows) for (const v of r.coef.keys()) raters.add(v.split('\u0000')[0]);
    const found: Recovery[] = [];
    for (const raterId of [...raters].sort()) {
      const hit = solveFor(rows, raterId);
      if (hit) {
        const truth = Object.entries(hit.functional).reduce(
          (s, [v, c]) => s + c * (this.truth.get(raterId)!.answers[v.split('\u0000')[1]] as number),
          0,
        );
        found.push({ raterId, figure: hit.figure, functional: hit.functional, recovered: hit.value, truth });
      }
    }
    return found;
  }
}

/** Answers to items an instrument version does not have are dropped (as the scoring service does). */
export function restrict(r: RaterResponse, instrument: Instrument): RaterResponse {
  const ids = new Set(instrument.items.map((i) => i.id));
  return { ...r, answers: Object.fromEntries(Object.entries(r.answers).filter(([k]) => ids.has(k))) };
}

/**
 * Exact elimination over the rationals: eliminate every column that does not belong to `raterId`
 * first; a row left with only that rater's columns is a functional of that rater alone.
 */
function solveFor(rows: Row[], raterId: string): { functional: Record<string, number>; value: number; figure: string } | null {
  const isMine = (v: string) => v.startsWith(`${raterId}\u0000`);
  // integer rows: multiply each by the lcm of its denominators
  let work = rows
    .filter((r) => [...r.coef.keys()].some(isMine))
    .concat(rows.filter((r) => ![...r.coef.keys()].some(isMine)))
    .map((r) => {
      let l = 1n;
      for (const [, d] of r.coef.values()) l = (l * d) / gcd(l, d);
      const m = new Map<string, bigint>();
      for (const [v, [n, d]] of r.coef) m.set(v, (n * l) / d);
      return { m, rhs: r.rhs * Number(l), figure: r.figure };
    });
  const others = new Set<string>();
  for (const r of work) for (const v of r.m.keys()) if (!isMine(v)) others.add(v);
  for (const col of [...others].sort()) {
    const pi = work.findIndex((r) => (r.m.get(col) ?? 0n) !== 0n);
    if (pi < 0) continue;
    const pivot = work[pi];
    const a = pivot.m.get(col)!;
    const next: typeof work = [];
    for (let i = 0; i < work.length; i++) {
      if (i === pi) continue;
      const r = work[i];
      const b = r.m.get(col) ?? 0n;
      if (b === 0n) {
        next.push(r);
        continue;
      }
      const m = new Map<string, bigint>();
      for (const v of new Set([...r.m.keys(), ...pivot.m.keys()])) {
        const x = a * (r.m.get(v) ?? 0n) - b * (pivot.m.get(v) ?? 0n);
        if (x !== 0n) m.set(v, x);
      }
      let g = 0n;
      for (const x of m.values()) g = gcd(g, x);
      const rhs = Number(a) * r.rhs - Number(b) * pivot.rhs;
      if (g > 1n) for (const [v, x] of m) m.set(v, x / g);
      next.push({
        m,
        rhs: g > 1n ? rhs / Number(g) : rhs,
        figure: r.figure.includes(pivot.figure) ? r.figure : `${r.figure} ~ ${pivot.figure}`.slice(0, 300),
      });
    }
    work = next; // the pivot row is used up: it holds a column no other row has now
  }
  for (const r of work) {
    if (r.m.size === 0) continue;
    if ([...r.m.keys()].every(isMine)) {
      // normalise so the coefficients sum to 1 in absolute value (a mean-like functional)
      let s = 0;
      for (const x of r.m.values()) s += Math.abs(Number(x));
      const functional: Record<string, number> = {};
      for (const [v, x] of r.m) functional[v] = Number(x) / s;
      return { functional, value: r.rhs / s, figure: r.figure };
    }
  }
  return null;
}
