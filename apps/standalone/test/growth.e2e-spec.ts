/**
 * From report to growth over HTTP on the one-machine platform (PostgreSQL event log, no SMTP):
 * a cycle of eleven leaders, its projected reliability before launch → the closed cycle's report
 * with every item (others with n and interval, groups, self versus others), norms within the cycle
 * (from 10 leaders) and its measured reliability (alpha, ICC per group) → the leader's development
 * plan from its focus areas → the manager's comment and mail → HR sees only that a plan exists → a
 * follow-up pulse on the plan (started by the leader, answered through the raters' links, its
 * result per focus area with intervals, one suppressed) → the next 360, whose like-for-like trend
 * compares with the previous 360: change, Welch interval and call, recomputed from the two reports.
 *
 * Every rater answers every item they are shown at one level per dimension (reverse items
 * mirrored), and all raters of a group of a leader at the same level: so the figures below are
 * worked out by hand from the levels, and item figures are shown (a group's raters answered the
 * same items).
 */
import { provisionOrganisation } from '@leaderscope/gateway';
import { createTestDatabase, eventually, TestDatabase } from '@leaderscope/testing';
import { DataSource } from 'typeorm';
import { Platform, startPlatform } from '../src';
import { randomUUID } from 'node:crypto';
import {
  answerSurvey,
  Api,
  draftCycle,
  instrument,
  Invitation,
  launchCycleForAda,
  launchDraft,
  LaunchedCycle,
  organisationCsv,
  PASSWORD,
  surveyLinks,
} from './fixtures';

const PLAN = `version reviewDate editable commentable focusAreas { kind id label actions } history { version } comments { authorName body planVersion }`;
const READ_PLAN = `query($c: ID!, $s: ID!) { developmentPlan(cycleId: $c, subjectId: $s) { ${PLAN} } }`;
const SAVE_PLAN = `mutation($input: SaveDevelopmentPlanInput!) { saveDevelopmentPlan(input: $input) { ${PLAN} } }`;
const PULSE = `id status planVersion invited answered focusAreas { slot label result { n shown mean ci95Low ci95High call } }`;
/** t(0.975) by degrees of freedom, from the t table (an independent reference for the pulse's intervals). */
const T975: Record<number, number> = {
  2: 4.30265273,
  3: 3.182446305,
  4: 2.776445105,
  5: 2.570581836,
  6: 2.446911851,
  7: 2.364624252,
  8: 2.306004135,
  9: 2.262157163,
  10: 2.228138852,
  11: 2.20098516,
  12: 2.17881283,
  13: 2.160368656,
  14: 2.144786688,
  15: 2.131449546,
  16: 2.119905299,
  17: 2.109815578,
  18: 2.10092204,
  19: 2.093024054,
  20: 2.085963447,
  21: 2.079613845,
  22: 2.073873068,
  23: 2.06865761,
  24: 2.063898562,
  25: 2.059538553,
  26: 2.055529439,
  27: 2.051830516,
  28: 2.048407142,
  29: 2.045229642,
  30: 2.042272456,
};
const START_PULSE = `mutation($input: StartPulseInput!) { startPulse(input: $input) { ${PULSE} } }`;
const PULSES = `query($c: ID!, $s: ID!) { pulses(cycleId: $c, subjectId: $s) { ${PULSE} } }`;
const RELIABILITY = `query($c: ID!) { cycleReliability(cycleId: $c) { scoredAt subjectCount alpha { dimensionId alpha respondents items }
  groups { group icc1 icck subjects } norms { dimensionId n available }
  projectedSubjects atRiskSubjects target } }`;
const PROJECTION = `query($c: ID!) { cycleReliabilityProjection(cycleId: $c, first: 500) { totalCount
  nodes { subject { employeeId } groups { group invited singleRater source projected warnings { code } } } } }`;
const FIGURE = `n mean ciLow ciHigh suppressed`;
const MIX = `published { group count } merged`;
const REPORT = `query($c: ID!, $s: ID!) { subjectReport(cycleId: $c, subjectId: $s) { visibility responseCount
  dimensions { dimensionId others { ${FIGURE} includes } groups { group ${FIGURE} } }
  items { itemId dimensionId gap others { ${FIGURE} includes } groups { group ${FIGURE} } }
  highestItems { itemId others n ciLow ciHigh } lowestItems { itemId others n ciLow ciHigh }
  comparisons {
    norms { dimensionId cycle { percentile normSize available } organisation { percentile normSize available } organisationCycles }
    trend { previousCycleId previousInstrumentVersion instrumentVersion ratersInCommon
      dimensions { dimensionId previous current change ciLow ciHigh call previousRaters currentRaters itemsInCommon
        previousGroupMix { ${MIX} } currentGroupMix { ${MIX} } } } } } }`;

/** Ada's eleven-leader cycle: Margaret Hamilton's division (seven heads, each with six peers) beside Grace Hopper's. */
const DIVISION: [string, string, string, string][] = [
  ['E200', 'Margaret Hamilton', '', 'Chief Engineer'],
  ...['Mary Jackson', 'Hedy Lamarr', 'Radia Perlman', 'John Backus', 'Jean Bartik', 'Ken Thompson', 'Lynn Conway'].map(
    (name, i): [string, string, string, string] => [`E20${i + 1}`, name, 'E200', 'Head of engineering'],
  ),
];
const LEADERS = ['E10', 'E11', 'E12', 'E13', ...DIVISION.slice(1).map(([id]) => id)];
/** The level every peer of a leader (other than Ada) answers at: ties on purpose (percentiles share ranks). */
const PEER_LEVEL: Record<string, number> = { E11: 4, E12: 2, E13: 5, E201: 1, E202: 2, E203: 3, E204: 4, E205: 5, E206: 3, E207: 2 };
/** Ada's raters by group, in the first cycle (the next cycle: one level higher, except on UNCHANGED). */
const ADA_LEVEL: Record<string, number> = { self: 5, manager: 4, peer: 3, direct_report: 4, skip_level: 3 };
const UNCHANGED = 'alignment';
/** The non-self groups, in the order reports list them. */
const OTHERS = ['manager', 'peer', 'direct_report', 'skip_level', 'other'];
/**
 * The order raters answer in: the identifiable ones (self, manager: shown alone by design) first,
 * then group by group, so that each group reaches the threshold together. The disclosure rule
 * (docs/anonymity.md) moves an anonymous figure only by at least three raters at once.
 */
const inAnsweringOrder = (invitations: Invitation[]) =>
  [...invitations].sort((a, b) => ['self', ...OTHERS].indexOf(a.group) - ['self', ...OTHERS].indexOf(b.group));

/**
 * One leader's raters, group by group, in chunks of at least three (the threshold), each chunk
 * answered and shown before the next. Answered all at once, how the services batch them decides
 * the snapshots: six skip-levels taken as four and then two would leave the two waiting for good
 * (they can never move the group by three), and the journey wants every rater in the report.
 */
function inShownChunks(invitations: Invitation[]): Invitation[][] {
  const chunks: Invitation[][] = [];
  for (const group of ['self', ...OTHERS]) {
    const mine = invitations.filter((i) => i.group === group);
    const start = chunks.length;
    for (let i = 0; i < mine.length; i += 3) chunks.push(mine.slice(i, i + 3));
    if (chunks.length - start > 1 && chunks[chunks.length - 1].length < 3) chunks[chunks.length - 2].push(...chunks.pop()!);
  }
  return chunks;
}

type Figure = { n: number; mean: number | null; ciLow: number | null; ciHigh: number | null; suppressed: boolean };
type GroupFigure = Figure & { group: string };
type ReportFigures = {
  responseCount: number;
  dimensions: { dimensionId: string; others: Figure & { includes: string[] }; groups: GroupFigure[] }[];
  items: { itemId: string; dimensionId: string; gap: number | null; others: Figure & { includes: string[] }; groups: GroupFigure[] }[];
  highestItems: { itemId: string; others: number; n: number }[];
  lowestItems: { itemId: string; others: number; n: number }[];
  comparisons: {
    norms: {
      dimensionId: string;
      cycle: { percentile: number | null; normSize: number; available: boolean };
      organisation: { percentile: number | null; normSize: number; available: boolean };
      organisationCycles: number;
    }[];
    trend: {
      previousCycleId: string;
      ratersInCommon: number | null;
      dimensions: {
        dimensionId: string;
        previous: number | null;
        current: number | null;
        change: number | null;
        ciLow: number | null;
        ciHigh: number | null;
        call: string;
        previousRaters: number | null;
        currentRaters: number | null;
        itemsInCommon: number | null;
        previousGroupMix: { published: { group: string; count: number }[]; merged: number } | null;
        currentGroupMix: { published: { group: string; count: number }[]; merged: number } | null;
      }[];
    } | null;
  } | null;
};

/** Mean and 95% t interval of a list of answers (the textbook formulas, t from the table above). */
function tInterval(values: number[]): { n: number; mean: number; low: number | null; high: number | null } {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  if (n < 2) return { n, mean, low: null, high: null };
  const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1));
  const half = (T975[n - 1] * sd) / Math.sqrt(n);
  return { n, mean, low: mean - half, high: mean + half };
}

/** Mid-rank percentile of `value` among `pool` (ties share a rank): (below + ties / 2) / N × 100. */
function midRankPercentile(value: number, pool: number[]): number {
  const below = pool.filter((v) => v < value - 1e-9).length;
  const ties = pool.filter((v) => Math.abs(v - value) <= 1e-9).length;
  return ((below + ties / 2) / pool.length) * 100;
}

describe('from report to growth, over HTTP', () => {
  let db: TestDatabase;
  let platform: Platform;
  let api: Api;
  let dataSource: DataSource;
  let hr: string;
  /** The eleven-leader cycle, still a draft until the first test launches it. */
  let draft: { cycleId: string; subjects: Map<string, string> };
  /** Ada's side of it: her raters' links. */
  let cycle: LaunchedCycle;
  let allInvitations: Invitation[] = [];
  /** Every leader's published others mean per dimension in the first cycle (the norm group of the next). */
  const firstCycleOthers = new Map<string, Map<string, number>>();
  let firstReport: ReportFigures;
  let pulseInvitations: Invitation[] = [];
  const t: Record<string, string> = {};
  const inDays = (days: number) => new Date(Date.now() + days * 86400_000).toISOString().slice(0, 10);
  const report = async (cycleId: string, subjectId: string, token = hr): Promise<ReportFigures> =>
    (await api.ok(REPORT, { c: cycleId, s: subjectId }, token)).subjectReport;

  beforeAll(async () => {
    db = await createTestDatabase();
    platform = await startPlatform({
      databaseUrl: db.url,
      port: 0,
      seedDemo: false,
      secret: 'growth-test-secret-0123456789',
      log: () => {},
    });
    api = new Api(platform.url);
    dataSource = platform.gateway.get(DataSource);
    await provisionOrganisation(dataSource, { name: 'Growth Org', hrEmail: 'hr@growth.test', hrPassword: PASSWORD });
    hr = await api.login('hr@growth.test', PASSWORD);
    draft = await draftCycle(api, hr, LEADERS, {
      csv: organisationCsv('example.org', [], DIVISION),
      minRaters: [{ group: 'direct_report', count: 0 }],
    });
    const { people } = await api.ok(`{ people { id employeeId } }`, {}, hr);
    const id = (e: string) => people.find((p: { employeeId: string }) => p.employeeId === e).id;
    for (const [key, employeeId] of [
      ['ada', 'E10'],
      ['grace', 'E1'],
      ['alan', 'E11'],
    ]) {
      const { createAccount } = await api.ok(
        `mutation($p: ID!) { createAccount(personId: $p) { email temporaryPassword } }`,
        { p: id(employeeId) },
        hr,
      );
      t[key] = await api.login(createAccount.email, createAccount.temporaryPassword);
    }
  }, 120000);

  afterAll(async () => {
    await platform?.stop();
    await db?.drop();
  });

  it('before launch, HR sees each leader’s projected reliability per rater group from who is nominated, with its warnings', async () => {
    const r = (await api.ok(RELIABILITY, { c: draft.cycleId }, hr)).cycleReliability;
    expect(r).toMatchObject({ scoredAt: null, subjectCount: null, alpha: [], groups: [], target: 0.7 });
    // Who the reporting lines propose (at most 8 per group): Ada has Grace, Alan, Barbara and Claude's
    // peers, three team leads and their six reports; Alan has Katherine; each of Margaret's seven heads six peers.
    const invited: Record<string, Record<string, number>> = {
      E10: { manager: 1, peer: 3, direct_report: 3, skip_level: 6 },
      E11: { manager: 1, peer: 3, direct_report: 1 },
      E12: { manager: 1, peer: 3 },
      E13: { manager: 1, peer: 3 },
      ...Object.fromEntries(DIVISION.slice(1).map(([e]) => [e, { manager: 1, peer: 6 }])),
    };
    type Projection = {
      group: string;
      invited: number;
      singleRater: number;
      source: string;
      projected: number;
      warnings: { code: string }[];
    };
    const { cycleReliabilityProjection: projection } = await api.ok(PROJECTION, { c: draft.cycleId }, hr);
    expect(projection.totalCount).toBe(r.projectedSubjects);
    const shown = new Map<string, Projection[]>(
      projection.nodes.map((p: { subject: { employeeId: string }; groups: Projection[] }) => [p.subject.employeeId, p.groups]),
    );
    expect([...shown.keys()].sort()).toEqual([...LEADERS].sort());
    // Spearman–Brown from Conway & Huffcutt's single-rater reliabilities (the organisation has no closed cycle yet).
    const single: Record<string, number> = { manager: 0.5, skip_level: 0.5, peer: 0.37, direct_report: 0.3 };
    for (const [leader, groups] of shown) {
      expect(Object.fromEntries(groups.map((g) => [g.group, g.invited]))).toEqual(invited[leader]);
      for (const g of groups) {
        const k = g.invited;
        const projected = (k * single[g.group]) / (1 + (k - 1) * single[g.group]);
        expect(g).toMatchObject({ source: 'published', singleRater: single[g.group] });
        expect(g.projected).toBeCloseTo(projected, 12);
        const expected = [
          ...(g.group !== 'manager' && k < 3 ? ['below-threshold'] : []),
          ...(g.group !== 'manager' && k === 3 ? ['exactly-threshold'] : []),
          ...(projected < 0.7 ? ['below-target'] : []),
        ];
        expect(g.warnings.map((w) => w.code)).toEqual(expected);
      }
    }
    // Ada: three peers and three direct reports, each one non-response from hidden; six skip-levels project .86.
    expect(
      shown
        .get('E10')!
        .find((g) => g.group === 'peer')!
        .warnings.map((w) => w.code),
    ).toEqual(['exactly-threshold', 'below-target']);
    expect(shown.get('E10')!.find((g) => g.group === 'skip_level')!.warnings).toEqual([]);
    // Alan's one direct report will never be shown.
    expect(
      shown
        .get('E11')!
        .find((g) => g.group === 'direct_report')!
        .warnings.map((w) => w.code),
    ).toContain('below-threshold');

    allInvitations = await launchDraft(api, hr, draft.cycleId);
    const ada = draft.subjects.get('E10')!;
    cycle = { cycleId: draft.cycleId, subjectId: ada, invitations: allInvitations.filter((i) => i.subjectId === ada) };
    expect(cycle.invitations).toHaveLength(1 + 1 + 3 + 3 + 6);
  }, 120000);

  it('the closed cycle: the report with every item, norms within the cycle from 10 leaders, and reliability per dimension and group', async () => {
    // Ada's raters all answer, by group; three peers of every other leader answer, at that leader's level.
    const leaderOf = new Map([...draft.subjects].map(([e, id]) => [id, e]));
    const answered = new Map<string, number>();
    for (const invitation of inAnsweringOrder(allInvitations)) {
      const leader = leaderOf.get(invitation.subjectId)!;
      const level = invitation.group === 'peer' && (answered.get(leader) ?? 0) < 3 ? PEER_LEVEL[leader] : undefined;
      if (leader === 'E10' || level === undefined) continue;
      const { result } = await answerSurvey(api, invitation.token, level);
      expect(result.errors).toBeUndefined();
      answered.set(leader, (answered.get(leader) ?? 0) + 1);
    }
    for (const chunk of inShownChunks(cycle.invitations)) {
      for (const invitation of chunk) {
        const { result } = await answerSurvey(api, invitation.token, ADA_LEVEL[invitation.group]);
        expect(result.errors).toBeUndefined();
      }
      answered.set('E10', (answered.get('E10') ?? 0) + chunk.length);
      await eventually(
        `${answered.get('E10')} of Ada's answers shown`,
        async () => (await report(draft.cycleId, cycle.subjectId)).responseCount === answered.get('E10'),
        60000,
      );
    }
    // Every answer is in each leader's report before the cycle closes (norms and reliability are
    // computed from the reports' raters when it closes).
    await eventually(
      'every answer in the reports',
      async () => {
        const rows: { subject_id: string; response_count: number }[] = await dataSource.query(
          `SELECT subject_id, response_count FROM gateway.subject_report WHERE cycle_id = $1 AND result_set = 'live'`,
          [draft.cycleId],
        );
        const count = new Map(rows.map((r) => [leaderOf.get(r.subject_id)!, r.response_count]));
        return [...answered].every(([leader, n]) => count.get(leader) === n);
      },
      90000,
    );
    await api.ok(`mutation($c: ID!) { closeCycle(cycleId: $c) { status } }`, { c: draft.cycleId }, hr);

    // Ada's report, item by item: every item, its others with n and 95% interval, each group shown on it, self versus others.
    firstReport = await eventually(
      'the comparisons of the closed cycle',
      async () => {
        const r = await report(draft.cycleId, cycle.subjectId);
        return r.comparisons !== null && r;
      },
      60000,
    );
    expect(firstReport.responseCount).toBe(cycle.invitations.length);
    expect(firstReport.items.map((i) => i.itemId)).toEqual(instrument.items.map((i) => i.id));
    const others = OTHERS.filter((g) => g !== 'other');
    const count: Record<string, number> = { self: 1, manager: 1, peer: 3, direct_report: 3, skip_level: 6 };
    for (const item of firstReport.items) {
      const observers = instrument.items.find((i) => i.id === item.itemId)!.observers as string[];
      const groups = others.filter((g) => observers.includes(g));
      const expected = tInterval(groups.flatMap((g) => Array<number>(count[g]).fill(ADA_LEVEL[g])));
      expect(item.others).toMatchObject({ suppressed: false, n: expected.n });
      expect(item.others.includes.sort()).toEqual([...groups].sort());
      expect(item.others.mean).toBeCloseTo(expected.mean, 4); // reports' figures are stored at four places
      if (expected.low === null) expect([item.others.ciLow, item.others.ciHigh]).toEqual([null, null]);
      else {
        expect(item.others.ciLow).toBeCloseTo(expected.low, 4);
        expect(item.others.ciHigh).toBeCloseTo(expected.high!, 4);
      }
      // Each group that observes the item is shown on it (the manager, identifiable by design, with n 1).
      expect(
        item.groups
          .filter((g) => g.group !== 'self')
          .map((g) => [g.group, g.n, g.mean, g.suppressed])
          .sort(),
      ).toEqual(groups.map((g) => [g, count[g], ADA_LEVEL[g], false]).sort());
      // Self versus others: Ada rates herself 5.
      expect(item.groups.find((g) => g.group === 'self')).toMatchObject({ n: 1, mean: 5, suppressed: false });
      expect(item.gap).toBeCloseTo(5 - expected.mean, 4);
    }
    const byMean = [...firstReport.items].sort((a, b) => a.others.mean! - b.others.mean!);
    expect(firstReport.lowestItems[0].others).toBeCloseTo(byMean[0].others.mean!, 4);
    expect(firstReport.highestItems[0].others).toBeCloseTo(byMean.at(-1)!.others.mean!, 12);

    // Norms: each dimension's mid-rank percentile among the leaders with a published others mean
    // on it, recomputed from all eleven reports; shown only from 10 leaders, with the size.
    for (const leader of LEADERS) {
      const r = leader === 'E10' ? firstReport : await report(draft.cycleId, draft.subjects.get(leader)!);
      firstCycleOthers.set(
        leader,
        new Map(r.dimensions.filter((d) => !d.others.suppressed && d.others.mean !== null).map((d) => [d.dimensionId, d.others.mean!])),
      );
    }
    let shownNorms = 0;
    for (const norm of firstReport.comparisons!.norms) {
      const pool = LEADERS.map((l) => firstCycleOthers.get(l)!.get(norm.dimensionId)).filter((v): v is number => v !== undefined);
      const own = firstCycleOthers.get('E10')!.get(norm.dimensionId);
      // no closed cycle before this one: the organisation's norm group is this cycle
      expect(norm.organisationCycles).toBe(1);
      for (const figure of [norm.cycle, norm.organisation]) {
        expect(figure.normSize).toBe(pool.length);
        if (pool.length >= 10 && own !== undefined) {
          expect(figure.available).toBe(true);
          expect(figure.percentile).toBeCloseTo(midRankPercentile(own, pool), 4);
        } else expect(figure).toMatchObject({ available: false, percentile: null });
      }
      if (norm.cycle.available) shownNorms++;
    }
    // Margaret's heads are rated by peers only: the dimensions peers rate have all eleven leaders.
    expect(shownNorms).toBeGreaterThan(0);
    expect(Math.max(...firstReport.comparisons!.norms.map((n) => n.cycle.normSize))).toBe(LEADERS.length);

    // Reliability, measured once the cycle is scored: within every leader each group agrees
    // exactly and the leaders differ, so every ICC(1) and ICC(1,k) shown is 1, and the items of a
    // dimension move together, so every alpha shown is 1.
    const measured = await eventually(
      'the cycle scored',
      async () => {
        const r = (await api.ok(RELIABILITY, { c: draft.cycleId }, hr)).cycleReliability;
        return r.scoredAt !== null && r;
      },
      60000,
    );
    expect(measured.subjectCount).toBe(LEADERS.length);
    expect(measured.alpha.map((a: { dimensionId: string }) => a.dimensionId)).toEqual(instrument.dimensions.map((d) => d.id));
    for (const a of measured.alpha as { alpha: number | null; respondents: number; items: number }[]) {
      if (a.alpha !== null) expect(a.alpha).toBeCloseTo(1, 9);
      if (a.respondents >= 3) expect(a.alpha).not.toBeNull();
    }
    const peer = measured.groups.find((g: { group: string }) => g.group === 'peer');
    expect(peer.subjects).toBe(LEADERS.length);
    expect(peer.icc1).toBeCloseTo(1, 9);
    expect(peer.icck).toBeCloseTo(1, 9);
    // One manager per leader (and only Ada's answered): no agreement to measure.
    const manager = measured.groups.find((g: { group: string }) => g.group === 'manager');
    if (manager) expect(manager.icc1).toBeNull();
    for (const g of measured.groups as { icc1: number | null; icck: number | null }[]) {
      if (g.icc1 !== null) expect(g.icc1).toBeCloseTo(1, 9);
      if (g.icck !== null) expect(g.icck).toBeCloseTo(1, 9);
    }
    expect(measured.groups.map((g: { group: string }) => g.group)).not.toContain('self');
  }, 180000);

  it('goes from the released report to a plan the manager reads and comments on, and HR only counts', async () => {
    await api.ok(`mutation($c: ID!) { releaseResults(cycleId: $c) { status } }`, { c: cycle.cycleId }, hr);

    // The leader reads their released report and picks focus areas from it: its lowest-rated item and a dimension.
    const { subjectReport } = await api.ok(
      `query($c: ID!, $s: ID!) { subjectReport(cycleId: $c, subjectId: $s) { visibility lowestItems { itemId text } dimensions { dimensionId name } } }`,
      { c: cycle.cycleId, s: cycle.subjectId },
      t.ada,
    );
    expect(subjectReport.visibility).toBe('published');
    const lowest = subjectReport.lowestItems[0];
    const dimension = subjectReport.dimensions[0];
    const refused = await api.call(
      SAVE_PLAN,
      { input: { cycleId: cycle.cycleId, focusAreas: [{ kind: 'item', id: 'no-such-item', actions: 'x' }], reviewDate: inDays(-1) } },
      t.ada,
    );
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0].extensions?.fields.map((f: { field: string }) => f.field).sort()).toEqual([
      'input.focusAreas[0].id',
      'input.reviewDate',
    ]);
    const saved = (
      await api.ok(
        SAVE_PLAN,
        {
          input: {
            cycleId: cycle.cycleId,
            focusAreas: [
              { kind: 'item', id: lowest.itemId, actions: 'Ask two team leads each week what got in their way' },
              { kind: 'dimension', id: dimension.dimensionId, actions: 'Block an hour a week for it' },
            ],
            reviewDate: inDays(120),
          },
        },
        t.ada,
      )
    ).saveDevelopmentPlan;
    expect(saved).toMatchObject({ version: 1, editable: true, reviewDate: inDays(120) });
    expect(saved.focusAreas.map((a: { id: string; label: string }) => [a.id, a.label])).toEqual([
      [lowest.itemId, lowest.text],
      [dimension.dimensionId, dimension.name],
    ]);

    // The manager is told by mail (kept in the outbox on one machine), without the plan's words.
    const mails = await eventually(
      'the manager’s plan mail',
      async () => {
        const { mailOutbox } = await api.ok(
          `query($c: ID) { mailOutbox(cycleId: $c, filter: { kind: PLAN_SHARED }) { nodes { mailId kind to subject } } }`,
          { c: cycle.cycleId },
          hr,
        );
        const plan = mailOutbox.nodes;
        return plan.length > 0 && plan;
      },
      30000,
    );
    expect(mails).toEqual([expect.objectContaining({ to: 'grace.hopper@example.org', subject: 'Ada Lovelace shared a development plan' })]);
    const { mailOutboxMessage } = await api.ok(
      `query($m: ID!) { mailOutboxMessage(mailId: $m) { text link } }`,
      { m: mails[0].mailId },
      hr,
    );
    expect(mailOutboxMessage.link).toBe(`${platform.url}/cycles/${cycle.cycleId}/reports/${cycle.subjectId}#development-plan`);
    expect(mailOutboxMessage.text).not.toContain('what got in their way');

    // The manager reads and comments; a peer cannot; HR sees only that the plan exists.
    const byGrace = (await api.ok(READ_PLAN, { c: cycle.cycleId, s: cycle.subjectId }, t.grace)).developmentPlan;
    expect(byGrace).toMatchObject({ version: 1, editable: false, commentable: true });
    const commented = await api.ok(
      `mutation($input: CommentOnDevelopmentPlanInput!) { commentOnDevelopmentPlan(input: $input) { comments { authorName body planVersion } } }`,
      { input: { cycleId: cycle.cycleId, subjectId: cycle.subjectId, body: 'Start with Dorothy’s team.' } },
      t.grace,
    );
    expect(commented.commentOnDevelopmentPlan.comments).toEqual([
      { authorName: 'Grace Hopper', body: 'Start with Dorothy’s team.', planVersion: 1 },
    ]);
    expect((await api.call(READ_PLAN, { c: cycle.cycleId, s: cycle.subjectId }, t.alan)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const byHr = await api.call(READ_PLAN, { c: cycle.cycleId, s: cycle.subjectId }, hr);
    expect(byHr.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const { developmentPlanCoverage, developmentPlanCoveragePage } = await api.ok(
      `query($c: ID!) { developmentPlanCoverage(cycleId: $c) { leaders withPlan }
        developmentPlanCoveragePage(cycleId: $c, first: 500) { totalCount nodes { subjectId hasPlan } } }`,
      { c: cycle.cycleId },
      hr,
    );
    expect(developmentPlanCoverage).toMatchObject({ leaders: LEADERS.length, withPlan: 1 });
    expect(developmentPlanCoveragePage.totalCount).toBe(LEADERS.length);
    expect(
      developmentPlanCoveragePage.nodes.filter((x: { hasPlan: boolean }) => x.hasPlan).map((x: { subjectId: string }) => x.subjectId),
    ).toEqual([cycle.subjectId]);

    // A second save is a new version; the first is kept; the manager hears of the update.
    const second = (
      await api.ok(
        SAVE_PLAN,
        {
          input: {
            cycleId: cycle.cycleId,
            expectedVersion: 1,
            focusAreas: [{ kind: 'item', id: lowest.itemId, actions: 'Ask every team lead, every week' }],
            reviewDate: inDays(150),
          },
        },
        t.ada,
      )
    ).saveDevelopmentPlan;
    expect(second.history.map((h: { version: number }) => h.version)).toEqual([2, 1]);
    expect(second.comments).toHaveLength(1);
    await eventually(
      'the update mail',
      async () => {
        const { mailOutbox } = await api.ok(
          `query($c: ID) { mailOutbox(cycleId: $c, filter: { kind: PLAN_SHARED }) { nodes { kind subject } } }`,
          { c: cycle.cycleId },
          hr,
        );
        return mailOutbox.nodes.some((m: { subject: string }) => m.subject === 'Ada Lovelace updated their development plan');
      },
      30000,
    );
  }, 180000);

  it('a follow-up pulse on the plan: the leader starts it, raters answer through their links, the result per focus area once it closes', async () => {
    // The leader's plan now has two focus areas: the pulse asks one slot for each.
    const { subjectReport } = await api.ok(
      `query($c: ID!, $s: ID!) { subjectReport(cycleId: $c, subjectId: $s) { lowestItems { itemId } dimensions { dimensionId name } } }`,
      { c: cycle.cycleId, s: cycle.subjectId },
      t.ada,
    );
    const dimension = subjectReport.dimensions[1];
    await api.ok(
      SAVE_PLAN,
      {
        input: {
          cycleId: cycle.cycleId,
          expectedVersion: 2,
          focusAreas: [
            { kind: 'item', id: subjectReport.lowestItems[0].itemId, actions: 'Ask every team lead, every week' },
            { kind: 'dimension', id: dimension.dimensionId, actions: 'One thing a month, written down' },
          ],
          reviewDate: inDays(150),
        },
      },
      t.ada,
    );
    const closesAt = new Date(Date.now() + 14 * 86400_000).toISOString();
    const bad = await api.call(
      START_PULSE,
      { input: { cycleId: cycle.cycleId, subjectId: cycle.subjectId, closesAt: new Date().toISOString() } },
      t.ada,
    );
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].extensions?.fields.map((f: { field: string }) => f.field)).toEqual(['input.closesAt']);
    expect(
      (await api.call(START_PULSE, { input: { cycleId: cycle.cycleId, subjectId: cycle.subjectId, closesAt } }, t.grace)).errors?.[0]
        .extensions?.code,
    ).toBe('FORBIDDEN');
    const started = (await api.ok(START_PULSE, { input: { cycleId: cycle.cycleId, subjectId: cycle.subjectId, closesAt } }, t.ada))
      .startPulse;
    const nonSelf = cycle.invitations.filter((i) => i.group !== 'self');
    expect(started).toMatchObject({ status: 'open', planVersion: 3, invited: nonSelf.length, answered: 0 });
    expect(started.focusAreas.map((a: { label: string }) => a.label)[1]).toBe(dimension.name);

    // The same raters (never the leader), with links through the cycle's invitation mails.
    pulseInvitations = await surveyLinks(api, hr, started.id);
    expect(pulseInvitations.map((i) => i.rater.name).sort()).toEqual(nonSelf.map((i) => i.rater.name).sort());
    // The leader and the manager are told it went out, without the plan's words.
    const told = await eventually(
      'the pulse mails',
      async () => {
        const { mailOutbox } = await api.ok(
          `query($c: ID) { mailOutbox(cycleId: $c, filter: { kind: PULSE_LAUNCHED }) { nodes { mailId kind to subject } } }`,
          { c: cycle.cycleId },
          hr,
        );
        const pulse = mailOutbox.nodes;
        return pulse.length === 2 && pulse;
      },
      30000,
    );
    expect(told.map((m: { subject: string }) => m.subject).sort()).toEqual([
      "A follow-up pulse on Ada Lovelace's development plan went out",
      'Your follow-up pulse went out',
    ]);
    const { mailOutboxMessage } = await api.ok(`query($m: ID!) { mailOutboxMessage(mailId: $m) { text link } }`, { m: told[0].mailId }, hr);
    expect(mailOutboxMessage.link).toBe(`${platform.url}/cycles/${cycle.cycleId}/reports/${cycle.subjectId}#follow-up-pulse`);
    expect(mailOutboxMessage.text).not.toContain(dimension.name);

    // Raters answer on the -3..+3 scale: every one on the first focus area, only two (not the
    // manager, who is identifiable by design) on the second, which stays below the threshold of 3.
    const values: number[] = [];
    let second = 0;
    for (const [i, invitation] of pulseInvitations.entries()) {
      const { raterSurvey } = await api.ok(
        `query($t: String!) { raterSurvey(token: $t) { scale { value } dimensions { items { id text } } } }`,
        { t: invitation.token },
      );
      expect(raterSurvey.scale.map((p: { value: number }) => p.value)).toEqual([-3, -2, -1, 0, 1, 2, 3]);
      const items = raterSurvey.dimensions.flatMap((d: { items: { id: string; text: string }[] }) => d.items);
      expect(items.map((x: { id: string }) => x.id)).toEqual(['focus-1', 'focus-2']);
      expect(items[1].text).toContain(dimension.name);
      const value = [1, 2, 3][i % 3];
      values.push(value);
      const answersSecond = second < 2 && invitation.group !== 'manager';
      if (answersSecond) second++;
      const answers = [
        { itemId: 'focus-1', value },
        { itemId: 'focus-2', value: answersSecond ? -1 : null },
      ];
      const result = await api.call(`mutation($input: SubmitSurveyInput!) { submitSurvey(input: $input) { status } }`, {
        input: { token: invitation.token, idempotencyKey: randomUUID(), answers },
      });
      expect(result.errors).toBeUndefined();
    }
    // HR runs it and sees the counts, never the figures; nobody reads it as a report.
    const progress = await eventually(
      'every answer counted',
      async () => {
        const { pulses } = await api.ok(PULSES, { c: cycle.cycleId, s: cycle.subjectId }, hr);
        return pulses[0].answered === pulseInvitations.length && pulses[0];
      },
      30000,
    );
    expect(progress.focusAreas).toBeNull();
    const asReport = await api.call(
      `query($c: ID!, $s: ID!) { subjectReport(cycleId: $c, subjectId: $s) { responseCount } }`,
      { c: started.id, s: cycle.subjectId },
      hr,
    );
    expect(asReport.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // The scoring service has stored every answer before HR closes. What the pulse shows is its latest
    // disclosed snapshot (docs/anonymity.md): a rater who would move a figure by fewer than the
    // threshold waits for company, so how the answers happened to be batched decides who is in it.
    // The expected figures are worked out from exactly those raters' answers.
    const latestView = `SELECT response_ids FROM scoring.disclosed_view WHERE cycle_id = $1 AND result_set = 'live'
      AND snapshot = (SELECT max(snapshot) FROM scoring.disclosed_view WHERE cycle_id = $1 AND result_set = 'live')`;
    await eventually(
      'the pulse scored and shown',
      async () => {
        const [{ stored }] = await dataSource.query(`SELECT count(*)::int AS stored FROM scoring.rater_response WHERE cycle_id = $1`, [
          started.id,
        ]);
        const [view] = await dataSource.query(`SELECT cardinality(response_ids) AS n FROM (${latestView}) v`, [started.id]);
        const [report] = await dataSource.query(`SELECT response_count FROM gateway.subject_report WHERE cycle_id = $1`, [started.id]);
        return stored === pulseInvitations.length && view !== undefined && report?.response_count === view.n;
      },
      60000,
    );
    const shownAnswers: { answers: Record<string, number | null> }[] = await dataSource.query(
      `SELECT answers FROM scoring.rater_response WHERE response_id IN (SELECT unnest(response_ids) FROM (${latestView}) v)`,
      [started.id],
    );
    const shownValues = shownAnswers.map((r) => r.answers['focus-1']).filter((v): v is number => typeof v === 'number');
    const shownSecond = shownAnswers.filter((r) => typeof r.answers['focus-2'] === 'number').length;
    expect(shownValues.every((v) => values.includes(v))).toBe(true);
    expect(shownValues.length).toBeGreaterThanOrEqual(3); // enough raters shown for the first focus area
    await api.ok(`mutation($c: ID!) { closeCycle(cycleId: $c) { status } }`, { c: started.id }, hr);

    // The leader and the manager read the result per focus area with its 95% interval and n.
    const n = shownValues.length;
    const mean = shownValues.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(shownValues.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1));
    expect(T975[n - 1]).toBeDefined();
    const half = (T975[n - 1] * sd) / Math.sqrt(n);
    for (const viewer of [t.ada, t.grace]) {
      const [pulse] = (await api.ok(PULSES, { c: cycle.cycleId, s: cycle.subjectId }, viewer)).pulses;
      expect(pulse.status).toBe('closed');
      const [first, secondArea] = pulse.focusAreas;
      expect(first.result).toMatchObject({ shown: true, n, call: 'more_effective' });
      expect(first.result.mean).toBeCloseTo(mean, 4); // from the report's item figures, stored at four places
      expect(first.result.ci95Low).toBeCloseTo(mean - half, 3);
      expect(first.result.ci95High).toBeCloseTo(mean + half, 3);
      expect(secondArea.result).toEqual({ n: shownSecond, shown: false, mean: null, ci95Low: null, ci95High: null, call: null });
    }
    expect((await api.call(PULSES, { c: cycle.cycleId, s: cycle.subjectId }, t.alan)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  }, 180000);

  it('the next cycle with the same raters: the like-for-like trend’s change, interval and call, recomputed from the two reports; raters in common counted, never named', async () => {
    const next = await launchCycleForAda(api, hr);
    expect(next.invitations.map((i) => i.rater.name).sort()).toEqual(cycle.invitations.map((i) => i.rater.name).sort());
    // Every group one level higher, except on one dimension, answered exactly as last time.
    let shown = 0;
    for (const chunk of inShownChunks(next.invitations)) {
      for (const invitation of chunk) {
        const before = ADA_LEVEL[invitation.group];
        const level = (dimensionId: string) => (dimensionId === UNCHANGED || invitation.group === 'self' ? before : before + 1);
        const { result } = await answerSurvey(api, invitation.token, level);
        expect(result.errors).toBeUndefined();
      }
      shown += chunk.length;
      await eventually(
        `${shown} answers in the second report`,
        async () => (await report(next.cycleId, next.subjectId)).responseCount === shown,
        60000,
      );
    }
    expect(shown).toBe(next.invitations.length);
    await api.ok(`mutation($c: ID!) { closeCycle(cycleId: $c) { status } }`, { c: next.cycleId }, hr);
    const second = await eventually(
      'the like-for-like trend',
      async () => {
        const r = await report(next.cycleId, next.subjectId);
        return r.comparisons?.trend && r;
      },
      60000,
    );
    const trend = second.comparisons!.trend!;
    // Each dimension's change, recomputed from the two reports' others (mean, n, 95% interval): each
    // side's standard error from its interval (half-width / t(0.975, n − 1)), Welch's df, and the
    // interval's half-width between t at the df rounded up and rounded down.
    const firstDims = new Map(firstReport.dimensions.map((d) => [d.dimensionId, d]));
    const secondDims = new Map(second.dimensions.map((d) => [d.dimensionId, d]));
    expect(trend.dimensions.map((d) => d.dimensionId)).toEqual(instrument.dimensions.map((d) => d.id));
    const calls: Record<string, string> = {};
    for (const d of trend.dimensions) {
      const before = firstDims.get(d.dimensionId)!.others;
      const now = secondDims.get(d.dimensionId)!.others;
      // same instrument version: the previous cycle rescored is its report
      expect([d.previous, d.previousRaters]).toEqual([before.mean, before.n]);
      expect([d.current, d.currentRaters]).toEqual([now.mean, now.n]);
      expect(d.itemsInCommon).toBe(1);
      // each figure is stored at four places: the change and the two means each within 0.00005
      expect(d.change).toBeCloseTo(now.mean! - before.mean!, 3);
      const se1 = (before.ciHigh! - before.ciLow!) / 2 / T975[before.n - 1];
      const se2 = (now.ciHigh! - now.ciLow!) / 2 / T975[now.n - 1];
      const se = Math.sqrt(se1 ** 2 + se2 ** 2);
      const df = se ** 4 / (se1 ** 4 / (before.n - 1) + se2 ** 4 / (now.n - 1));
      expect((d.ciLow! + d.ciHigh!) / 2).toBeCloseTo(d.change!, 3);
      const half = (d.ciHigh! - d.ciLow!) / 2;
      if (se === 0) expect(half).toBeCloseTo(0, 12);
      else {
        expect(half).toBeGreaterThanOrEqual(T975[Math.ceil(df)] * se - 1e-3);
        expect(half).toBeLessThanOrEqual(T975[Math.floor(df)] * se + 1e-3);
      }
      // a change is called only when its interval excludes zero
      expect(d.call).toBe(d.ciLow! > 0 ? 'improved' : d.ciHigh! < 0 ? 'declined' : 'no-clear-change');
      calls[d.dimensionId] = d.call;
      // the group mix behind each side's others: the groups each report shows in others, with their n
      const mixOf = (dim: { others: { includes: string[] }; groups: GroupFigure[] }) =>
        dim.groups
          .filter((g) => dim.others.includes.includes(g.group) && !g.suppressed)
          .map((g) => ({ group: g.group, count: g.n }))
          .sort((x, y) => OTHERS.indexOf(x.group) - OTHERS.indexOf(y.group));
      expect(d.previousGroupMix).toEqual({ published: mixOf(firstDims.get(d.dimensionId)!), merged: 0 });
      expect(d.currentGroupMix).toEqual({ published: mixOf(secondDims.get(d.dimensionId)!), merged: 0 });
    }
    // Answered exactly as before: no change, and none called; one level higher everywhere else: improved.
    const unchanged = trend.dimensions.find((d) => d.dimensionId === UNCHANGED)!;
    expect(unchanged.change).toBeCloseTo(0, 12);
    expect(unchanged.ciLow! < 0 && unchanged.ciHigh! > 0).toBe(true);
    expect(Object.entries(calls).filter(([, call]) => call !== 'improved')).toEqual([[UNCHANGED, 'no-clear-change']]);
    for (const d of trend.dimensions) if (d.dimensionId !== UNCHANGED) expect(d.change).toBeCloseTo(1, 12);

    // Norms of a one-leader cycle: none within it; in the organisation, Ada now beside the ten
    // other leaders of the closed first cycle (her own first-cycle score replaced by this one).
    for (const norm of second.comparisons!.norms) {
      expect(norm.cycle).toMatchObject({ normSize: 1, available: false, percentile: null });
      const own = secondDims.get(norm.dimensionId)!.others;
      const pool = [
        ...(own.suppressed ? [] : [own.mean!]),
        ...LEADERS.filter((l) => l !== 'E10')
          .map((l) => firstCycleOthers.get(l)!.get(norm.dimensionId))
          .filter((v): v is number => v !== undefined),
      ];
      expect(norm.organisation.normSize).toBe(pool.length);
      expect(norm.organisationCycles).toBe(2);
      if (pool.length >= 10 && !own.suppressed) expect(norm.organisation.percentile).toBeCloseTo(midRankPercentile(own.mean!, pool), 4);
      else expect(norm.organisation).toMatchObject({ available: false, percentile: null });
    }
    expect(second.comparisons!.norms.some((n) => n.organisation.available)).toBe(true);

    // compared with the previous 360, never with the follow-up pulse that closed in between
    expect(trend.previousCycleId).toBe(cycle.cycleId);
    // The same people rated Ada in both cycles: every non-self rater of this cycle rated her before.
    expect(trend.ratersInCommon).toBe(1);
    // What travelled to the scoring service: one pseudonym per non-self assignment, the same person
    // with the same pseudonym in both cycles, and no person id.
    const rows = await dataSource.query(
      `SELECT p.cycle_id, p.rater_key, a.rater_person_id FROM scoring.rater_pseudonym p JOIN gateway.assignment a ON a.id::text = p.rater_id`,
    );
    const nonSelf = (invitations: Invitation[]) => invitations.filter((i) => i.group !== 'self').length;
    // (every leader's of the first cycle, and the follow-up pulse's, launched through the same path)
    expect(rows).toHaveLength(nonSelf(allInvitations) + nonSelf(next.invitations) + pulseInvitations.length);
    const byPerson = new Map<string, Set<string>>();
    for (const r of rows) byPerson.set(r.rater_person_id, new Set([...(byPerson.get(r.rater_person_id) ?? []), r.rater_key]));
    expect([...byPerson.values()].every((keys) => keys.size === 1)).toBe(true);
    expect(JSON.stringify(rows.map((r: { rater_key: string }) => r.rater_key))).not.toMatch(
      new RegExp(rows.map((r: { rater_person_id: string }) => r.rater_person_id).join('|')),
    );
  }, 180000);
});
