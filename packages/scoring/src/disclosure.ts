/**
 * The disclosure rule: which sequence of reports may be shown at all.
 *
 * `scoreSubject` keeps each single report safe (suppression, no differencing between `others` and
 * the groups). This module keeps the *sequence* safe: every report anyone is ever shown about one
 * subject — HR's live view, the publication, every result set (rescores under other instrument
 * versions or role profiles) — is a view of a **snapshot**: a frozen set of responses. Snapshots
 * only grow, and a new one is taken only when
 *
 *   1. (the per-figure rule) every visible figure (group × dimension, `others` × dimension, and the
 *      same per item: group × item, `others` × item) whose
 *      contributing raters change, changes by at least `threshold` non-exempt raters at once; and
 *   2. (the audit) the linear system made of every figure ever disclosed for the subject, in every
 *      result set, together with the candidate's figures, determines no functional of any single
 *      non-exempt rater's answers (no rater's dimension score, no item answer, not even the
 *      difference between two of their answers).
 *
 * Rule 1 is what people can reason about; rule 2 is the exact check behind it (it also covers what
 * rule 1 cannot see: two result sets that score one rater's item differently, a dimension that
 * moved items between instrument versions). Both are pure functions of their arguments.
 *
 * Figures are modelled as linear functionals of the raters' item answers x(rater, item): a group's
 * mean on a dimension is Σ_r (1/k_r) Σ_i s_i x(r, i) / n (s_i = −1 for a reverse-scored item, the
 * constant min + max dropped), `others` the same over its included groups (or the mean of group
 * means). Raters of exempt groups (self, manager by default) are published by design, so their
 * answers are treated as known to the adversary (their columns are removed), which only makes the
 * check stricter for everyone else. Second moments (sd, interval, rwg) are computed over exactly
 * the same rater sets, so rule 1 bounds them the same way; they are not part of the linear audit.
 */
import { ScoringInputError } from './errors';
import { itemFiguresOf } from './items';
import { GROUP_INDEX } from './prepare';
import { scoreSubjectInternal } from './score-subject';
import { Instrument, Policy, RATER_GROUPS, RaterGroup, RaterResponse } from './types';

/** One way of scoring a snapshot: a result set's instrument version, policy and role-profile targets. */
export interface DisclosureBasis {
  /** the result set: 'live' or a rescore id */
  resultSet: string;
  instrument: Instrument;
  policy?: Partial<Policy>;
  expectations?: Record<string, number>;
}

/** One disclosed view: a basis applied to a frozen set of responses. */
export interface DisclosedView {
  basis: DisclosureBasis;
  responses: RaterResponse[];
}

/** A visible figure as a linear functional of item answers. */
export interface FigureEquation {
  /** `${resultSet}|${dimensionId}|${group or 'others'}`, or `${resultSet}|item ${itemId}|${group or 'others'}` */
  figure: string;
  /** non-exempt raters counted in the figure */
  raters: string[];
  /** variable `${raterId}\u0000${itemId}` -> coefficient as [numerator, denominator] (small integers) */
  terms: Map<string, [number, number]>;
}

const SEP = '\u0000';
export const variableOf = (raterId: string, itemId: string) => `${raterId}${SEP}${itemId}`;
const raterOfVariable = (v: string) => v.slice(0, v.indexOf(SEP));

/**
 * A view's figures as the audit takes them: each figure's terms (those of its `FigureEquation`, in
 * the same order) as numbers in one array, a variable being a rater and an item by number. A view's
 * figures are kept while it is disclosed (`frozenFigures`), and a map, a pair and a variable name
 * per term cost several times the memory; numbers also make the audit's variables cheaper to match.
 */
interface FigureRows {
  /** the raters of the variables, by number */
  raters: string[];
  /** the items of the variables, by number (for equations given as such, each whole variable name) */
  items: readonly string[];
  figures: FigureRow[];
  /** four numbers per term: rater number, item number, numerator, denominator */
  terms: number[];
}

interface FigureRow {
  figure: string;
  /** non-exempt raters counted in the figure */
  raters: string[];
  /** the figure's terms: `terms[4 * start]` up to (not including) `terms[4 * end]` */
  start: number;
  end: number;
}

/**
 * The figures a basis shows for a set of responses, as equations. Exempt groups' raters are left
 * out of every equation (their answers count as known). Answers to items the basis's instrument
 * does not have must already be removed (as the scoring service does).
 */
export function figureEquations(view: DisclosedView): FigureEquation[] {
  const { raters, items, figures, terms } = figureRows(view);
  return figures.map(({ figure, raters: counted, start, end }) => {
    const map = new Map<string, [number, number]>();
    for (let t = 4 * start; t < 4 * end; t += 4) map.set(variableOf(raters[terms[t]], items[terms[t + 1]]), [terms[t + 2], terms[t + 3]]);
    return { figure, raters: counted, terms: map };
  });
}

/** `figureEquations` as rows. */
function figureRows(view: DisclosedView): FigureRows {
  const { basis } = view;
  const scored = scoreSubjectInternal({
    instrument: basis.instrument,
    responses: view.responses,
    policy: basis.policy,
    expectations: basis.expectations,
  });
  const { inst, raters, policy, scores } = scored;
  const exempt = new Set<number>(policy.exemptGroups.map((g) => GROUP_INDEX[g]));
  const out: FigureRows = { raters: raters.map((r) => r.raterId), items: inst.itemIds, figures: [], terms: [] };
  const { figures, terms } = out;
  const rowOf = (figure: string, counted: string[], fill: () => void) => {
    const start = terms.length / 4;
    fill();
    figures.push({ figure, raters: counted, start, end: terms.length / 4 });
  };
  scores.dimensions.forEach((dim, d) => {
    if (inst.itemFiguresOnly) return; // never shown
    // each counted rater's dimension-score functional, by group: the mean of the items they answered
    const byGroup = new Map<number, { r: number; answered: number[] }[]>();
    for (const r of scored.counted[d]) {
      const rater = raters[r];
      const obs = inst.observed[d][rater.group];
      const list = byGroup.get(rater.group) ?? [];
      list.push({ r, answered: obs.filter((it) => rater.values[it] === rater.values[it]) });
      byGroup.set(rater.group, list);
    }
    const equation = (figure: string, groups: number[], weight: (g: number, n: number) => [number, number]) => {
      const names: string[] = [];
      rowOf(`${basis.resultSet}|${dim.dimensionId}|${figure}`, names, () => {
        for (const g of groups) {
          const members = byGroup.get(g) ?? [];
          if (exempt.has(g)) continue;
          const [wn, wd] = weight(g, members.length);
          for (const { r, answered } of members) {
            names.push(raters[r].raterId);
            for (const it of answered) terms.push(r, it, (inst.itemReverse[it] ? -1 : 1) * wn, wd * answered.length);
          }
        }
        names.sort();
      });
    };
    for (const [name, score] of Object.entries(dim.groups)) {
      if (!score || 'suppressed' in score) continue;
      const g = GROUP_INDEX[name as RaterGroup];
      equation(name, [g], (_g, n) => [1, n]);
    }
    if (!('suppressed' in dim.others)) {
      const inc = dim.others.includes.map((g) => GROUP_INDEX[g]);
      const total = inc.reduce((s, g) => s + (byGroup.get(g)?.length ?? 0), 0);
      const groupsMean = policy.othersMean === 'mean-of-groups' && inc.length > 1;
      equation('others', inc, (_g, n) => (groupsMean ? [1, inc.length * n] : [1, total]));
    }
  });
  // Item figures (the "Every item" table, the highest and lowest items, a pulse's focus areas): each
  // published group × item and `others` × item is a plain mean of the answers to that item of the
  // raters counted on its dimension (`itemFiguresOf` decides which are published). Reverse scoring
  // only flips a sign, which changes no rank.
  for (const { item: it, answered, published, othersIncludes } of itemFiguresOf(scored)) {
    const itemId = inst.itemIds[it];
    const equation = (figure: string, groups: number[], n: number) => {
      const counted = groups
        .flatMap((g) => (exempt.has(g) ? [] : answered[g]))
        .sort((a, b) => (raters[a].raterId < raters[b].raterId ? -1 : raters[a].raterId > raters[b].raterId ? 1 : 0));
      rowOf(
        `${basis.resultSet}|item ${itemId}|${figure}`,
        counted.map((r) => raters[r].raterId),
        () => {
          for (const r of counted) terms.push(r, it, 1, n);
        },
      );
    };
    for (let g = 0; g < RATER_GROUPS.length; g++) if (published[g] && !exempt.has(g)) equation(RATER_GROUPS[g], [g], answered[g].length);
    // `others` only when it counts a non-exempt rater
    if (othersIncludes.length > 0 && othersIncludes.some((g) => !exempt.has(g) && answered[g].length > 0))
      equation(
        'others',
        othersIncludes,
        othersIncludes.reduce((sum, g) => sum + answered[g].length, 0),
      );
  }
  // a view's figures may be kept: no spare room in the array
  out.terms = terms.slice();
  return out;
}

/** Equations as rows (each variable its own item; its rater what `raterOfVariable` says). */
function rowsOf(equations: FigureEquation[]): FigureRows {
  const out: FigureRows = { raters: [], items: [], figures: [], terms: [] };
  const items = out.items as string[];
  const raterNumber = new Map<string, number>();
  const itemNumber = new Map<string, number>();
  for (const { figure, raters, terms } of equations) {
    const start = out.terms.length / 4;
    for (const [v, [n, d]] of terms) {
      let i = itemNumber.get(v);
      if (i === undefined) itemNumber.set(v, (i = items.push(v) - 1));
      const raterId = raterOfVariable(v);
      let r = raterNumber.get(raterId);
      if (r === undefined) raterNumber.set(raterId, (r = out.raters.push(raterId) - 1));
      out.terms.push(r, i, n, d);
    }
    out.figures.push({ figure, raters, start, end: out.terms.length / 4 });
  }
  return out;
}

/* ---------------- figures of frozen views, computed once ---------------- */

/**
 * The figures of the views already seen, by the identity of their responses array and basis.
 *
 * A disclosed view is frozen: a ledger row never changes its responses or basis, and the snapshot in
 * force is one of them. A caller that hands the same objects in again (the scoring service keeps
 * them across decisions) gets their figures computed once instead of at every decision. This is
 * only a memo of a pure function (`figureEquations`, as rows) on inputs that do not change, so
 * every result is what computing it again would give; it holds nothing alive (weak keys). It relies
 * on the contract of `decideSnapshot`, `decideResultSet` and `auditViews`: a view's responses
 * array, its responses and its basis must not be mutated after they were handed in. (A responses
 * array that was changed in length or in which responses it holds is noticed and scored again; a
 * change inside a response or a basis is not.)
 */
interface FrozenFigures {
  basis: DisclosureBasis;
  /** the responses the figures were computed from (to notice an array changed since) */
  responses: RaterResponse[];
  rows: FigureRows;
  /** rule 1's view of the same figures (`visibleFigures`), when it was asked for */
  visible?: VisibleFigures;
}

const frozenFigures = new WeakMap<RaterResponse[], FrozenFigures[]>();
/** A responses array is rarely scored under more than a few bases; more are computed, not kept. */
const MAX_BASES_PER_RESPONSES = 8;

function frozenFiguresOf(basis: DisclosureBasis, responses: RaterResponse[]): FrozenFigures {
  const known = frozenFigures.get(responses);
  const hit = known?.find((f) => f.basis === basis);
  if (hit && hit.responses.length === responses.length && hit.responses.every((r, i) => r === responses[i])) return hit;
  const fresh: FrozenFigures = { basis, responses: [...responses], rows: figureRows({ basis, responses }) };
  const kept = (known ?? []).filter((f) => f !== hit);
  if (kept.length < MAX_BASES_PER_RESPONSES) kept.push(fresh);
  frozenFigures.set(responses, kept);
  return fresh;
}

/** `figureRows` of a frozen view, computed once per view (the result is shared: read it only). */
function frozenRows(view: DisclosedView): FigureRows {
  return frozenFiguresOf(view.basis, view.responses).rows;
}

/* ---------------- exact rank arithmetic over two prime fields ---------------- */

const PRIMES = [1_000_003, 999_983]; // products stay below 2^53

const inverses = new Map<number, number>();

function modInverse(a: number, p: number): number {
  const key = a * 2_000_000 + (p === PRIMES[0] ? 0 : 1);
  const cached = a < 1_000_000 ? inverses.get(key) : undefined;
  if (cached !== undefined) return cached;
  const inv = computeInverse(a, p);
  if (a < 1_000_000 && inverses.size < 100_000) inverses.set(key, inv);
  return inv;
}

function computeInverse(a: number, p: number): number {
  let [r0, r1] = [((a % p) + p) % p, p];
  let [s0, s1] = [1, 0];
  while (r1 !== 0) {
    const q = Math.floor(r0 / r1);
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  if (r0 !== 1) throw new ScoringInputError(`disclosure: ${a} has no inverse modulo ${p}`);
  return ((s0 % p) + p) % p;
}

/**
 * The reduced row echelon form mod p of a dense matrix (rows of `width` values in [0, p)), in
 * place: returns the pivot column of each of its first `rank` rows (the other rows are zero), so
 * its length is the rank.
 */
function reduceMod(m: number[][], width: number, p: number): number[] {
  const pivots: number[] = [];
  for (let col = 0; col < width && pivots.length < m.length; col++) {
    const rank = pivots.length;
    let pivot = -1;
    for (let i = rank; i < m.length; i++)
      if (m[i][col] !== 0) {
        pivot = i;
        break;
      }
    if (pivot < 0) continue;
    [m[rank], m[pivot]] = [m[pivot], m[rank]];
    const top = m[rank];
    const inv = modInverse(top[col], p);
    for (let c = col; c < width; c++) top[c] = (top[c] * inv) % p;
    for (let i = 0; i < m.length; i++) {
      if (i === rank) continue;
      const row = m[i];
      const f = row[col];
      if (f === 0) continue;
      for (let c = col; c < width; c++) if (top[c] !== 0) row[c] = (((row[c] - f * top[c]) % p) + p) % p;
    }
    pivots.push(col);
  }
  return pivots;
}

export interface Isolation {
  raterId: string;
  /** the figures (of the equations given) that involve this rater */
  figures: string[];
}

/** A 32-bit hash of one term (variable number and coefficient); summed over an equation's terms, its fingerprint. */
function termPrint(variable: number, num: number, den: number): number {
  let h = Math.imul(variable + 1, 0x9e3779b1) ^ Math.imul(num | 0, 0x85ebca6b) ^ Math.imul(den | 0, 0xc2b2ae35);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 12);
}

/** Equal as the numbers print (what the audit's equation keys compared before): NaN is NaN, −0 is 0. */
const sameNumber = (x: number, y: number) => x === y || (x !== x && y !== y);

/**
 * The raters some functional of whose answers alone is determined by the equations: rater r is
 * isolated iff removing r's columns lowers the rank (dim(rowspace ∩ span(r's variables)) =
 * rank(A) − rank(A without r's columns)). Computed per connected block of variables, over two
 * prime fields; a rater isolated in either field is reported.
 */
export function isolatedRaters(all: FigureEquation[]): Isolation[] {
  return isolatedByRows([rowsOf(all)]);
}

/** `isolatedRaters` on the rows of views, in order. */
function isolatedByRows(views: FigureRows[]): Isolation[] {
  // The same figure shown again (in a later snapshot or another result set) adds no equation:
  // equations with the same variables and the same coefficients are one, standing for every figure
  // name they carry. An order-independent fingerprint of the numbered terms finds the equations that
  // may be equal, which are then compared term by term (exact: a fingerprint only narrows the search).
  // Variables (a rater's answer to an item) are numbered in order of first appearance, which is also
  // their order of first appearance among the distinct equations (a repeated equation comes after
  // its first), the numbering the blocks below use.
  const raterNumber = new Map<string, number>();
  const itemNumber = new Map<string, number>();
  const variableOfPair: number[][] = []; // by rater number, by item number
  const varRater: string[] = [];
  const distinct: { figures: Set<string>; raters: string[]; index: number[]; nums: number[]; dens: number[] }[] = [];
  const byPrint = new Map<number, number[]>();
  // the terms of the distinct equation last compared against, by variable number
  const seenIn: number[] = [];
  const seenNum: number[] = [];
  const seenDen: number[] = [];
  const sameTerms = (k: number, index: number[], nums: number[], dens: number[]): boolean => {
    const other = distinct[k];
    const n = index.length;
    if (other.index.length !== n) return false;
    let t = 0;
    while (t < n && other.index[t] === index[t]) t++;
    if (t === n) {
      for (let u = 0; u < n; u++) if (!sameNumber(other.nums[u], nums[u]) || !sameNumber(other.dens[u], dens[u])) return false;
      return true;
    }
    for (let u = 0; u < n; u++) {
      const i = other.index[u];
      seenIn[i] = k;
      seenNum[i] = other.nums[u];
      seenDen[i] = other.dens[u];
    }
    // an equation's variables are distinct: as many terms, all found, are the same terms
    for (let u = 0; u < n; u++) {
      const i = index[u];
      if (seenIn[i] !== k || !sameNumber(seenNum[i], nums[u]) || !sameNumber(seenDen[i], dens[u])) return false;
    }
    return true;
  };
  for (const view of views) {
    const raterNumbers = view.raters.map((raterId) => {
      let r = raterNumber.get(raterId);
      if (r === undefined) {
        raterNumber.set(raterId, (r = raterNumber.size));
        variableOfPair.push([]);
      }
      return r;
    });
    const itemNumbers: number[] = [];
    const terms = view.terms;
    for (const { figure, raters, start, end } of view.figures) {
      const n = end - start;
      const index = new Array<number>(n);
      const nums = new Array<number>(n);
      const dens = new Array<number>(n);
      let print = n;
      for (let u = 0, t = 4 * start; u < n; u++, t += 4) {
        const r = raterNumbers[terms[t]];
        let item = itemNumbers[terms[t + 1]];
        if (item === undefined) {
          const itemId = view.items[terms[t + 1]];
          item = itemNumber.get(itemId) ?? itemNumber.set(itemId, itemNumber.size).size - 1;
          itemNumbers[terms[t + 1]] = item;
        }
        let i = variableOfPair[r][item];
        if (i === undefined) {
          i = variableOfPair[r][item] = varRater.length;
          varRater.push(view.raters[terms[t]]);
          seenIn.push(-1);
          seenNum.push(0);
          seenDen.push(0);
        }
        index[u] = i;
        nums[u] = terms[t + 2];
        dens[u] = terms[t + 3];
        print = (print + termPrint(i, nums[u], dens[u])) | 0;
      }
      const candidates = byPrint.get(print);
      let k = candidates?.find((c) => sameTerms(c, index, nums, dens)) ?? -1;
      if (k < 0) {
        k = distinct.length;
        distinct.push({ figures: new Set<string>(), raters, index, nums, dens });
        if (candidates) candidates.push(k);
        else byPrint.set(print, [k]);
      }
      distinct[k].figures.add(figure);
    }
  }
  const equations = distinct.map(({ figures, ...eq }) => ({ ...eq, figure: [...figures].sort().join(', ') }));
  // connected components of variables: figures that share a variable are solved together
  const parent = Array.from({ length: varRater.length }, (_, i) => i);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x])));
  for (const { index } of equations) for (let t = 1; t < index.length; t++) parent[find(index[t])] = find(index[0]);
  const blocks = new Map<number, typeof equations>();
  for (const eq of equations) {
    if (eq.index.length === 0) continue;
    const b = find(eq.index[0]);
    const list = blocks.get(b) ?? [];
    list.push(eq);
    blocks.set(b, list);
  }
  const found = new Map<string, Set<string>>();
  // each variable's column in its block (a variable is in one block only)
  const columnOf = new Array<number>(varRater.length).fill(-1);
  for (const block of blocks.values()) {
    // local, dense column numbering for the block, in order of first appearance
    const raterOfColumn: string[] = [];
    for (const { index } of block)
      for (const i of index)
        if (columnOf[i] < 0) {
          columnOf[i] = raterOfColumn.length;
          raterOfColumn.push(varRater[i]);
        }
    const width = raterOfColumn.length;
    const ratersHere = new Set(raterOfColumn);
    const columnsOf = new Map<string, number[]>();
    raterOfColumn.forEach((raterId, col) => columnsOf.set(raterId, [...(columnsOf.get(raterId) ?? []), col]));
    for (const p of PRIMES) {
      const rows = block.map(({ index, nums, dens }) => {
        const row = new Array<number>(width).fill(0);
        for (let t = 0; t < index.length; t++) row[columnOf[index[t]]] = ((((nums[t] % p) + p) % p) * modInverse(dens[t], p)) % p;
        return row;
      });
      // rank(A) − rank(A without r's columns) = dim(rowspace(A) ∩ span(r's columns)), and since the
      // row space is the orthogonal complement of the null space N, that is |r's columns| − rank of N
      // restricted to r's columns. One reduction per block gives N (a basis vector per free
      // column: 1 in it, −(reduced entry) in each pivot column, 0 elsewhere), instead of one
      // elimination per rater.
      const pivots = reduceMod(rows, width, p);
      const pivotRow = new Map(pivots.map((col, i) => [col, i]));
      const free: number[] = [];
      for (let c = 0; c < width; c++) if (!pivotRow.has(c)) free.push(c);
      for (const raterId of ratersHere) {
        if (found.has(raterId)) continue;
        const cols = columnsOf.get(raterId)!;
        const restricted = cols.map((c) => {
          const i = pivotRow.get(c);
          return free.map((f) => (i === undefined ? (f === c ? 1 : 0) : (p - rows[i][f]) % p));
        });
        if (reduceMod(restricted, free.length, p).length < cols.length) {
          const figures = found.get(raterId) ?? new Set<string>();
          for (const eq of block) if (eq.raters.includes(raterId)) figures.add(eq.figure);
          found.set(raterId, figures);
        }
      }
    }
  }
  return [...found.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([raterId, figures]) => ({ raterId, figures: [...figures].sort() }));
}

/**
 * Rule 2 over views: the raters isolated by everything these views show together. The views are
 * taken as frozen: their figures are computed once per view object (see `frozenFigures`).
 */
export function auditViews(views: DisclosedView[]): Isolation[] {
  return isolatedByRows(views.map(frozenRows));
}

export interface FigureChange {
  figure: string;
  /** how many non-exempt raters entered or left the figure */
  changed: number;
  /** those raters */
  raters: string[];
}

/**
 * Rule 1 between two snapshots under one basis: every figure whose non-exempt contributors differ
 * must differ by at least `threshold` raters (comment figures: the comment threshold). A figure that appears or disappears counts all of
 * its raters. Returns the offending figures (empty = the rule holds) and whether any visible figure
 * changes at all.
 */
export function compareSnapshots(
  basis: DisclosureBasis,
  before: RaterResponse[],
  after: RaterResponse[],
  threshold: number,
): { offending: FigureChange[]; changes: FigureChange[] } {
  return compareFigures(basis, visibleFigures(basis, before), visibleFigures(basis, after), threshold);
}

/** The figures a basis shows for a set of responses (as rows, kept for the audit) and who is counted in each. */
interface VisibleFigures {
  rows: FigureRows;
  raters: Map<string, Set<string>>;
}

function visibleFigures(basis: DisclosureBasis, responses: RaterResponse[]): VisibleFigures {
  return visibleFiguresOf(basis, responses, figureRows({ basis, responses }));
}

function visibleFiguresOf(basis: DisclosureBasis, responses: RaterResponse[], rows: FigureRows): VisibleFigures {
  return {
    rows,
    raters: new Map([...rows.figures, ...respondentFigures(basis, responses)].map((f) => [f.figure, new Set(f.raters)])),
  };
}

/** `visibleFigures` of a frozen view (the snapshot in force, or a candidate that may become one), computed once per array (shared: read it only). */
function frozenVisibleFigures(basis: DisclosureBasis, responses: RaterResponse[]): VisibleFigures {
  const frozen = frozenFiguresOf(basis, responses);
  frozen.visible ??= visibleFiguresOf(basis, responses, frozen.rows);
  return frozen.visible;
}

/** `compareSnapshots` on figures already computed. */
function compareFigures(
  basis: DisclosureBasis,
  before: VisibleFigures,
  after: VisibleFigures,
  threshold: number,
): { offending: FigureChange[]; changes: FigureChange[] } {
  const a = before.raters;
  const b = after.raters;
  const offending: FigureChange[] = [];
  const changes: FigureChange[] = [];
  // most figures are shown before and after with the same raters: only the others are sorted and looked at
  const moved = [...a.keys()].filter((figure) => !sameRaters(a.get(figure)!, b.get(figure)));
  for (const figure of b.keys()) if (!a.has(figure)) moved.push(figure);
  for (const figure of moved.sort()) {
    const x = a.get(figure) ?? new Set<string>();
    const y = b.get(figure) ?? new Set<string>();
    const raters = [...[...x].filter((r) => !y.has(r)), ...[...y].filter((r) => !x.has(r))].sort();
    const changed = raters.length;
    // an exempt-only figure (e.g. self) appears or changes without anonymous raters: visible, allowed
    const appearsOrVanishes = a.has(figure) !== b.has(figure);
    if (changed === 0 && !appearsOrVanishes) continue;
    changes.push({ figure, changed, raters });
    const least = isCommentFigure(figure) ? Math.max(threshold, commentThresholdOf(basis)) : threshold;
    if (changed > 0 && changed < least) offending.push({ figure, changed, raters });
  }
  return { offending, changes };
}

/** Whether a figure shown before is shown after with the same raters. */
function sameRaters(x: Set<string>, y: Set<string> | undefined): boolean {
  if (!y || x.size !== y.size) return false;
  for (const r of x) if (!y.has(r)) return false;
  return true;
}

const isCommentFigure = (figure: string) => figure.includes('|comments|');

/**
 * The comment figures of a basis: a non-exempt group with at least `commentThreshold` respondents
 * (the policy's, default `minGroupSize`) shows its comments, so the set of its respondents is a
 * figure too (a comment appearing with a single new rater would be attributed to them); it only
 * ever changes by at least `commentThreshold` raters. Exempt groups' comments are not shown.
 */
export function respondentFigures(basis: DisclosureBasis, responses: RaterResponse[]): { figure: string; raters: string[] }[] {
  const exempt = new Set(basis.policy?.exemptGroups ?? ['self', 'manager']);
  const byGroup = new Map<RaterGroup, string[]>();
  for (const r of responses) if (!exempt.has(r.group)) byGroup.set(r.group, [...(byGroup.get(r.group) ?? []), r.raterId]);
  return [...byGroup.entries()]
    .filter(([, raters]) => raters.length >= commentThresholdOf(basis))
    .map(([group, raters]) => ({ figure: `${basis.resultSet}|comments|${group}`, raters: raters.sort() }));
}

export interface SnapshotDecision {
  /** true: take the candidate as the new snapshot */
  take: boolean;
  /** the responses of the snapshot now in force (the candidate if taken, else the current one) */
  responses: RaterResponse[];
  /** why the candidate was not taken (empty when taken) */
  reasons: string[];
}

/**
 * Decides whether the responses received so far may become the next snapshot of a subject.
 *
 * `current` is the snapshot in force (null before the first); `received` the latest response of
 * every rater so far. Raters already in the snapshot keep their frozen answers (a later correction
 * would move a figure by one rater), so the candidate is `current` plus the raters not yet in it;
 * raters who would move some figure by fewer than `threshold` are held back (and retried with every
 * later decision) so that they do not hold back everyone else.
 * `disclosed` is every view ever disclosed for this subject, in any result set. The candidate is
 * taken only if it changes a visible figure, rule 1 holds against `current` under `basis`, and the
 * audit finds no isolated rater in `disclosed` + the candidate's view.
 *
 * `current`, the views of `disclosed` and `basis` are frozen: they must not be mutated afterwards.
 * A caller that hands the same objects in again at later decisions (the scoring service does) has
 * their figures computed once (`frozenFigures`); equal copies are computed again, with the same result.
 * The `responses` of a decision taken are frozen the same way, their figures kept with them: a
 * caller that hands that array in as `current` (or as a disclosed view's) at the next decisions
 * has the figures this decision computed for it.
 */
export function decideSnapshot(input: {
  basis: DisclosureBasis;
  current: RaterResponse[] | null;
  received: RaterResponse[];
  disclosed: DisclosedView[];
}): SnapshotDecision {
  const { basis, received, disclosed } = input;
  const current = input.current ?? [];
  const threshold = thresholdOf(basis);
  const frozen = new Set(current.map((r) => r.raterId));
  let pending = received.filter((r) => !frozen.has(r.raterId));
  const keep = (reasons: string[]): SnapshotDecision => ({ take: false, responses: current, reasons });
  if (pending.length === 0) return keep(['no new raters']);
  // Raters who would move a figure by fewer than `threshold` wait (they may join with later raters);
  // the others go ahead without them.
  // The figures of `current` are computed once (and once per view object across decisions: the
  // snapshot in force is frozen), and the candidate's equations are the ones the audit takes for it
  // (figureEquations is a pure function of the basis and the responses).
  const before = frozenVisibleFigures(basis, current);
  let candidate: RaterResponse[];
  let after: VisibleFigures;
  for (;;) {
    candidate = [...current, ...pending];
    // kept with the array (a WeakMap entry): the snapshot in force at the next decisions when taken
    after = frozenVisibleFigures(basis, candidate);
    const { offending, changes } = compareFigures(basis, before, after, threshold);
    if (changes.length === 0) return keep(['no visible figure would change']);
    if (offending.length === 0) break;
    const waiting = new Set(offending.flatMap((o) => o.raters));
    const rest = pending.filter((r) => !waiting.has(r.raterId));
    if (rest.length === pending.length || rest.length === 0)
      return keep(
        offending.map((o) => `${o.figure} would change by ${o.changed} rater${o.changed === 1 ? '' : 's'} (fewer than ${threshold})`),
      );
    pending = rest;
  }
  // The view of `current` under this basis is usually among `disclosed` (the snapshot in force, as
  // shown): its equations are the ones computed above, so they are not computed again. The other
  // disclosed views are frozen too: their equations are computed once per view object.
  const isolated = isolatedByRows([
    ...disclosed.map((view) => (sameView(view, basis, current) ? before.rows : frozenRows(view))),
    after.rows,
  ]);
  if (isolated.length > 0) return keep(isolated.map((i) => `rater ${i.raterId} would be isolated by ${i.figures.join(', ')}`));
  return { take: true, responses: candidate, reasons: [] };
}

/** Whether a disclosed view is `basis` applied to exactly the raters of `responses` (snapshots never change their raters' answers). */
function sameView(view: DisclosedView, basis: DisclosureBasis, responses: RaterResponse[]): boolean {
  const a = view.basis;
  if (a !== basis) {
    if (a.resultSet !== basis.resultSet || a.instrument !== basis.instrument) return false;
    if (JSON.stringify(a.policy ?? null) !== JSON.stringify(basis.policy ?? null)) return false;
    if (JSON.stringify(a.expectations ?? null) !== JSON.stringify(basis.expectations ?? null)) return false;
  }
  if (view.responses === responses) return true;
  if (view.responses.length !== responses.length) return false;
  const ids = new Set(responses.map((r) => r.raterId));
  return view.responses.every((r) => ids.has(r.raterId));
}

/**
 * Whether another result set (a rescore) may be shown for a snapshot: the audit over everything
 * disclosed so far plus the new view finds no isolated rater. The views are frozen, as for
 * `decideSnapshot`: they must not be mutated afterwards.
 */
export function decideResultSet(view: DisclosedView, disclosed: DisclosedView[]): { disclose: boolean; reasons: string[] } {
  const isolated = auditViews([...disclosed, view]);
  return isolated.length === 0
    ? { disclose: true, reasons: [] }
    : { disclose: false, reasons: isolated.map((i) => `rater ${i.raterId} would be isolated by ${i.figures.join(', ')}`) };
}

function thresholdOf(basis: DisclosureBasis): number {
  return basis.policy?.minGroupSize ?? 3;
}

/** The stricter threshold for comments: never below the score threshold. */
function commentThresholdOf(basis: DisclosureBasis): number {
  return Math.max(thresholdOf(basis), basis.policy?.commentThreshold ?? 0);
}

/** The rater groups whose figures are anonymous under a policy (not exempt, not self). */
export function anonymousGroups(policy?: Partial<Policy>): RaterGroup[] {
  const exempt = policy?.exemptGroups ?? ['self', 'manager'];
  return RATER_GROUPS.filter((g) => !exempt.includes(g));
}
