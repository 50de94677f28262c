/** Invitations reach raters: one mail each over real SMTP, with a link that carries the token; tokens never rest or travel in clear. */
import { eventually } from '@leaderscope/testing';
import { Harness, harness, invitation, linkIn, PUBLIC_URL } from './support';

describe('notification service: invitations', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('sends one invitation per rater with who asks, about whom, the relationship, the promise, the closing date and a working link; a redelivered event sends nothing more', async () => {
    const invited = Array.from({ length: 12 }, (_, i) => invitation('cycle-inv', i, i === 0 ? { raterGroup: 'manager' } : {}));
    await h.publish(invited.map((x) => x.envelope));
    // The same events again (a redelivery after a crash between publish and mark): no second mail.
    await h.publish(invited.slice(0, 6).map((x) => x.envelope));
    await eventually('12 mails received', async () => h.sink!.received.length >= 12);
    await eventually('12 sent deliveries', async () => [...h.latest().values()].filter((d) => d.status === 'sent').length === 12);

    for (const x of invited) {
      const mails = h.sink!.to(x.email);
      expect(mails).toHaveLength(1);
      const [mail] = mails;
      expect(linkIn(mail.text)).toBe(`${PUBLIC_URL}/survey/${x.token}`);
      expect(mail.html).toContain(`href="${PUBLIC_URL}/survey/${x.token}"`);
      expect(mail.text).toContain('Hana Hr at Northwind');
      expect(mail.text).toContain(x.envelope.payload.subjectName);
      expect(mail.text).toMatch(/UTC/);
      expect(mail.messageId).toMatch(/@leaderscope\.mail>$/);
    }
    const manager = h.sink!.to(invited[0].email)[0];
    expect(manager.text).toContain('You are asked as their manager');
    expect(manager.text).toContain("As Subject 0's manager, your answers are shown as the manager's view");
    const peer = h.sink!.to(invited[1].email)[0];
    expect(peer.text).toContain('You are asked as a peer');
    expect(peer.text).toContain('at least 3 people in the group');

    // Each mail went queued → sent, per rater, with the rater's assignment.
    const byAssignment = new Map([...h.latest().values()].map((d) => [d.assignmentId, d]));
    for (const x of invited)
      expect(byAssignment.get(x.assignmentId)).toMatchObject({
        status: 'sent',
        kind: 'invitation',
        recipientPersonId: x.raterPersonId,
        attempts: 1,
      });
    const statuses = h.deliveries.filter((d) => d.payload.assignmentId === invited[3].assignmentId).map((d) => d.payload.status);
    expect(statuses).toEqual(['queued', 'sent']);

    // The raw token is in no table of the service and in no delivery event.
    const dump = await h.sql<{ t: string }>(
      `SELECT string_agg(t::text, ' ') AS t FROM (
         SELECT row_to_json(r)::text AS t FROM notification.rater r UNION ALL SELECT row_to_json(m)::text FROM notification.mail m
         UNION ALL SELECT row_to_json(o)::text FROM notification.outbox_event o) x`,
    );
    const events = JSON.stringify(h.deliveries);
    for (const x of invited) {
      expect(dump[0].t).not.toContain(x.token);
      expect(events).not.toContain(x.token);
      expect(JSON.stringify(x.envelope)).not.toContain(x.token);
    }
  });

  it('a restart sends nothing twice and picks up what arrived while it was down', async () => {
    const before = h.sink!.received.length;
    await h.stop();
    const later = Array.from({ length: 4 }, (_, i) => invitation('cycle-inv-2', 100 + i));
    await h.publish(later.map((x) => x.envelope));
    await h.start();
    await eventually('4 more mails', async () => h.sink!.received.length >= before + 4);
    await new Promise((r) => setTimeout(r, 1500));
    expect(h.sink!.received.length).toBe(before + 4);
    const ids = h.sink!.received.map((m) => m.messageId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('an invitation to someone without an e-mail address is skipped, saying why', async () => {
    const x = invitation('cycle-inv-3', 200, { email: null });
    await h.publish([x.envelope]);
    const d = await eventually('skipped delivery', async () => [...h.latest().values()].find((v) => v.assignmentId === x.assignmentId));
    expect(d).toMatchObject({ status: 'skipped', reason: 'no e-mail address', email: null });
  });
});
