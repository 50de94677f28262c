/** Results leaving the platform, on a real PostgreSQL: the cycle as CSV (numbers, formulas, suppressed rows) and the PDF. */
import { emptyScoredReport, ScoredReport } from '@leaderscope/vocabulary';
import { ApplyReportUpdateUseCase } from '../publication/apply-report-update.use-case';
import { codeOf, DIRECTORY_CSV, Organisation, TestGateway } from '../test-support/test-gateway';
import { csvCell, NumberCell } from './export-csv.use-case';

const CSV = `query($c: ID!) { cycleResultsCsv(cycleId: $c) }`;
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

  const update = () =>
    gw.get(ApplyReportUpdateUseCase).execute(acme.organisationId, {
      cycleId,
      subjectId: acme.people.get('l1')!,
      resultSet: 'live',
      reportVersion: 1,
      instrumentId: 'leader-of-leaders',
      instrumentVersion: 2,
      roleProfileId: 'leader-of-leaders',
      groupCounts: { self: 1, peer: 2, direct_report: 4 },
      responseCount: 7,
      report: scored(),
      scoredAt: new Date().toISOString(),
    });

  it('says there is nothing to export before any report', async () => {
    const answer = await gw.gql(acme.hr, CSV, { c: cycleId });
    expect(codeOf(answer)).toBe('NOT_FOUND');
    const pdf = await fetch(`${gw.url}/reports/${cycleId}/${acme.people.get('l1')}.pdf`, {
      headers: { authorization: `Bearer ${acme.hr}` },
    });
    expect(pdf.status).toBe(404);
  });

  it('writes one row per subject, dimension and group, then per item and group: numbers numeric, suppressed rows without n or mean', async () => {
    await update();
    const csv: string = (await gw.ok(acme.hr, CSV, { c: cycleId })).cycleResultsCsv;
    const lines = csv.trimEnd().split('\n');
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

  it('is HR-only, and refuses a cycle of another organisation', async () => {
    expect(codeOf(await gw.gql(ben, CSV, { c: cycleId }))).toBe('FORBIDDEN');
    expect(codeOf(await gw.gql(other.hr, CSV, { c: cycleId }))).toBe('FORBIDDEN');
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
    expect(csvCell(new NumberCell(-0.74))).toBe('-0.74');
    expect(csvCell(new NumberCell(3))).toBe('3');
    expect(csvCell(new NumberCell(Number.NaN))).toBe('');
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
