/**
 * The optional stricter threshold for comments (docs/anonymity.md), over HTTP on the one-process
 * platform: HR sets it at creation or before launch (checked like any input), it travels with every
 * submission to the scoring service, and a group whose respondents are between the two thresholds
 * shows its scores but not its comments.
 */
import { provisionOrganisation } from '@leaderscope/gateway';
import { createTestDatabase, eventually, TestDatabase } from '@leaderscope/testing';
import { DataSource } from 'typeorm';
import { Platform, startPlatform } from '../src';
import { answerSurvey, Api, launchCycleForAda, PASSWORD, SUBJECT_REPORT } from './fixtures';

const CREATE = `mutation($input: CreateCycleInput!) { createCycle(input: $input) { id anonymityThreshold commentThreshold } }`;
const SET = `mutation($c: ID!, $t: Int) { setCommentThreshold(cycleId: $c, commentThreshold: $t) { id commentThreshold } }`;

describe('a stricter threshold for comments than for scores', () => {
  let db: TestDatabase;
  let platform: Platform;
  let api: Api;
  let dataSource: DataSource;
  let hr: string;
  const cycles = async () => Number((await dataSource.query(`SELECT count(*) AS n FROM gateway.cycle`))[0].n);

  beforeAll(async () => {
    db = await createTestDatabase();
    platform = await startPlatform({
      databaseUrl: db.url,
      port: 0,
      seedDemo: false,
      secret: 'comment-threshold-secret-0123456789',
      log: () => {},
    });
    api = new Api(platform.url);
    dataSource = platform.gateway.get(DataSource);
    await provisionOrganisation(dataSource, { name: 'Org', hrEmail: 'hr@org.test', hrPassword: PASSWORD });
    hr = await api.login('hr@org.test', PASSWORD);
  }, 120000);

  afterAll(async () => {
    await platform?.stop();
    await db?.drop();
  });

  it('is set at creation or before launch, never below the anonymity threshold, and defaults to it', async () => {
    const base = { name: 'Comments', opensAt: new Date().toISOString(), closesAt: new Date(Date.now() + 7 * 86400_000).toISOString() };
    for (const commentThreshold of [2, 51]) {
      const refused = await api.call(CREATE, { input: { ...base, anonymityThreshold: 3, commentThreshold } }, hr);
      expect(refused.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.commentThreshold' }] });
      expect(refused.errors![0].message).toMatch(/from the anonymity threshold \(3\) to 50/);
    }
    expect(await cycles()).toBe(0);
    const plain = (await api.ok(CREATE, { input: { ...base, anonymityThreshold: 3 } }, hr)).createCycle;
    expect(plain).toMatchObject({ anonymityThreshold: 3, commentThreshold: 3 });
    const strict = (await api.ok(CREATE, { input: { ...base, anonymityThreshold: 3, commentThreshold: 5 } }, hr)).createCycle;
    expect(strict).toMatchObject({ anonymityThreshold: 3, commentThreshold: 5 });
    // before launch HR may change it, within the same bounds
    expect((await api.ok(SET, { c: plain.id, t: 6 }, hr)).setCommentThreshold.commentThreshold).toBe(6);
    const below = await api.call(SET, { c: plain.id, t: 2 }, hr);
    expect(below.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'commentThreshold' }] });
    expect((await api.ok(`query($c: ID!) { cycle(id: $c) { commentThreshold } }`, { c: plain.id }, hr)).cycle.commentThreshold).toBe(6);
    expect((await api.ok(SET, { c: plain.id, t: null }, hr)).setCommentThreshold.commentThreshold).toBe(3);
    const audit = await dataSource.query(`SELECT detail FROM gateway.audit_event WHERE action = 'cycle.comment-threshold-set' ORDER BY id`);
    expect(audit.map((a: { detail: unknown }) => a.detail)).toEqual([
      { from: null, to: 6 },
      { from: 6, to: null },
    ]);
  });

  it('shows the scores of a group between the two thresholds but not its comments; a group at the comment threshold shows both', async () => {
    // Scores from 2 raters, comments from 4. Two direct reports and four skip-levels answer, each with a comment.
    const cycle = await launchCycleForAda(api, hr, { anonymityThreshold: 2, commentThreshold: 4 });
    const launched = await api.call(SET, { c: cycle.cycleId, t: 5 }, hr);
    expect(launched.errors![0].extensions!.code).toBe('CONFLICT');
    const of = (group: string) => cycle.invitations.filter((i) => i.group === group);
    type Group = { group: string; n: number; mean: number | null; suppressed: boolean };
    const pick = ({ group, n, mean, suppressed }: Group) => ({ group, n, mean, suppressed });
    /** HR's live report once `group` shows `n` raters (raters join the report in pairs here: the disclosure rule moves figures by at least 2). */
    const reportWith = (group: string, n: number) =>
      eventually(
        `${n} ${group} raters in the live report`,
        async () => {
          const { subjectReport } = await api.ok(SUBJECT_REPORT, { cycleId: cycle.cycleId, subjectId: cycle.subjectId }, hr);
          const groups: Group[] = subjectReport?.dimensions.flatMap((d: { groups: Group[] }) => d.groups) ?? [];
          return groups.some((g) => g.group === group && g.n === n) && subjectReport;
        },
        30000,
      );
    await answerSurvey(api, of('self')[0].token, 4);
    await answerSurvey(api, of('manager')[0].token, 3);
    for (const i of of('direct_report').slice(0, 2)) await answerSurvey(api, i.token, 2, `direct report words ${i.assignmentId}`);
    await reportWith('direct_report', 2);
    const skipLevels = of('skip_level').slice(0, 4);
    for (const i of skipLevels.slice(0, 2)) await answerSurvey(api, i.token, 4, `skip-level words ${i.assignmentId}`);
    const two = await reportWith('skip_level', 2);
    expect(two.comments).toEqual([]); // 2 skip-levels: scores yes, comments not yet
    for (const i of skipLevels.slice(2)) await answerSurvey(api, i.token, 4, `skip-level words ${i.assignmentId}`);
    const report = await reportWith('skip_level', 4);
    // (Each group rates the dimensions it can observe.)
    const groups = (report.dimensions as { groups: Group[] }[]).flatMap((d) => d.groups.map(pick));
    const direct = groups.filter((g) => g.group === 'direct_report');
    const skip = groups.filter((g) => g.group === 'skip_level');
    expect(direct.length).toBeGreaterThan(0);
    expect(skip.length).toBeGreaterThan(0);
    for (const g of direct) expect(g).toEqual({ group: 'direct_report', n: 2, mean: 2, suppressed: false });
    for (const g of skip) expect(g).toEqual({ group: 'skip_level', n: 4, mean: 4, suppressed: false });
    const texts = (report.comments as { text: string; group: string }[]).map((c) => c.text);
    expect(texts.filter((t) => t.startsWith('skip-level words'))).toHaveLength(4);
    expect(texts.filter((t) => t.startsWith('direct report words'))).toEqual([]);
    expect((report.comments as { group: string }[]).every((c) => c.group === 'skip_level')).toBe(true);
    // The policy each response carried to the scoring service says so.
    const policies = await dataSource.query(`SELECT DISTINCT policy FROM scoring.rater_response WHERE cycle_id = $1`, [cycle.cycleId]);
    expect(policies).toEqual([{ policy: { minGroupSize: 2, roleProfileId: 'leader-of-leaders', commentThreshold: 4 } }]);
  }, 150000);
});
