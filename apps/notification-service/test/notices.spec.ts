/** Nomination requests, approval requests and "your report is ready" reach the right people; without SMTP every mail is recorded, not sent. */
import {
  createEnvelope,
  debriefCompletedV1,
  debriefRequestedV1,
  developmentPlanChangedV1,
  nominationApprovalRequestedV1,
  nominationRequestedV1,
  pulseLaunchedV1,
  resultsReleasedV1,
} from '@leaderscope/events';
import { eventually } from '@leaderscope/testing';
import { Harness, harness, invitation, ORG, PUBLIC_URL } from './support';

const base = { cycleId: 'cycle-n', cycleName: 'Spring 360', organisationName: 'Northwind', subjectId: 'ada' };

describe('notification service: notices to leaders and managers', () => {
  let h: Harness;
  afterEach(async () => {
    await h?.close();
  });

  it('asks the subject to choose peers, the manager to approve, and tells both when the report is ready', async () => {
    h = await harness();
    await h.publish([
      createEnvelope(
        nominationRequestedV1,
        { ...base, subject: { personId: 'ada', name: 'Ada Lovelace', email: 'ada@northwind.test' }, requestedAt: new Date().toISOString() },
        { organisationId: ORG },
      ),
      createEnvelope(
        nominationApprovalRequestedV1,
        {
          ...base,
          subjectName: 'Ada Lovelace',
          manager: { personId: 'grace', name: 'Grace Hopper', email: 'grace@northwind.test' },
          requestedAt: new Date().toISOString(),
        },
        { organisationId: ORG },
      ),
      createEnvelope(
        resultsReleasedV1,
        {
          ...base,
          subjectName: 'Ada Lovelace',
          releasedAt: new Date().toISOString(),
          recipients: [
            { personId: 'ada', name: 'Ada Lovelace', email: 'ada@northwind.test', isSubject: true },
            { personId: 'grace', name: 'Grace Hopper', email: 'grace@northwind.test', isSubject: false },
          ],
        },
        { organisationId: ORG },
      ),
    ]);
    await eventually('4 mails', async () => h.sink!.received.length >= 4);
    const ada = h
      .sink!.to('ada@northwind.test')
      .map((m) => m.subject)
      .sort();
    const grace = h
      .sink!.to('grace@northwind.test')
      .map((m) => m.subject)
      .sort();
    expect(ada).toEqual(['Choose the peers who will give you feedback', 'Your feedback report is ready']);
    expect(grace).toEqual(["Ada Lovelace's raters are waiting for your approval", 'The feedback report for Ada Lovelace is ready']);
    const ready = h.sink!.to('grace@northwind.test').find((m) => m.subject.startsWith('The feedback report'))!;
    expect(ready.text).toContain(`${PUBLIC_URL}/cycles/cycle-n/reports/ada`);
  });

  it('without SMTP_URL nothing is sent: each mail is recorded for the mail outbox, the token still sealed', async () => {
    h = await harness({ smtp: false });
    const invited = Array.from({ length: 3 }, (_, i) => invitation('cycle-rec', i));
    await h.publish(invited.map((x) => x.envelope));
    await eventually('3 recorded', async () => [...h.latest().values()].filter((d) => d.status === 'recorded').length === 3);
    const rows = await h.sql<{ status: string; t: string }>(
      `SELECT m.status, row_to_json(r)::text AS t FROM notification.mail m JOIN notification.rater r USING (assignment_id)`,
    );
    expect(rows.map((r) => r.status)).toEqual(['recorded', 'recorded', 'recorded']);
    for (const x of invited) for (const r of rows) expect(r.t).not.toContain(x.token);
    const recorded = [...h.latest().values()][0];
    expect(recorded.content).toMatchObject({ kind: 'invitation', requestedBy: 'Hana Hr', relationship: 'peer' });
  });

  it('tells the manager when a leader shares or updates a development plan, once per event, and nobody when there is no manager', async () => {
    h = await harness();
    const plan = (version: number, manager: { personId: string; name: string; email: string | null } | null) =>
      createEnvelope(
        developmentPlanChangedV1,
        {
          ...base,
          subjectName: 'Ada Lovelace',
          version,
          change: version === 1 ? ('shared' as const) : ('updated' as const),
          manager,
          changedAt: new Date().toISOString(),
        },
        { organisationId: ORG },
      );
    const grace = { personId: 'grace', name: 'Grace Hopper', email: 'grace@northwind.test' };
    const shared = plan(1, grace);
    await h.publish([shared, plan(2, grace), plan(1, null)]);
    await eventually('2 mails', async () => h.sink!.received.length >= 2);
    await h.publish([shared]); // redelivered: nothing more
    await new Promise((r) => setTimeout(r, 1500));
    const mails = h.sink!.to('grace@northwind.test');
    expect(mails.map((m) => m.subject).sort()).toEqual([
      'Ada Lovelace shared a development plan',
      'Ada Lovelace updated their development plan',
    ]);
    expect(h.sink!.received).toHaveLength(2);
    expect(mails[0].text).toContain(`${PUBLIC_URL}/cycles/cycle-n/reports/ada#development-plan`);
    const kinds = [...h.latest().values()].map((d) => d.kind);
    expect(kinds.filter((k) => k === 'plan-shared')).toHaveLength(2);
  });

  it('a coached cycle: asks the coach for the debrief, then tells the leader and manager their report is shared, once per event', async () => {
    h = await harness();
    const requested = createEnvelope(
      debriefRequestedV1,
      {
        ...base,
        subjectName: 'Ada Lovelace',
        coach: { personId: 'cleo', name: 'Cleo Coach', email: 'cleo@coaches.test' },
        requestedAt: new Date().toISOString(),
      },
      { organisationId: ORG },
    );
    const completed = createEnvelope(
      debriefCompletedV1,
      {
        ...base,
        subjectName: 'Ada Lovelace',
        coach: { personId: 'cleo', name: 'Cleo Coach' },
        recipients: [
          { personId: 'ada', name: 'Ada Lovelace', email: 'ada@northwind.test', isSubject: true },
          { personId: 'grace', name: 'Grace Hopper', email: 'grace@northwind.test', isSubject: false },
        ],
        completedAt: new Date().toISOString(),
      },
      { organisationId: ORG },
    );
    await h.publish([requested, completed]);
    await eventually('3 mails', async () => h.sink!.received.length >= 3);
    await h.publish([requested, completed]); // redelivered: nothing more
    await new Promise((r) => setTimeout(r, 1500));
    expect(h.sink!.received).toHaveLength(3);
    const [coach] = h.sink!.to('cleo@coaches.test');
    expect(coach.subject).toBe("Ada Lovelace's feedback report awaits your debrief");
    expect(coach.text).toContain(`${PUBLIC_URL}/cycles/cycle-n/reports/ada`);
    const [ada] = h.sink!.to('ada@northwind.test');
    expect(ada.subject).toBe('Your feedback report is ready');
    expect(ada.text).toContain('Following your debrief with Cleo Coach');
    const [grace] = h.sink!.to('grace@northwind.test');
    expect(grace.subject).toBe('The feedback report for Ada Lovelace is ready');
    expect(grace.text).toContain('Cleo Coach has marked the debrief');
    const kinds = [...h.latest().values()].map((d) => d.kind).sort();
    expect(kinds).toEqual(['debrief-requested', 'report-ready', 'report-ready']);
  });
  it('tells the leader and their manager that a follow-up pulse went out, once per event, without the plan', async () => {
    h = await harness();
    const launched = createEnvelope(
      pulseLaunchedV1,
      {
        ...base,
        pulseId: 'pulse-1',
        planVersion: 2,
        subjectName: 'Ada Lovelace',
        focusAreaCount: 2,
        raterCount: 5,
        closesAt: '2027-03-01T12:00:00.000Z',
        startedBy: 'leader' as const,
        recipients: [
          { personId: 'ada', name: 'Ada Lovelace', email: 'ada@northwind.test', isSubject: true },
          { personId: 'grace', name: 'Grace Hopper', email: 'grace@northwind.test', isSubject: false },
        ],
        launchedAt: new Date().toISOString(),
      },
      { organisationId: ORG },
    );
    await h.publish([launched]);
    await eventually('2 mails', async () => h.sink!.received.length >= 2);
    await h.publish([launched]); // redelivered: nothing more
    await new Promise((r) => setTimeout(r, 1500));
    expect(h.sink!.received).toHaveLength(2);
    expect(h.sink!.to('ada@northwind.test').map((m) => m.subject)).toEqual(['Your follow-up pulse went out']);
    const toGrace = h.sink!.to('grace@northwind.test');
    expect(toGrace.map((m) => m.subject)).toEqual(["A follow-up pulse on Ada Lovelace's development plan went out"]);
    expect(toGrace[0].text).toContain(`${PUBLIC_URL}/cycles/cycle-n/reports/ada#follow-up-pulse`);
    expect(toGrace[0].text).toContain('Raters invited: 5; focus areas asked: 2.');
    expect([...h.latest().values()].filter((d) => d.kind === 'pulse-launched')).toHaveLength(2);
  });
});
