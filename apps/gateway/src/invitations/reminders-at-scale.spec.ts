/**
 * Reminders for a cycle of the size issue #16 names (10,000 leaders, 150,000 raters), on a real
 * PostgreSQL: more pending raters than one statement's 65,535 parameters could name.
 */
import { Organisation, TestGateway } from '../test-support/test-gateway';

const REMIND = `mutation($c: ID!) { sendReminders(cycleId: $c) }`;

describe('sendReminders at scale', () => {
  let gw: TestGateway;
  let acme: Organisation;

  beforeAll(async () => {
    gw = await TestGateway.start();
    acme = await gw.organisation('Acme');
  }, 60000);

  afterAll(() => gw?.stop());

  it('reminds 75,000 pending raters of one cycle, each once, with their e-mail address where they have one', async () => {
    const cycleId = await gw.launchedCycle(acme, ['l1']);
    const db = gw.dataSource;
    // 300 more subjects and 250 more raters, each rater asked about each subject: 75,000 pending raters.
    await db.query(
      `INSERT INTO "gateway"."person" ("id", "organisation_id", "employee_id", "name", "email")
       SELECT gen_random_uuid(), $1, 'scale-' || i, 'Scale Person ' || i, CASE WHEN i % 2 = 0 THEN 'scale' || i || '@acme.test' END
       FROM generate_series(1, 550) AS i`,
      [acme.organisationId],
    );
    await db.query(
      `INSERT INTO "gateway"."assignment" ("id", "organisation_id", "cycle_id", "subject_id", "rater_person_id", "rater_group", "token_hash", "token_cipher", "status")
       SELECT gen_random_uuid(), $1, $2, s."id", r."id", 'peer', md5(s."id"::text || r."id"::text), 'unused', 'invited'
       FROM "gateway"."person" s JOIN "gateway"."person" r ON r."organisation_id" = s."organisation_id"
       WHERE s."organisation_id" = $1 AND s."employee_id" ~ '^scale-' AND r."employee_id" ~ '^scale-'
         AND substring(s."employee_id" FROM 7)::int <= 300 AND substring(r."employee_id" FROM 7)::int > 300`,
      [acme.organisationId, cycleId],
    );
    const [pending] = await db.query(
      `SELECT count(*)::int AS "all", count(p."email")::int AS "withEmail"
       FROM "gateway"."assignment" a JOIN "gateway"."person" p ON p."id" = a."rater_person_id"
       WHERE a."cycle_id" = $1 AND a."status" IN ('invited', 'started') AND a."revoked_at" IS NULL`,
      [cycleId],
    );
    expect(pending.all).toBeGreaterThan(75000);

    expect((await gw.ok(acme.hr, REMIND, { c: cycleId })).sendReminders).toBe(pending.all);

    const [marked] = await db.query(
      `SELECT count(*)::int AS "n" FROM "gateway"."assignment" WHERE "cycle_id" = $1 AND "reminded_at" IS NOT NULL`,
      [cycleId],
    );
    expect(marked.n).toBe(pending.all);
    const events = (await gw.emitted<{ cycleId: string; assignmentId: string; email?: string | null }>('reminder.requested'))
      .filter((e) => e.payload.cycleId === cycleId)
      .map((e) => ({ assignmentId: e.payload.assignmentId, email: e.payload.email ?? null }));
    expect(events).toHaveLength(pending.all);
    expect(new Set(events.map((e) => e.assignmentId)).size).toBe(pending.all);
    expect(events.filter((e) => e.email !== null)).toHaveLength(pending.withEmail);
    expect((await gw.audited('reminders.sent')).find((a) => a.target === `cycle:${cycleId}`)?.detail).toEqual({ count: pending.all });
  }, 120000);
});
