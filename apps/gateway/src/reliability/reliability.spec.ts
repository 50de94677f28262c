/**
 * Cycle-level results on a real PostgreSQL gateway over HTTP: HR's `cycleReliability` (measured from
 * `cycle.scored`, projected from who is invited, also before launch) and each report's `comparisons`
 * (from `report.comparisons-updated`), with their refusals and the newer-version-only rule.
 */
import { randomUUID } from 'node:crypto';
import { createEnvelope, cycleScoredV1, CycleScoredV1, reportComparisonsUpdatedV1, ReportComparisonsUpdatedV1 } from '@leaderscope/events';
import { getInstrument } from '@leaderscope/framework';
import { DEFAULT_RELIABILITY_TARGET } from '@leaderscope/scoring';
import { emptyScoredReport } from '@leaderscope/vocabulary';
import { In, IsNull } from 'typeorm';
import { CycleEntity } from '../cycles/cycle.entity';
import { AssignmentEntity } from '../invitations/assignment.entity';
import { NominationEntity } from '../nominations/nomination.entity';
import { ApplyReportUpdateUseCase } from '../publication/apply-report-update.use-case';
import { codeOf, Organisation, TestGateway } from '../test-support/test-gateway';
import { CycleResultsRepository } from './cycle-results.repository';

const RELIABILITY = `query($c: ID!, $r: String) { cycleReliability(cycleId: $c, resultSet: $r) { cycleId resultSet scoredAt subjectCount
  alpha { dimensionId name alpha respondents items } groups { group icc1 icck subjects } norms { dimensionId name n available }
  projectedSubjects atRiskSubjects target } }`;
const PROJECTION = `query($c: ID!, $first: Int, $after: String, $atRisk: Boolean) {
  cycleReliabilityProjection(cycleId: $c, first: $first, after: $after, filter: { atRiskOnly: $atRisk }) { cycleId totalCount pageInfo { endCursor hasNextPage }
  nodes { subject { employeeId name } groups { group invited singleRater source sourceNote projected ratersForTarget warnings { code message } } } } }`;
const COMPARISONS = `query($c: ID!, $s: ID!) { subjectReport(cycleId: $c, subjectId: $s) { reportVersion visibility
  comparisons { norms { dimensionId name cycle { percentile normSize available reason } organisation { percentile normSize available reason } organisationCycles }
  trend { previousCycleId previousInstrumentVersion instrumentVersion ratersInCommon dimensions { dimensionId name previous current change ciLow ciHigh call itemsInCommon previousRaters currentRaters
    previousGroupMix { published { group count } merged } currentGroupMix { published { group count } merged } } } } } }`;

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('timed out waiting for the event to be handled');
}

/** A `cycle.scored` payload: two dimensions' alpha and norms, ICC for self, peer and direct reports. */
function scored(cycleId: string, resultVersion: number, extra: Partial<CycleScoredV1> = {}): CycleScoredV1 {
  const dims = getInstrument('leader-of-leaders').dimensions.slice(0, 2);
  const group = (name: string, icc1: number, subjects: number[]) => ({
    group: name,
    icc1,
    icck: icc1 + 0.2,
    dimensions: subjects.map((s, i) => ({ dimensionId: dims[i].id, icc1, icck: icc1 + 0.2, k0: 3, subjects: s, raters: s * 3 })),
  });
  return {
    cycleId,
    resultSet: 'live',
    resultVersion,
    instrumentId: 'leader-of-leaders',
    instrumentVersion: 2,
    roleProfileId: null,
    minGroupSize: 3,
    closed: false,
    subjectCount: 12 + resultVersion,
    norms: {
      minSubjects: 10,
      dimensions: [
        { dimensionId: dims[0].id, n: 12, available: true, reason: null },
        { dimensionId: 'retired-dimension', n: 4, available: false, reason: 'too few subjects' },
      ],
    },
    reliability: {
      alpha: [
        { dimensionId: dims[0].id, alpha: 0.8 + resultVersion / 100, respondents: 40, items: 5 },
        { dimensionId: dims[1].id, alpha: null, respondents: 2, items: 4 },
      ],
      groups: [group('self', 0.9, [12, 12]), group('peer', 0.25, [11, 9]), group('direct_report', 0.3, [7, 10])],
    },
    scoredAt: new Date(Date.UTC(2026, 0, resultVersion)).toISOString(),
    ...extra,
  };
}

describe('reliability', () => {
  let gw: TestGateway;
  let acme: Organisation;
  let other: Organisation;
  let ben: string;
  let draftId: string;

  /** The summary, with the whole projection (one page of 500) beside it. */
  const reliability = async (cycleId: string, resultSet?: string, org = acme) => ({
    ...(await gw.ok(org.hr, RELIABILITY, { c: cycleId, r: resultSet })).cycleReliability,
    projection: (await gw.ok(org.hr, PROJECTION, { c: cycleId, first: 500 })).cycleReliabilityProjection.nodes,
  });
  const publish = (organisationId: string, ...payloads: CycleScoredV1[]) =>
    gw.transport.publish(payloads.map((p) => createEnvelope(cycleScoredV1, p, { organisationId })));
  const nameOf = async (cycleId: string) => {
    const cycle = await gw.dataSource.getRepository(CycleEntity).findOneByOrFail({ id: cycleId });
    const names = new Map(getInstrument(cycle.instrumentId, cycle.instrumentVersion).dimensions.map((d) => [d.id, d.name]));
    return (id: string) => names.get(id) ?? id;
  };
  /** Invited per subject (employee id) and group, non-self, from the rows the rule names. */
  const invitedFrom = async (rows: { subjectId: string; raterGroup: string }[]) => {
    const byPerson = new Map([...acme.people].map(([employeeId, id]) => [id, employeeId]));
    const out: Record<string, Record<string, number>> = {};
    for (const r of rows) {
      if (r.raterGroup === 'self') continue;
      const e = byPerson.get(r.subjectId)!;
      out[e] = { ...out[e], [r.raterGroup]: (out[e]?.[r.raterGroup] ?? 0) + 1 };
    }
    return out;
  };
  const invitedShown = (projection: { subject: { employeeId: string }; groups: { group: string; invited: number }[] }[]) =>
    Object.fromEntries(projection.map((p) => [p.subject.employeeId, Object.fromEntries(p.groups.map((g) => [g.group, g.invited]))]));

  beforeAll(async () => {
    gw = await TestGateway.start();
    acme = await gw.organisation('Acme');
    other = await gw.organisation('Other Org');
    ben = await acme.signIn('ben');
    draftId = await gw.draftCycle(acme, ['l2', 'l1']);
  });

  afterAll(() => gw?.stop());

  describe('cycleReliability', () => {
    it('refuses anyone but HR of the organisation, and a caller without a sign-in', async () => {
      expect(codeOf(await gw.gql(null, RELIABILITY, { c: draftId }))).toBe('UNAUTHENTICATED');
      expect(codeOf(await gw.gql(ben, RELIABILITY, { c: draftId }))).toBe('FORBIDDEN');
      const elsewhere = await gw.gql(other.hr, RELIABILITY, { c: draftId });
      expect(codeOf(elsewhere)).toBe('FORBIDDEN');
      expect(elsewhere.data?.cycleReliability ?? null).toBeNull();
      // A well-formed id of no cycle says the same as another organisation's: nothing about existence.
      expect(codeOf(await gw.gql(acme.hr, RELIABILITY, { c: randomUUID() }))).toBe('FORBIDDEN');
    });

    it('answers a malformed cycle id or result set with BAD_USER_INPUT naming the field', async () => {
      const cycle = await gw.gql(acme.hr, RELIABILITY, { c: 'abc' });
      expect(codeOf(cycle)).toBe('BAD_USER_INPUT');
      expect(cycle.errors![0].extensions!.fields).toEqual([{ field: 'cycleId', message: 'is not a cycle id' }]);
      const both = await gw.gql(acme.hr, RELIABILITY, { c: 'abc', r: 'x; drop' });
      expect(codeOf(both)).toBe('BAD_USER_INPUT');
      expect(both.errors![0].extensions!.fields!.map((f) => f.field)).toEqual(['cycleId', 'resultSet']);
      expect(codeOf(await gw.gql(acme.hr, RELIABILITY, { c: draftId, r: 'not-a-rescore' }))).toBe('BAD_USER_INPUT');
      // The refusal of a non-HR caller comes before any argument is looked at.
      expect(codeOf(await gw.gql(ben, RELIABILITY, { c: 'abc' }))).toBe('FORBIDDEN');
    });

    it('shows no measured figures and no projection before anyone is nominated', async () => {
      expect(await reliability(draftId)).toEqual({
        cycleId: draftId,
        resultSet: 'live',
        scoredAt: null,
        subjectCount: null,
        alpha: [],
        groups: [],
        norms: [],
        projectedSubjects: 0,
        atRiskSubjects: 0,
        target: DEFAULT_RELIABILITY_TARGET,
        projection: [],
      });
    });

    it('projects from the nominations before launch: per subject by name, non-self groups, published single-rater values, warnings under the threshold', async () => {
      await gw.ok(acme.hr, `mutation($c: ID!) { proposeRaters(cycleId: $c) { changed } }`, { c: draftId });
      const r = await reliability(draftId);
      expect(r.scoredAt).toBeNull();
      expect(r.projection.map((p: { subject: { name: string } }) => p.subject.name)).toEqual(['Ben Lead', 'Cy Peer']);
      const nominations = await gw.dataSource
        .getRepository(NominationEntity)
        .find({ where: { cycleId: draftId, status: In(['proposed', 'approved']) } });
      const expected = await invitedFrom(nominations);
      expect(Object.keys(expected.l1 ?? {}).length).toBeGreaterThan(0);
      expect(invitedShown(r.projection)).toEqual(expected);
      const threshold = (await gw.dataSource.getRepository(CycleEntity).findOneByOrFail({ id: draftId })).anonymityThreshold;
      const lead = r.projection.find((p: { subject: { employeeId: string } }) => p.subject.employeeId === 'l1');
      for (const g of lead.groups) {
        expect(g.source).toBe('published');
        expect(g.projected).toBeGreaterThan(0);
      }
      const peers = lead.groups.find((g: { group: string }) => g.group === 'peer');
      expect(peers.invited).toBeLessThan(threshold); // Cy and Di
      expect(peers.warnings.map((w: { code: string }) => w.code)).toContain('below-threshold');
    });

    it('pages the projection by name, counts and filters the subjects at risk, and refuses what it must', async () => {
      const page = async (vars: Record<string, unknown>, token = acme.hr) => gw.gql(token, PROJECTION, { c: draftId, ...vars });
      const first = (await page({ first: 1 })).data!.cycleReliabilityProjection;
      expect(first.nodes.map((p: { subject: { name: string } }) => p.subject.name)).toEqual(['Ben Lead']);
      expect(first).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true } });
      const second = (await page({ first: 1, after: first.pageInfo.endCursor })).data!.cycleReliabilityProjection;
      expect(second.nodes.map((p: { subject: { name: string } }) => p.subject.name)).toEqual(['Cy Peer']);
      expect(second.pageInfo.hasNextPage).toBe(false);
      // At risk: a group at or below the anonymity threshold. The summary counts what the filter lists.
      const all = (await reliability(draftId)).projection;
      const atRisk = all.filter((p: { groups: { warnings: { code: string }[] }[] }) =>
        p.groups.some((g) => g.warnings.some((w) => w.code !== 'below-target')),
      );
      expect(atRisk.length).toBeGreaterThan(0);
      const filtered = (await page({ atRisk: true })).data!.cycleReliabilityProjection;
      expect(filtered.nodes).toEqual(atRisk);
      expect(filtered.totalCount).toBe(atRisk.length);
      expect((await reliability(draftId)).atRiskSubjects).toBe(atRisk.length);
      expect((await reliability(draftId)).projectedSubjects).toBe(all.length);
      // Refused: not HR, another organisation, a page too large, a cursor of another list.
      expect(codeOf(await page({}, ben))).toBe('FORBIDDEN');
      expect(codeOf(await page({}, other.hr))).toBe('FORBIDDEN');
      const tooMany = await page({ first: 501 });
      expect(tooMany.errors![0].extensions!.fields!.map((f) => f.field)).toEqual(['first']);
      const stale = await page({ after: 'not-a-cursor' });
      expect(stale.errors![0].extensions!.fields!.map((f) => f.field)).toEqual(['after']);
    });

    it('projects from the assignments once launched, leaving out revoked ones', async () => {
      const cycleId = await gw.launchedCycle(acme, ['l1']);
      const links = await gw.links(acme, cycleId);
      const before = invitedShown((await reliability(cycleId)).projection);
      const assignments = await gw.dataSource.getRepository(AssignmentEntity).find({ where: { cycleId, revokedAt: IsNull() } });
      expect(before).toEqual(await invitedFrom(assignments));
      const direct = links.find((l) => l.group === 'direct_report')!;
      await gw.ok(acme.hr, `mutation($a: ID!) { revokeInvitation(assignmentId: $a) }`, { a: direct.assignmentId });
      const after = invitedShown((await reliability(cycleId)).projection);
      expect(after.l1.direct_report).toBe(before.l1.direct_report - 1);
    });

    it('shows a cycle.scored from the event stream: alpha and norms by dimension name, ICC per group without self', async () => {
      const cycleId = await gw.launchedCycle(acme, ['l1']);
      const name = await nameOf(cycleId);
      const payload = scored(cycleId, 1);
      await publish(acme.organisationId, payload);
      const r = await eventually(
        () => reliability(cycleId),
        (x) => x.scoredAt !== null,
      );
      expect(r.scoredAt).toBe(payload.scoredAt);
      expect(r.subjectCount).toBe(13);
      expect(r.alpha).toEqual(payload.reliability.alpha.map((a) => ({ ...a, name: name(a.dimensionId) })));
      expect(r.alpha[0].name).not.toBe(r.alpha[0].dimensionId);
      expect(r.groups).toEqual([
        { group: 'peer', icc1: 0.25, icck: 0.45, subjects: 11 },
        { group: 'direct_report', icc1: 0.3, icck: 0.5, subjects: 10 },
      ]);
      expect(r.norms).toEqual([
        {
          dimensionId: payload.norms.dimensions[0].dimensionId,
          name: name(payload.norms.dimensions[0].dimensionId),
          n: 12,
          available: true,
        },
        { dimensionId: 'retired-dimension', name: 'retired-dimension', n: 4, available: false },
      ]);
      // HR of another organisation still cannot read it.
      expect(codeOf(await gw.gql(other.hr, RELIABILITY, { c: cycleId }))).toBe('FORBIDDEN');
    });

    it('keeps the newest result when an older resultVersion arrives later; a rescore is its own result set', async () => {
      const cycleId = await gw.launchedCycle(acme, ['l1']);
      const rescore = randomUUID();
      const repo = gw.get(CycleResultsRepository);
      expect(await repo.applyCycleResult(acme.organisationId, scored(cycleId, 3))).toBe(true);
      expect(await repo.applyCycleResult(acme.organisationId, scored(cycleId, 2))).toBe(false);
      expect(await repo.applyCycleResult(acme.organisationId, scored(cycleId, 3, { subjectCount: 99 }))).toBe(false);
      // Through the event stream too: older first then a marker on the same key, handled in order.
      await publish(acme.organisationId, scored(cycleId, 1), scored(cycleId, 1, { resultSet: rescore, subjectCount: 40 }));
      await eventually(
        () => reliability(cycleId, rescore),
        (x) => x.scoredAt !== null,
      );
      const live = await reliability(cycleId);
      expect(live.subjectCount).toBe(15);
      expect(live.alpha[0].alpha).toBeCloseTo(0.83);
      expect((await reliability(cycleId, rescore)).subjectCount).toBe(40);
      expect(await repo.applyCycleResult(acme.organisationId, scored(cycleId, 4))).toBe(true);
      expect((await reliability(cycleId)).subjectCount).toBe(16);
    });

    /**
     * A closed cycle of `org` (a gateway cycle row, closed on `closedDay` of February 2026) and its
     * `cycle.scored` with one peer ICC(1) over `subjects` subjects.
     */
    const closedCycle = async (org: Organisation, closedDay: number, instrumentVersion = 2) => {
      const id = await gw.draftCycle(org, []);
      await gw.dataSource
        .getRepository(CycleEntity)
        .update({ id }, { status: 'closed', closedAt: new Date(Date.UTC(2026, 1, closedDay)), instrumentVersion });
      return id;
    };
    const closedResult = (cycleId: string, subjects: number, icc1: number, scoredDay: number, extra: Partial<CycleScoredV1> = {}) => {
      const p = scored(cycleId, 1, { closed: true, scoredAt: new Date(Date.UTC(2026, 1, scoredDay)).toISOString(), ...extra });
      p.reliability.groups = [
        {
          group: 'peer',
          icc1,
          icck: null,
          dimensions: [{ dimensionId: 'd', icc1, icck: null, k0: null, subjects, raters: subjects * 3 }],
        },
      ];
      return p;
    };
    const peerOf = async (cycleId: string) =>
      (await reliability(cycleId)).projection
        .find((p: { subject: { employeeId: string } }) => p.subject.employeeId === 'l1')
        .groups.find((g: { group: string }) => g.group === 'peer');

    it("projects with the organisation's own ICC(1) from its latest closed cycle once it covers 30 subjects, never another organisation's", async () => {
      const repo = gw.get(CycleResultsRepository);
      // Another organisation's closed cycle with plenty of subjects: not used.
      await repo.applyCycleResult(other.organisationId, closedResult(await closedCycle(other, 1), 50, 0.6, 1));
      expect(await peerOf(draftId)).toMatchObject({ source: 'published' });
      // Own closed cycle with too few subjects: published values, saying why.
      await repo.applyCycleResult(acme.organisationId, closedResult(await closedCycle(acme, 2), 12, 0.5, 2));
      const few = await peerOf(draftId);
      expect(few.source).toBe('published');
      expect(few.sourceNote).toContain('only 12 subjects, needs 30');
      // A later own closed cycle with 30 subjects: its ICC(1) is the single-rater value.
      await repo.applyCycleResult(acme.organisationId, closedResult(await closedCycle(acme, 3), 30, 0.4, 3));
      const own = await peerOf(draftId);
      expect(own).toMatchObject({ source: 'organisation', singleRater: 0.4 });
      expect(own.projected).toBeCloseTo((own.invited * 0.4) / (1 + (own.invited - 1) * 0.4));
    });

    it('takes the own ICC(1) from the live result of the most recently closed cycle of the same instrument version, whenever it was scored', async () => {
      const repo = gw.get(CycleResultsRepository);
      const org = await gw.organisation('Rescores Ltd');
      const draft = await gw.draftCycle(org, ['l1']);
      await gw.ok(org.hr, `mutation($c: ID!) { proposeRaters(cycleId: $c) { changed } }`, { c: draft });
      const own = async () =>
        (await reliability(draft, undefined, org)).projection[0].groups.find((g: { group: string }) => g.group === 'peer');
      expect(await own()).toMatchObject({ source: 'published' });
      // The most recently closed cycle (10 February), scored once when it closed.
      const latest = await closedCycle(org, 10);
      await repo.applyCycleResult(org.organisationId, closedResult(latest, 30, 0.4, 10));
      expect(await own()).toMatchObject({ source: 'organisation', singleRater: 0.4 });
      // An older cycle (closed 5 February) whose live result is scored again later (20 February): not the latest.
      await repo.applyCycleResult(org.organisationId, closedResult(await closedCycle(org, 5), 30, 0.45, 20));
      // A rescore result set of the latest cycle, newer still: not the live result.
      await repo.applyCycleResult(org.organisationId, closedResult(latest, 40, 0.55, 25, { resultSet: randomUUID() }));
      // A cycle of another instrument version, closed later: not comparable.
      await repo.applyCycleResult(org.organisationId, closedResult(await closedCycle(org, 15, 1), 30, 0.6, 26, { instrumentVersion: 1 }));
      expect(await own()).toMatchObject({ source: 'organisation', singleRater: 0.4 });
      // A cycle of this version closed after it (12 February) takes over, though scored before the others.
      await repo.applyCycleResult(org.organisationId, closedResult(await closedCycle(org, 12), 30, 0.35, 12));
      expect(await own()).toMatchObject({ source: 'organisation', singleRater: 0.35 });
    });
  });

  describe('a report’s comparisons', () => {
    let cycleId: string;
    let subjectId: string;

    const comparisons = (c: number, extra: Partial<ReportComparisonsUpdatedV1> = {}): ReportComparisonsUpdatedV1 => {
      const dim = getInstrument('leader-of-leaders').dimensions[0].id;
      const norm = { percentile: 40 + c, normSize: 12, available: true, reason: null };
      return {
        cycleId,
        subjectId,
        resultSet: 'live',
        comparisonVersion: c,
        norms: [{ dimensionId: dim, cycle: norm, organisation: { ...norm, cycles: 2 } }],
        trend: {
          previousCycleId: draftId,
          previousInstrumentVersion: 1,
          instrumentVersion: 2,
          roleProfileId: null,
          ratersInCommon: { common: 3, previous: 5, current: 6, shareOfCurrent: 0.5 },
          dimensions: [
            {
              dimensionId: dim,
              previous: { mean: 3.5, n: 5, ci95: [3.1, 3.9] },
              current: { mean: 4, n: 6, ci95: [3.7, 4.3] },
              change: 0.5,
              ci95: [0.1, 0.9],
              call: 'improved',
              comparability: {
                // the event's record order is not the display order
                groupMix: {
                  previous: { published: { peer: 3 }, merged: 2 },
                  current: { published: { direct_report: 3, manager: 1, peer: 2 }, merged: 0 },
                },
                itemsInCommon: { common: 4, current: 5, share: 0.8 },
              },
            },
          ],
        },
        scoredAt: new Date().toISOString(),
        ...extra,
      };
    };
    const seen = async (token: string) => (await gw.ok(token, COMPARISONS, { c: cycleId, s: subjectId })).subjectReport;

    beforeAll(async () => {
      cycleId = await gw.launchedCycle(acme, ['l1']);
      subjectId = acme.people.get('l1')!;
      await gw.get(ApplyReportUpdateUseCase).execute(acme.organisationId, {
        cycleId,
        subjectId,
        resultSet: 'live',
        reportVersion: 1,
        instrumentId: 'leader-of-leaders',
        instrumentVersion: 2,
        roleProfileId: 'leader-of-leaders',
        groupCounts: { self: 1, peer: 3, direct_report: 3 },
        responseCount: 7,
        report: emptyScoredReport(),
        scoredAt: new Date().toISOString(),
      });
    });

    it('are null until report.comparisons-updated arrives, then shown to HR by dimension name', async () => {
      expect((await seen(acme.hr)).comparisons).toBeNull();
      const name = await nameOf(cycleId);
      const c = comparisons(1);
      await gw.transport.publish([createEnvelope(reportComparisonsUpdatedV1, c, { organisationId: acme.organisationId })]);
      const shown = (
        await eventually(
          () => seen(acme.hr),
          (r) => r.comparisons !== null,
        )
      ).comparisons;
      expect(shown.norms).toEqual([
        {
          dimensionId: c.norms[0].dimensionId,
          name: name(c.norms[0].dimensionId),
          cycle: { percentile: 41, normSize: 12, available: true, reason: null },
          organisation: { percentile: 41, normSize: 12, available: true, reason: null },
          organisationCycles: 2,
        },
      ]);
      expect(shown.trend).toEqual({
        previousCycleId: draftId,
        previousInstrumentVersion: 1,
        instrumentVersion: 2,
        ratersInCommon: 0.5,
        dimensions: [
          {
            dimensionId: c.norms[0].dimensionId,
            name: name(c.norms[0].dimensionId),
            previous: 3.5,
            current: 4,
            change: 0.5,
            ciLow: 0.1,
            ciHigh: 0.9,
            call: 'improved',
            itemsInCommon: 0.8,
            previousRaters: 5,
            currentRaters: 6,
            previousGroupMix: { published: [{ group: 'peer', count: 3 }], merged: 2 },
            currentGroupMix: {
              published: [
                { group: 'manager', count: 1 },
                { group: 'peer', count: 2 },
                { group: 'direct_report', count: 3 },
              ],
              merged: 0,
            },
          },
        ],
      });
    });

    it('keep the newest comparisonVersion when an older one arrives later', async () => {
      const repo = gw.get(CycleResultsRepository);
      expect(await repo.applyComparisons(acme.organisationId, comparisons(3, { trend: null }))).toBe(true);
      expect(await repo.applyComparisons(acme.organisationId, comparisons(2))).toBe(false);
      expect(await repo.applyComparisons(acme.organisationId, comparisons(3))).toBe(false);
      const shown = (await seen(acme.hr)).comparisons;
      expect(shown.norms[0].cycle.percentile).toBe(43);
      expect(shown.trend).toBeNull();
    });

    it('follow the report’s own rule: refused to the subject before release, shown with the publication after', async () => {
      expect(codeOf(await gw.gql(ben, COMPARISONS, { c: cycleId, s: subjectId }))).toBe('FORBIDDEN');
      expect(codeOf(await gw.gql(other.hr, COMPARISONS, { c: cycleId, s: subjectId }))).toBe('FORBIDDEN');
      await gw.ok(acme.hr, `mutation($c: ID!) { releaseResults(cycleId: $c) { id } }`, { c: cycleId });
      const published = await seen(ben);
      expect(published.visibility).toBe('published');
      expect(published.comparisons.norms[0].cycle.percentile).toBe(43);
    });

    it('are held back from a publication that is not the live report (they are computed from the live figures)', async () => {
      // A live snapshot the publication has not followed (written to the read model directly; the
      // event path publishes every live snapshot after release).
      await gw.dataSource.query(
        `UPDATE "gateway"."subject_report" SET "report_version" = 9 WHERE "cycle_id" = $1 AND "subject_id" = $2 AND "result_set" = 'live'`,
        [cycleId, subjectId],
      );
      const published = await seen(ben);
      expect(published).toMatchObject({ visibility: 'published', reportVersion: 1, comparisons: null });
      expect((await seen(acme.hr)).comparisons.norms[0].cycle.percentile).toBe(43);
    });
  });
});
