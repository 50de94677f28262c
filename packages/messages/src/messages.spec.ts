import { anonymityPromise, catalogue, message, renderMail } from './index';

const invitation = {
  kind: 'invitation' as const,
  recipientName: 'Ann Rater',
  organisationName: 'Northwind',
  cycleId: 'c1',
  cycleName: 'Spring 360',
  requestedBy: 'Hana HR',
  subjectId: 's1',
  subjectName: 'Ada <Lovelace>',
  relationship: 'peer' as const,
  anonymityThreshold: 4,
  closesAt: '2026-12-01T17:00:00.000Z',
};

describe('message catalogue', () => {
  it('fills placeholders and refuses a missing one', () => {
    expect(message('mail.greeting', { recipientName: 'Ann' })).toBe('Hello Ann,');
    expect(() => message('mail.greeting')).toThrow(/recipientName/);
  });

  it('promises anonymity by relationship', () => {
    expect(anonymityPromise('peer', 'Ada', 4)).toContain('at least 4 people');
    expect(anonymityPromise('manager', 'Ada', 4)).toContain("Ada's manager");
    expect(anonymityPromise('self', 'Ada', 4)).toBe(catalogue['anonymity.self']);
  });

  it('renders an invitation with who asked, about whom, the relationship, the promise, the closing date and the link, escaped in HTML', () => {
    const mail = renderMail(invitation, 'https://feedback.example/', 'tok_123');
    expect(mail.link).toBe('https://feedback.example/survey/tok_123');
    expect(mail.subject).toBe('Hana HR asks for your view of Ada <Lovelace>');
    for (const part of [
      'Hana HR',
      'Northwind',
      'Ada <Lovelace>',
      'a peer',
      'at least 4 people',
      'Tuesday, 1 December 2026 at 17:00 UTC',
      mail.link,
    ]) {
      expect(mail.text).toContain(part);
    }
    expect(mail.html).toContain('Ada &lt;Lovelace&gt;');
    expect(mail.html).not.toContain('Ada <Lovelace>');
    expect(mail.html).toContain('name="viewport"');
    expect(mail.html).toContain(`href="${mail.link}"`);
  });

  it('will not render a survey mail without its token', () => {
    expect(() => renderMail(invitation, 'https://x')).toThrow(/token/);
  });

  it('tells the manager of a shared or updated development plan, links to it and says nothing of its content', () => {
    const plan = {
      kind: 'plan-shared' as const,
      recipientName: 'Mo Manager',
      organisationName: 'Northwind',
      cycleId: 'c1',
      cycleName: 'Spring 360',
      subjectId: 's1',
      subjectName: 'Ada Leader',
    };
    const shared = renderMail({ ...plan, version: 1 }, 'https://feedback.example');
    expect(shared.subject).toBe('Ada Leader shared a development plan');
    expect(shared.link).toBe('https://feedback.example/cycles/c1/reports/s1#development-plan');
    expect(shared.text).toContain('Spring 360');
    const updated = renderMail({ ...plan, version: 3 }, 'https://feedback.example');
    expect(updated.subject).toBe('Ada Leader updated their development plan');
    expect(updated.text).toContain('version 3');
  });

  it('asks the coach for the debrief of a coached cycle, then tells the leader the report is shared after it', () => {
    const common = { organisationName: 'Northwind', cycleId: 'c1', cycleName: 'Spring 360', subjectId: 's1', subjectName: 'Ada Leader' };
    const asked = renderMail({ ...common, kind: 'debrief-requested', recipientName: 'Cleo Coach' }, 'https://feedback.example');
    expect(asked.subject).toBe("Ada Leader's feedback report awaits your debrief");
    expect(asked.link).toBe('https://feedback.example/cycles/c1/reports/s1');
    expect(asked.text).toContain('once you mark the debrief done');
    const ready = renderMail(
      { ...common, kind: 'report-ready', recipientName: 'Ada Leader', recipientIsSubject: true, afterDebriefWith: 'Cleo Coach' },
      'https://feedback.example',
    );
    expect(ready.subject).toBe('Your feedback report is ready');
    expect(ready.text).toContain('Following your debrief with Cleo Coach');
    const plain = renderMail({ ...common, kind: 'report-ready', recipientName: 'Ada Leader', recipientIsSubject: true }, 'https://x');
    expect(plain.text).not.toContain('debrief');
  });
  it('tells the leader and their manager that a follow-up pulse went out, links to it and says nothing of the plan', () => {
    const pulse = {
      kind: 'pulse-launched' as const,
      recipientName: 'Mo Manager',
      organisationName: 'Northwind',
      cycleId: 'c1',
      cycleName: 'Spring 360',
      subjectId: 's1',
      subjectName: 'Ada Leader',
      raterCount: 6,
      focusAreaCount: 2,
      closesAt: '2027-03-01T12:00:00.000Z',
    };
    const toManager = renderMail({ ...pulse, recipientIsSubject: false }, 'https://feedback.example');
    expect(toManager.subject).toBe("A follow-up pulse on Ada Leader's development plan went out");
    expect(toManager.link).toBe('https://feedback.example/cycles/c1/reports/s1#follow-up-pulse');
    expect(toManager.text).toContain('Raters invited: 6; focus areas asked: 2.');
    expect(toManager.text).toContain('Spring 360');
    const toLeader = renderMail({ ...pulse, recipientIsSubject: true }, 'https://feedback.example');
    expect(toLeader.subject).toBe('Your follow-up pulse went out');
    expect(toLeader.text).toContain('anonymous');
  });
});
