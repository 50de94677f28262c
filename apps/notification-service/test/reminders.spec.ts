/** Reminders reach exactly the raters who have not submitted: manual ones, automatic ones on the cycle's schedule, at most one a day, none after the cycle closed. */
import { createEnvelope, cycleClosedV1, reminderRequestedV1, responseRecordedV1 } from '@leaderscope/events';
import { eventually } from '@leaderscope/testing';
import { randomUUID } from 'node:crypto';
import { AutomaticRemindersUseCase } from '../src';
import { Harness, harness, invitation, Invited, linkIn, ORG, PUBLIC_URL } from './support';

function reminder(x: Invited) {
  const p = x.envelope.payload;
  return createEnvelope(
    reminderRequestedV1,
    {
      cycleId: p.cycleId,
      subjectId: p.subjectId,
      assignmentId: p.assignmentId,
      raterPersonId: p.raterPersonId,
      email: p.email,
      requestedAt: new Date().toISOString(),
    },
    { organisationId: ORG },
  );
}

function recorded(x: Invited) {
  const p = x.envelope.payload;
  return createEnvelope(
    responseRecordedV1,
    {
      responseId: randomUUID(),
      submissionId: randomUUID(),
      cycleId: p.cycleId,
      subjectId: p.subjectId,
      raterId: p.assignmentId,
      raterGroup: p.raterGroup,
      instrumentId: 'leader-of-leaders',
      instrumentVersion: 1,
      responseVersion: 1,
      answers: {},
      comments: {},
      recordedAt: new Date().toISOString(),
    },
    { organisationId: ORG },
  );
}

const reminders = (h: Harness, x: Invited) => h.sink!.to(x.email).filter((m) => m.subject.startsWith('Reminder'));

describe('notification service: reminders', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a manual reminder reaches only those who have not submitted, at most once a day, with the same link', async () => {
    const invited = Array.from({ length: 6 }, (_, i) => invitation('cycle-remind', i));
    await h.publish(invited.map((x) => x.envelope));
    await eventually('6 invitations', async () => h.sink!.received.length >= 6);
    // Raters 0, 1 and 2 submit.
    await h.publish(invited.slice(0, 3).map(recorded));
    await eventually('3 submissions known', async () => (await h.sql(`SELECT 1 FROM notification.submitted_assignment`)).length === 3);
    await h.publish(invited.map(reminder));
    await eventually('3 reminders received', async () => invited.slice(3).every((x) => reminders(h, x).length === 1));
    // HR presses "remind" again the same day: nobody gets a second reminder.
    await h.publish(invited.map(reminder));
    await eventually(
      'second round skipped',
      async () => [...h.latest().values()].filter((d) => d.kind === 'reminder' && d.status === 'skipped').length === 9,
    );
    await new Promise((r) => setTimeout(r, 500));
    for (const x of invited.slice(0, 3)) expect(reminders(h, x)).toHaveLength(0);
    for (const x of invited.slice(3)) {
      const [mail] = reminders(h, x);
      expect(linkIn(mail.text)).toBe(`${PUBLIC_URL}/survey/${x.token}`);
    }
    const skipped = [...h.latest().values()]
      .filter((d) => d.kind === 'reminder' && d.status === 'skipped')
      .map((d) => d.reason)
      .sort();
    expect(skipped).toEqual(
      [
        ...Array(6).fill('already reminded recently (at most one reminder a day)').slice(0, 3),
        ...Array(6).fill('already submitted'),
      ].sort(),
    );
  });

  it('automatic reminders follow the cycle schedule (3 days before the close): once, only to non-submitters, none after the cycle closed', async () => {
    const soon = new Date(Date.now() + 2 * 86400_000).toISOString();
    const due = Array.from({ length: 4 }, (_, i) => invitation('cycle-auto', 10 + i, { closesAt: soon }));
    const notYet = invitation('cycle-auto-later', 20, { closesAt: new Date(Date.now() + 10 * 86400_000).toISOString() });
    const closed = invitation('cycle-auto-closed', 21, { closesAt: soon });
    await h.publish([...due, notYet, closed].map((x) => x.envelope));
    await h.publish([
      recorded(due[0]),
      createEnvelope(cycleClosedV1, { cycleId: 'cycle-auto-closed', closedAt: new Date().toISOString() }, { organisationId: ORG }),
    ]);
    await eventually(
      'facts recorded',
      async () =>
        (await h.sql(`SELECT 1 FROM notification.submitted_assignment WHERE assignment_id = $1`, [due[0].assignmentId])).length === 1 &&
        (await h.sql(`SELECT 1 FROM notification.closed_cycle WHERE cycle_id = 'cycle-auto-closed'`)).length === 1 &&
        (await h.sql(`SELECT 1 FROM notification.rater WHERE cycle_id LIKE 'cycle-auto%'`)).length === 6,
    );
    const scheduler = h.service!.get(AutomaticRemindersUseCase);
    expect(await scheduler.run()).toBe(3);
    expect(await scheduler.run()).toBe(0); // the next check the same day: nothing
    await eventually('3 automatic reminders', async () => due.slice(1).every((x) => reminders(h, x).length === 1));
    await new Promise((r) => setTimeout(r, 500));
    expect(reminders(h, due[0])).toHaveLength(0);
    expect(reminders(h, notYet)).toHaveLength(0);
    expect(reminders(h, closed)).toHaveLength(0);
  });
});
