/** Results leaving the platform, on a real PostgreSQL: the cycle as a streamed CSV download (numbers, formulas, suppressed rows, pages) and the PDF. */
import { jsonTextOfStored } from '@leaderscope/database';
import { emptyScoredReport, packReport, ScoredReport, unpackReport } from '@leaderscope/vocabulary';
import { randomUUID } from 'node:crypto';
import { ApplyReportUpdateUseCase } from '../publication/apply-report-update.use-case';
import { ReportsRepository } from '../reports/reports.repository';
import { SubjectReportEntity } from '../reports/subject-report.entity';
import { codeOf, DIRECTORY_CSV, Organisation, TestGateway } from '../test-support/test-gateway';
import { csvCell, csvNumber } from './export-csv.use-case';

const published = (n: number, mean: number, ci: [number, number] | null = null) => ({ n, mean, sd: null, ci95: ci, rwg: null });
const suppressed = (n: number) => ({ suppressed: true as const, n, reason: 'fewer than 3 raters' });

/** One dimension and one item scored: self and direct reports shown, peers suppressed. */
function scored(): ScoredReport {
  return {
    ...emptyScoredReport(),
    scores: {
      dimensions: [
        {
          dimensionId: 'develops-leaders',
          groups: { self: published(1, 4), peer: suppressed(2), direct_report: published(4, 3.25, [2.9, 3.6]) },
          others: { ...published(4, 3.25, [2.9, 3.6]), includes: ['direct_report'] },
          gap: 0.75,
          expectation: { target: 3.99, fit: -0.74 },
        },
      ],
    },
    items: {
      items: [
        {
          itemId: 'dl-1',
          dimensionId: 'develops-leaders',
          groups: { peer: suppressed(2), direct_report: published(4, 3.5, [3.1, 3.9]) },
          others: { ...published(4, 3.5, [3.1, 3.9]), includes: ['direct_report'] },
          gap: null,
        },
      ],
      highest: [],
      lowest: [],
    },
  };
}

describe('exports', () => {
  let gw: TestGateway;
  let acme: Organisation;
  let other: Organisation;
  let ben: string;
  let cycleId: string;

  beforeAll(async () => {
    gw = await TestGateway.start();
    // A name a spreadsheet would run as a formula.
    acme = await gw.organisation('Acme', DIRECTORY_CSV.replace('Ben Lead', '=SUM(1+1) Ben'));
    other = await gw.organisation('Other Org');
    ben = await acme.signIn('ben');
    cycleId = await gw.launchedCycle(acme, ['l1']);
  });

  afterAll(() => gw?.stop());

  const csv = (token: string | null, cycle = cycleId) =>
    fetch(`${gw.url}/exports/${cycle}/results.csv`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const update = (
    subjectId = acme.people.get('l1')!,
    cycle = cycleId,
    reportVersion = 1,
    report: ScoredReport | ReturnType<typeof packReport> = scored(),
  ) =>
    gw.get(ApplyReportUpdateUseCase).execute(acme.organisationId, {
      // a v1 payload with the report as objects, or a v2 payload with it packed
      cycleId: cycle,
      subjectId,
      resultSet: 'live',
      reportVersion,
      instrumentId: 'leader-of-leaders',
      instrumentVersion: 2,
      roleProfileId: 'leader-of-leaders',
      groupCounts: { self: 1, peer: 2, direct_report: 4 },
      responseCount: 7,
      report,
      scoredAt: new Date().toISOString(),
    } as Parameters<ApplyReportUpdateUseCase['execute']>[1]);

  it('says there is nothing to export before any report', async () => {
    const answer = await csv(acme.hr);
    expect(answer.status).toBe(404);
    expect(await answer.json()).toEqual({ error: 'NOT_FOUND', message: 'Results for this cycle was not found' });
    const pdf = await fetch(`${gw.url}/reports/${cycleId}/${acme.people.get('l1')}.pdf`, {
      headers: { authorization: `Bearer ${acme.hr}` },
    });
    expect(pdf.status).toBe(404);
  });

  it('writes one row per subject, dimension and group, then per item and group: numbers numeric, suppressed rows without n or mean', async () => {
    await update();
    const download = await csv(acme.hr);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(download.headers.get('content-disposition')).toBe('attachment; filename="review-results.csv"'); // the cycle's name
    const lines = (await download.text()).trimEnd().split('\n');
    expect(lines[0]).toBe('employee_id,name,dimension_id,dimension,group,n,mean,ci_low,ci_high,suppressed,fit_to_target,item_id,item');
    const rows = lines.slice(1).map((l) => l.split(','));
    const dimension = rows.filter((r) => r[11] === '');
    expect(dimension.map((r) => r[4])).toEqual(['others', 'self', 'peer', 'direct_report']);
    const [othersRow, selfRow, peerRow, reportsRow] = dimension;
    expect(othersRow.slice(0, 2)).toEqual(['l1', "'=SUM(1+1) Ben"]); // the formula neutralised
    expect(othersRow.slice(5, 11)).toEqual(['4', '3.25', '2.9', '3.6', 'false', '-0.74']); // negative stays a number
    expect(selfRow.slice(5, 11)).toEqual(['1', '4', '', '', 'false', '']);
    expect(peerRow.slice(5, 11)).toEqual(['', '', '', '', 'true', '']);
    expect(reportsRow.slice(5, 11)).toEqual(['4', '3.25', '2.9', '3.6', 'false', '']);
    const items = rows.filter((r) => r[11] === 'dl-1');
    expect(items.map((r) => r[4])).toEqual(['others', 'peer', 'direct_report']);
    expect(items[1].slice(5, 10)).toEqual(['', '', '', '', 'true']); // a suppressed item row carries no count either
    expect(items[2].slice(5, 10)).toEqual(['4', '3.5', '3.1', '3.9', 'false']);
  });

  // Since session 25 reports arrive with their item results packed in rows (report.updated v2) and
  // are stored so: the CSV unpacks them, or its item rows would silently be missing.
  it('writes the same rows for the same report stored packed (report.updated v2)', async () => {
    const before = await (await csv(acme.hr)).text();
    await update(undefined, cycleId, 2, packReport(scored()));
    const [stored] = await gw.dataSource.query<{ report: Buffer; report_version: number }[]>(
      `SELECT report, report_version FROM gateway.subject_report WHERE cycle_id = $1 AND subject_id = $2`,
      [cycleId, acme.people.get('l1')!],
    );
    expect(stored.report_version).toBe(2);
    expect(JSON.parse(jsonTextOfStored(stored.report)).items).toHaveProperty('rows');
    const after = await (await csv(acme.hr)).text();
    expect(after).toBe(before);
    expect(after.split('\n').filter((line) => line.includes(',dl-1,')).length).toBe(3);
  });

  // Since session 26 reports are stored compressed (ReportsCompressed1768900000000); the migration
  // keeps each report stored before as its text's bytes, which every reader still takes.
  it('reads a report stored before reports were compressed (its plain text) exactly as a compressed one', async () => {
    const before = await (await csv(acme.hr)).text();
    const subjectId = acme.people.get('l1')!;
    const [stored] = await gw.dataSource.query<{ report: Buffer }[]>(
      `SELECT report FROM gateway.subject_report WHERE cycle_id = $1 AND subject_id = $2`,
      [cycleId, subjectId],
    );
    const text = jsonTextOfStored(stored.report);
    await gw.dataSource.query(`UPDATE gateway.subject_report SET report = convert_to($3, 'UTF8') WHERE cycle_id = $1 AND subject_id = $2`, [
      cycleId,
      subjectId,
      text,
    ]);
    const [plain] = await gw.dataSource.query<{ report: Buffer }[]>(
      `SELECT report FROM gateway.subject_report WHERE cycle_id = $1 AND subject_id = $2`,
      [cycleId, subjectId],
    );
    expect(plain.report.toString('utf8')).toBe(text); // not compressed: the text's own bytes
    expect(await (await csv(acme.hr)).text()).toBe(before);
    const report = await gw.dataSource.getRepository(SubjectReportEntity).findOneByOrFail({ cycleId, subjectId, resultSet: 'live' });
    expect(report.report).toEqual(unpackReport(JSON.parse(text) as ScoredReport));
  });

  it('is HR-only, and refuses a cycle of another organisation exactly like a missing one', async () => {
    const refused = async (answer: Response) => [answer.status, ((await answer.json()) as { error: string }).error];
    expect(await refused(await csv(null))).toEqual([401, 'UNAUTHENTICATED']);
    expect(await refused(await csv(ben))).toEqual([403, 'FORBIDDEN']);
    const foreign = await csv(other.hr);
    const missing = await csv(other.hr, '00000000-0000-4000-8000-000000000000');
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toEqual(await missing.json());
  });

  describe('a single-use download link (what the dashboard hands the browser, which streams the file to disk)', () => {
    const LINK = `mutation($c: ID!) { resultsCsvDownload(cycleId: $c) { url expiresAt } }`;
    const tickets = async () => (await gw.dataSource.query(`SELECT count(*)::int AS "n" FROM "gateway"."download_ticket"`))[0].n as number;
    const link = async (token = acme.hr, cycle = cycleId) =>
      (await gw.ok(token, LINK, { c: cycle })).resultsCsvDownload as { url: string; expiresAt: string };
    const follow = (url: string) => fetch(`${gw.url}${url}`); // as a browser does: no bearer token
    const refused = async (answer: Response) => [answer.status, ((await answer.json()) as { error: string }).error];

    it('opens the same file as the bearer token, once, within a minute', async () => {
      const before = Date.now();
      const { url, expiresAt } = await link();
      expect(url).toMatch(new RegExp(`^/exports/${cycleId}/results\\.csv\\?ticket=[\\w-]{43}$`));
      expect(new Date(expiresAt).getTime() - before).toBeGreaterThan(55_000);
      expect(new Date(expiresAt).getTime() - before).toBeLessThan(65_000);
      // Only its hash is stored.
      const ticket = new URL(url, gw.url).searchParams.get('ticket')!;
      expect(JSON.stringify(await gw.dataSource.query(`SELECT * FROM "gateway"."download_ticket"`))).not.toContain(ticket);
      const followed = await follow(url);
      expect(followed.status).toBe(200);
      expect(followed.headers.get('content-disposition')).toBe('attachment; filename="review-results.csv"');
      expect(await followed.text()).toBe(await (await csv(acme.hr)).text());
      expect(await refused(await follow(url))).toEqual([401, 'UNAUTHENTICATED']); // used up
    });

    it('opens nothing once expired, on another path, or after its session ended', async () => {
      const expired = await link();
      await gw.dataSource.query(`UPDATE "gateway"."download_ticket" SET "expires_at" = now() - interval '1 second'`);
      expect(await refused(await follow(expired.url))).toEqual([401, 'UNAUTHENTICATED']);

      const elsewhere = await link();
      const otherCycle = await gw.launchedCycle(acme, ['l2']);
      expect(await refused(await follow(elsewhere.url.replace(cycleId, otherCycle)))).toEqual([401, 'UNAUTHENTICATED']);
      expect(await refused(await follow(elsewhere.url))).toEqual([401, 'UNAUTHENTICATED']); // tried once: used up
      expect(await refused(await follow(`/exports/${cycleId}/results.csv?ticket=not-a-ticket`))).toEqual([401, 'UNAUTHENTICATED']);

      const session = await gw.login('hr@acme.test'); // a session of its own, apart from acme.hr's
      const signedOut = await link(session);
      await gw.ok(session, `mutation { logout }`);
      expect(await refused(await follow(signedOut.url))).toEqual([401, 'UNAUTHENTICATED']);
    });

    it("checks the session's rights again when the link is followed, not only when it was issued", async () => {
      const session = await gw.login('hr@acme.test'); // a session of its own, apart from acme.hr's
      const issued = await link(session);
      // The account stops being HR between the link and the click: the link opens nothing.
      await gw.dataSource.query(`UPDATE "gateway"."account" SET "is_hr_admin" = false WHERE "email" = 'hr@acme.test'`);
      try {
        expect(await refused(await follow(issued.url))).toEqual([403, 'FORBIDDEN']);
      } finally {
        await gw.dataSource.query(`UPDATE "gateway"."account" SET "is_hr_admin" = true WHERE "email" = 'hr@acme.test'`);
      }
    });

    it('is refused when it is asked for as the download would be, and then issues nothing', async () => {
      await gw.dataSource.query(`DELETE FROM "gateway"."download_ticket"`);
      expect(codeOf(await gw.gql(ben, LINK, { c: cycleId }))).toBe('FORBIDDEN');
      expect(codeOf(await gw.gql(other.hr, LINK, { c: cycleId }))).toBe('FORBIDDEN');
      expect(codeOf(await gw.gql(null, LINK, { c: cycleId }))).toBe('UNAUTHENTICATED');
      const empty = await gw.launchedCycle(acme, ['l3']);
      expect(codeOf(await gw.gql(acme.hr, LINK, { c: empty }))).toBe('NOT_FOUND'); // no results yet
      expect(await tickets()).toBe(0);
    });
  });

  it('reads the reports a page at a time, in subject order, and writes every subject once', async () => {
    // Subjects over several pages of the export's reads (50 a page): their reports, no people behind them.
    const extra = Array.from({ length: 250 }, () => randomUUID());
    for (const subjectId of extra) await update(subjectId);
    const pages: string[][] = [];
    for await (const page of gw.get(ReportsRepository).livePagesOfCycle(cycleId, 100)) pages.push(page.map((r) => r.subjectId));
    expect(pages.map((p) => p.length)).toEqual([100, 100, 51]);
    const all = pages.flat();
    expect(all).toEqual([...all].sort());
    expect(new Set(all)).toEqual(new Set([acme.people.get('l1')!, ...extra]));
    const rows = (await (await csv(acme.hr)).text()).trimEnd().split('\n').slice(1);
    const bySubject = new Map<string, number>();
    for (const row of rows) bySubject.set(row.slice(0, row.indexOf(',')), (bySubject.get(row.slice(0, row.indexOf(','))) ?? 0) + 1);
    // l1 under its employee id; each extra subject under its id, with the same 7 rows as l1
    expect(new Set(bySubject.keys())).toEqual(new Set(['l1', ...extra]));
    expect(new Set(bySubject.values())).toEqual(new Set([7]));
  });

  it('cuts the download off when the export fails after its first rows, never ending a partial file as if whole', async () => {
    const broken = await gw.launchedCycle(acme, ['l2']);
    const subjects = Array.from({ length: 15 }, () => randomUUID()).sort();
    for (const subjectId of subjects) await update(subjectId, broken);
    // The last subject's stored report cannot be read: it comes after the first page of the export.
    await gw.dataSource.query(`UPDATE "gateway"."subject_report" SET "report" = '{not json' WHERE "cycle_id" = $1 AND "subject_id" = $2`, [
      broken,
      subjects[subjects.length - 1],
    ]);
    const download = await csv(acme.hr, broken);
    expect(download.status).toBe(200); // the header and the first rows were on their way
    await expect(download.text()).rejects.toThrow();
  });

  it('renders the PDF for HR, and for the subject only after release', async () => {
    const path = `${gw.url}/reports/${cycleId}/${acme.people.get('l1')}.pdf`;
    const hr = await fetch(path, { headers: { authorization: `Bearer ${acme.hr}` } });
    expect(hr.status).toBe(200);
    expect(hr.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await hr.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect((await fetch(path, { headers: { authorization: `Bearer ${ben}` } })).status).toBe(403);
    expect((await fetch(path, { headers: { authorization: `Bearer ${other.hr}` } })).status).toBe(403);
    await gw.ok(acme.hr, `mutation($c: ID!) { releaseResults(cycleId: $c) { id } }`, { c: cycleId });
    expect((await fetch(path, { headers: { authorization: `Bearer ${ben}` } })).status).toBe(200);
  });
});

describe('CSV cells', () => {
  it('keeps numbers numeric, negative ones included', () => {
    expect(csvNumber(-0.74)).toBe('-0.74');
    expect(csvNumber(3)).toBe('3');
    expect(csvNumber(Number.NaN)).toBe('');
  });
  it('neutralises text a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-1+1')).toBe("'-1+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('\rcmd')).toBe(`"'\rcmd"`);
    expect(csvCell('Ada, Lovelace')).toBe('"Ada, Lovelace"');
    expect(csvCell('plain')).toBe('plain');
  });
});
