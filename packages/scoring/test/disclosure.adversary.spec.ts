/**
 * The adversary suite (issue #11): sequences of submissions, late submissions after release,
 * "not able to rate" answers, rescores under other instrument versions and role profiles, releases
 * and views by HR, the leader and the manager. After every step an adversary holding every figure
 * ever shown to anyone (HR, leader and manager together) tries to solve for any single rater's value.
 *
 * First the adversary is shown to have teeth: against today's rules (HR's live view of every
 * response, the per-group "two new responses" republication rule, rescores without a check) it
 * recovers a named rater's score. Then, under the disclosure rule, it never does.
 */
import fc from 'fast-check';
import {
  decideResultSet,
  decideSnapshot,
  DisclosedView,
  DisclosureBasis,
  Instrument,
  Item,
  Policy,
  RaterGroup,
  RaterResponse,
} from '../src';
import { Adversary, restrict, ShownReport } from './adversary';

const DIMS = ['D0', 'D1'];
const SCALE = { min: 1, max: 5 };

/* ------------------------------------------------------------------ a platform model */

type Viewer = 'hr' | 'leader' | 'manager';

interface ResultSetState {
  basis: DisclosureBasis;
  /** the view shown for it, or null when withheld */
  view: DisclosedView | null;
}

/** The platform as the disclosure rule runs it: every viewer sees snapshots only. */
class RulePlatform {
  received: RaterResponse[] = [];
  snapshot: RaterResponse[] | null = null;
  disclosed: DisclosedView[] = [];
  resultSets: ResultSetState[] = [];
  released = false;
  publication: RaterResponse[] | null = null;
  withheld = 0;
  snapshots = 0;

  constructor(readonly live: DisclosureBasis) {}

  submit(r: RaterResponse): void {
    this.received.push(r);
    const d = decideSnapshot({
      basis: this.live,
      current: this.snapshot,
      received: this.received.map((x) => restrict(x, this.live.instrument)),
      disclosed: this.disclosed,
    });
    if (!d.take) return;
    this.snapshot = d.responses;
    this.snapshots++;
    this.disclosed.push({ basis: this.live, responses: d.responses });
    if (this.released) this.publication = d.responses;
  }

  release(): void {
    this.released = true;
    this.publication = this.snapshot;
  }

  rescore(basis: DisclosureBasis): void {
    if (!this.snapshot) {
      this.resultSets.push({ basis, view: null });
      return;
    }
    const view = { basis, responses: this.snapshot.map((r) => restrict(r, basis.instrument)) };
    const d = decideResultSet(view, this.disclosed);
    if (d.disclose) this.disclosed.push(view);
    else this.withheld++;
    this.resultSets.push({ basis, view: d.disclose ? view : null });
  }

  shown(viewer: Viewer): ShownReport[] {
    const report = (basis: DisclosureBasis, responses: RaterResponse[]): ShownReport => ({
      viewer,
      instrument: basis.instrument,
      policy: basis.policy ?? {},
      expectations: basis.expectations,
      raterIds: responses.map((r) => r.raterId),
    });
    if (viewer === 'hr') {
      const out = this.snapshot ? [report(this.live, this.snapshot)] : [];
      for (const rs of this.resultSets) if (rs.view) out.push(report(rs.basis, rs.view.responses));
      return out;
    }
    return this.released && this.publication ? [report(this.live, this.publication)] : [];
  }
}

/** Today's platform: HR reads the live report, the publication follows the per-group "two new responses" rule, rescores are shown unchecked. */
class NaivePlatform {
  received: RaterResponse[] = [];
  published: RaterResponse[] | null = null;
  rescores: { basis: DisclosureBasis; responses: RaterResponse[] }[] = [];
  released = false;
  constructor(readonly live: DisclosureBasis) {}
  private counts(rs: RaterResponse[]) {
    const c: Record<string, number> = {};
    for (const r of rs) c[r.group] = (c[r.group] ?? 0) + 1;
    return c;
  }
  submit(r: RaterResponse): void {
    this.received.push(r);
    if (!this.released || !this.published) return;
    const before = this.counts(this.published);
    const after = this.counts(this.received);
    let changed = false;
    for (const g of new Set([...Object.keys(before), ...Object.keys(after)])) {
      const delta = (after[g] ?? 0) - (before[g] ?? 0);
      if (delta === 0) continue;
      if (delta < 2) return;
      changed = true;
    }
    if (changed) this.published = [...this.received];
  }
  release(): void {
    this.released = true;
    this.published = [...this.received];
  }
  rescore(basis: DisclosureBasis): void {
    this.rescores.push({ basis, responses: [...this.received] });
  }
  shown(viewer: Viewer): ShownReport[] {
    const report = (basis: DisclosureBasis, responses: RaterResponse[]): ShownReport => ({
      viewer,
      instrument: basis.instrument,
      policy: basis.policy ?? {},
      expectations: basis.expectations,
      raterIds: responses.map((r) => r.raterId),
    });
    if (viewer === 'hr') {
      const out = this.received.length ? [report(this.live, this.received)] : [];
      for (const rs of this.rescores)
        out.push(
          report(
            rs.basis,
            rs.responses.map((r) => restrict(r, rs.basis.instrument)),
          ),
        );
      return out;
    }
    return this.released && this.published ? [report(this.live, this.published)] : [];
  }
}

/* ------------------------------------------------------------------ hand-made attacks (teeth) */

const item = (id: string, dimensionId: string, reverse = false): Item => ({ id, dimensionId, reverse });
const versionA: Instrument = {
  scale: SCALE,
  dimensions: DIMS.map((id) => ({ id })),
  items: [item('i1', 'D0'), item('i2', 'D0'), item('i3', 'D0'), item('j1', 'D1'), item('j2', 'D1')],
};
const rater = (raterId: string, group: RaterGroup, answers: Record<string, number | null>): RaterResponse => ({ raterId, group, answers });

function seeAll(platform: { shown(v: Viewer): ShownReport[] }, adversary: Adversary): void {
  for (const v of ['hr', 'leader', 'manager'] as Viewer[]) for (const s of platform.shown(v)) adversary.see(s);
}

describe("the adversary has teeth: it breaks today's rules", () => {
  const policy: Partial<Policy> = { minGroupSize: 3 };
  const live: DisclosureBasis = { resultSet: 'live', instrument: versionA, policy };

  it("leak 2: HR's live view moves by one submission, and the difference is that rater's score", () => {
    const raters = [
      rater('p1', 'peer', { i1: 4, i2: 4, i3: 3, j1: 2, j2: 5 }),
      rater('p2', 'peer', { i1: 2, i2: 3, i3: 3, j1: 4, j2: 4 }),
      rater('p3', 'peer', { i1: 5, i2: 5, i3: 4, j1: 1, j2: 3 }),
      rater('p4', 'peer', { i1: 1, i2: 2, i3: 1, j1: 5, j2: 5 }),
    ];
    const truth = new Map(raters.map((r) => [r.raterId, r]));
    const naive = new NaivePlatform(live);
    const adversary = new Adversary(truth);
    for (const r of raters) {
      naive.submit(r);
      seeAll(naive, adversary);
    }
    const found = adversary.attack();
    const p4 = found.find((f) => f.raterId === 'p4');
    expect(p4).toBeDefined();
    expect(p4!.recovered).toBeCloseTo(p4!.truth, 9);

    const safe = new RulePlatform(live);
    const guard = new Adversary(truth);
    for (const r of raters) {
      safe.submit(r);
      seeAll(safe, guard);
    }
    expect(guard.attack()).toEqual([]);
    expect(safe.snapshot?.map((r) => r.raterId)).toEqual(['p1', 'p2', 'p3']); // p4 alone never moves a figure
  });

  it('leak 3: two late raters, one "not able to rate" on a dimension: the per-group rule republishes a one-rater change', () => {
    const raters = [
      rater('p1', 'peer', { i1: 4, i2: 4, i3: 3, j1: 2, j2: 5 }),
      rater('p2', 'peer', { i1: 2, i2: 3, i3: 3, j1: 4, j2: 4 }),
      rater('p3', 'peer', { i1: 5, i2: 5, i3: 4, j1: 1, j2: 3 }),
    ];
    const late = [
      rater('p4', 'peer', { i1: 1, i2: 2, i3: 1, j1: 5, j2: 4 }),
      rater('p5', 'peer', { i1: 3, i2: 3, i3: 2, j1: null, j2: null }),
    ];
    const truth = new Map([...raters, ...late].map((r) => [r.raterId, r]));
    const naive = new NaivePlatform(live);
    const adversary = new Adversary(truth);
    for (const r of raters) naive.submit(r);
    naive.release();
    for (const s of naive.shown('leader')) adversary.see(s);
    for (const r of late) naive.submit(r);
    for (const s of naive.shown('leader')) adversary.see(s); // only what the leader sees
    const p4 = adversary.attack().find((f) => f.raterId === 'p4');
    expect(p4).toBeDefined();
    expect(Object.keys(p4!.functional).every((v) => v.startsWith('p4\u0000j'))).toBe(true); // p4's score on D1
    expect(p4!.recovered).toBeCloseTo(p4!.truth, 9);

    const safe = new RulePlatform(live);
    const guard = new Adversary(truth);
    for (const r of raters) safe.submit(r);
    safe.release();
    for (const r of late) {
      safe.submit(r);
      seeAll(safe, guard);
    }
    expect(guard.attack()).toEqual([]);
  });

  it("leak 4: a rescore that reverse-scores an item only one rater answered yields that rater's answer", () => {
    const raters = [
      rater('p1', 'peer', { i1: 4, i2: 2, i3: 3, j1: 2, j2: 5 }),
      rater('p2', 'peer', { i1: 2, i2: null, i3: 3, j1: 4, j2: 4 }),
      rater('p3', 'peer', { i1: 5, i2: null, i3: 4, j1: 1, j2: 3 }),
    ];
    const versionB: Instrument = { ...versionA, items: versionA.items.map((it) => (it.id === 'i2' ? { ...it, reverse: true } : it)) };
    const truth = new Map(raters.map((r) => [r.raterId, r]));
    const naive = new NaivePlatform(live);
    for (const r of raters) naive.submit(r);
    naive.rescore({ resultSet: 'v2', instrument: versionB, policy });
    const adversary = new Adversary(truth);
    seeAll(naive, adversary);
    const p1 = adversary.attack().find((f) => f.raterId === 'p1');
    expect(p1).toBeDefined();
    expect(p1!.recovered).toBeCloseTo(p1!.truth, 9);

    const safe = new RulePlatform(live);
    for (const r of raters) safe.submit(r);
    safe.rescore({ resultSet: 'v2', instrument: versionB, policy });
    const guard = new Adversary(truth);
    seeAll(safe, guard);
    expect(guard.attack()).toEqual([]);
    expect(safe.withheld).toBe(1);
  });
});

/* ------------------------------------------------------------------ random sequences */

const itemArb = fc.record({ dim: fc.integer({ min: 0, max: 1 }), reverse: fc.boolean() });
const changeArb = fc.record({ flip: fc.boolean(), move: fc.boolean(), drop: fc.boolean() });
const answerArb = fc.option(fc.integer({ min: 1, max: 5 }), { nil: null, freq: 3 });
const ITEMS = 5;
const groupCounts = fc.record({
  manager: fc.integer({ min: 0, max: 1 }),
  peer: fc.integer({ min: 0, max: 6 }),
  direct_report: fc.integer({ min: 0, max: 5 }),
  other: fc.integer({ min: 0, max: 3 }),
});
type Action = 'submit' | 'release' | 'rescoreVersion' | 'rescoreProfile' | 'view';
const scenarioArb = fc.record({
  items: fc.array(itemArb, { minLength: ITEMS, maxLength: ITEMS }),
  versionChanges: fc.array(changeArb, { minLength: ITEMS, maxLength: ITEMS }),
  counts: groupCounts,
  answers: fc.array(fc.array(answerArb, { minLength: ITEMS, maxLength: ITEMS }), { minLength: 16, maxLength: 16 }),
  threshold: fc.integer({ min: 2, max: 4 }),
  othersMean: fc.constantFrom<'pooled' | 'mean-of-groups'>('pooled', 'mean-of-groups'),
  targets: fc.tuple(fc.integer({ min: 2, max: 5 }), fc.integer({ min: 2, max: 5 })),
  actions: fc.array(
    fc.constantFrom<Action>('submit', 'submit', 'submit', 'submit', 'release', 'rescoreVersion', 'rescoreProfile', 'view'),
    { minLength: 4, maxLength: 30 },
  ),
  order: fc.array(fc.nat(), { minLength: 16, maxLength: 16 }),
});
type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

function world(s: Scenario) {
  const items: Item[] = s.items.map((it, i) => ({ id: `x${i}`, dimensionId: DIMS[it.dim], reverse: it.reverse }));
  const live: Instrument = { scale: SCALE, dimensions: DIMS.map((id) => ({ id })), items };
  const v2: Instrument = {
    scale: SCALE,
    dimensions: DIMS.map((id) => ({ id })),
    items: items
      .map((it, i) => ({ it, c: s.versionChanges[i] }))
      .filter(({ c }, i) => !c.drop || i === 0)
      .map(({ it, c }) => ({
        ...it,
        reverse: c.flip ? !it.reverse : it.reverse,
        dimensionId: c.move ? DIMS[1 - DIMS.indexOf(it.dimensionId)] : it.dimensionId,
      })),
  };
  const groups: RaterGroup[] = ['self'];
  for (const g of ['manager', 'peer', 'direct_report', 'other'] as const) for (let i = 0; i < s.counts[g]; i++) groups.push(g);
  const raters = groups.map((group, k) => rater(`r${k}`, group, Object.fromEntries(items.map((it, i) => [it.id, s.answers[k][i]]))));
  const order = raters
    .map((r, k) => ({ r, key: s.order[k] }))
    .sort((a, b) => a.key - b.key || a.r.raterId.localeCompare(b.r.raterId))
    .map((x) => x.r);
  const policy: Partial<Policy> = { minGroupSize: s.threshold, othersMean: s.othersMean };
  return {
    raters,
    order,
    live: { resultSet: 'live', instrument: live, policy } as DisclosureBasis,
    version: (n: number): DisclosureBasis => ({ resultSet: `rescore-${n}`, instrument: v2, policy }),
    profile: (n: number): DisclosureBasis => ({
      resultSet: `rescore-${n}`,
      instrument: live,
      policy,
      expectations: { D0: s.targets[0], D1: s.targets[1] },
    }),
  };
}

/** Runs a scenario on a platform; after every step the coalition adversary attacks. Returns what it found. */
function play(s: Scenario, make: (live: DisclosureBasis) => RulePlatform | NaivePlatform, stats?: Stats) {
  const w = world(s);
  const platform = make(w.live);
  const truth = new Map(w.raters.map((r) => [r.raterId, r]));
  const coalition = new Adversary(truth);
  const perViewer = { hr: new Adversary(truth), leader: new Adversary(truth), manager: new Adversary(truth) };
  let next = 0;
  let rescores = 0;
  // the scripted actions, then every rater who has not answered answers late
  const actions: Action[] = [...s.actions, ...w.order.map(() => 'submit' as const), 'view'];
  for (const action of actions) {
    if (action === 'submit') {
      if (next >= w.order.length) continue;
      platform.submit(w.order[next++]);
    } else if (action === 'release') platform.release();
    else if (action === 'rescoreVersion') platform.rescore(w.version(++rescores));
    else if (action === 'rescoreProfile') platform.rescore(w.profile(++rescores));
    const before = coalition.equations;
    for (const v of ['hr', 'leader', 'manager'] as Viewer[]) {
      for (const shown of platform.shown(v)) {
        perViewer[v].see(shown);
        coalition.see(shown);
      }
    }
    if (stats) stats.steps++;
    if (coalition.equations === before) continue; // nothing new shown: nothing new to solve
    if (stats) stats.attacks++;
    const found = coalition.attack();
    if (found.length > 0) return { found, coalition, perViewer };
  }
  return { found: [], coalition, perViewer };
}

interface Stats {
  sequences: number;
  steps: number;
  attacks: number;
  views: Record<Viewer, number>;
  equations: number;
  snapshots: number;
  withheldResultSets: number;
}

describe('the disclosure rule against the adversary', () => {
  it('no sequence of submissions, releases, rescores and views lets anyone solve for a single rater', () => {
    const stats: Stats = {
      sequences: 0,
      steps: 0,
      attacks: 0,
      views: { hr: 0, leader: 0, manager: 0 },
      equations: 0,
      snapshots: 0,
      withheldResultSets: 0,
    };
    fc.assert(
      fc.property(scenarioArb, (s) => {
        let platform: RulePlatform | undefined;
        const { found, perViewer, coalition } = play(s, (live) => (platform = new RulePlatform(live)), stats);
        stats.sequences++;
        for (const v of ['hr', 'leader', 'manager'] as Viewer[]) stats.views[v] += perViewer[v].views;
        stats.equations += coalition.equations;
        stats.snapshots += platform!.snapshots;
        stats.withheldResultSets += platform!.withheld;
        expect(found).toEqual([]);
      }),
      {
        numRuns: Number(process.env.ADVERSARY_RUNS ?? 150),
        seed: process.env.ADVERSARY_SEED ? Number(process.env.ADVERSARY_SEED) : undefined,
      },
    );

    console.log(
      `adversary suite: ${stats.sequences} sequences, ${stats.steps} steps, ${stats.views.hr + stats.views.leader + stats.views.manager} views ` +
        `(HR ${stats.views.hr}, leader ${stats.views.leader}, manager ${stats.views.manager}), ${stats.equations} distinct figure equations, ` +
        `${stats.attacks} attacks, ${stats.snapshots} snapshots taken, ${stats.withheldResultSets} result sets withheld: no rater isolated`,
    );
    expect(stats.snapshots).toBeGreaterThan(stats.sequences); // the rule does publish: more than one snapshot per sequence on average
  });

  it("the same generator breaks today's rules (the suite would notice a naive rule)", () => {
    const result = fc.check(
      fc.property(scenarioArb, (s) => play(s, (live) => new NaivePlatform(live)).found.length === 0),
      { numRuns: 300, seed: 11 },
    );
    expect(result.failed).toBe(true);
    const { found } = play(result.counterexample![0], (live) => new NaivePlatform(live));
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) expect(f.recovered).toBeCloseTo(f.truth, 6);
  });
});
