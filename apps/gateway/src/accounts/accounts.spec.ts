/** Sign-in, sessions and HR-made accounts through GraphQL on a real PostgreSQL. */
import { hashToken } from './secrets';
import { codeOf, Organisation, PASSWORD, TestGateway } from '../test-support/test-gateway';
import { AccountEntity, SessionEntity } from './account.entity';

const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token expiresAt me { email roles } } }`;
const ME = `{ me { email roles organisation { name } person { employeeId } } }`;
const CREATE_ACCOUNT = `mutation($p: ID!, $hr: Boolean) { createAccount(personId: $p, hrAdmin: $hr) { accountId email temporaryPassword } }`;

describe('accounts', () => {
  let gw: TestGateway;
  let acme: Organisation;
  let other: Organisation;
  const login = (e: string, p: string) => gw.gql(null, LOGIN, { e, p });

  beforeAll(async () => {
    gw = await TestGateway.start();
    acme = await gw.organisation('Acme');
    other = await gw.organisation('Other Org');
    await gw.draftCycle(acme, ['l1']); // Ben is reviewed: a leader
  });

  afterAll(() => gw?.stop());

  describe('login', () => {
    it('opens a 12-hour session and says who signed in', async () => {
      await acme.signIn('ben');
      const answer = (await login('ben@acme.test', PASSWORD)).data!.login;
      const hours = (new Date(answer.expiresAt).getTime() - Date.now()) / 3600_000;
      expect(hours).toBeGreaterThan(11.9);
      expect(hours).toBeLessThanOrEqual(12);
      expect(answer.me).toEqual({ email: 'ben@acme.test', roles: ['LEADER', 'MANAGER'] });
      const stored = await gw.dataSource.getRepository(SessionEntity).findOneBy({ tokenHash: hashToken(answer.token) });
      expect(stored).not.toBeNull(); // kept only as a hash
      expect(await gw.dataSource.getRepository(SessionEntity).findOneBy({ tokenHash: answer.token })).toBeNull();
    });

    it('answers a wrong password exactly like an unknown e-mail', async () => {
      const wrong = await login('ben@acme.test', 'not-the-password');
      const unknown = await login('nobody@acme.test', PASSWORD);
      expect(codeOf(wrong)).toBe('UNAUTHENTICATED');
      expect(wrong.errors![0].message).toBe('E-mail or password is wrong');
      expect(unknown.errors![0]).toEqual(wrong.errors![0]);
    });

    it('names the fields of nonsense input', async () => {
      const answer = await login('not-an-email', '');
      expect(codeOf(answer)).toBe('BAD_USER_INPUT');
      expect(answer.errors![0].extensions!.fields).toEqual([
        { field: 'email', message: 'must be an e-mail address', code: 'isEmail' },
        { field: 'password', message: 'must not be empty', code: 'isNotEmpty' },
      ]);
    });

    it('stops guessing: after 10 attempts on one e-mail, even the right password waits', async () => {
      await acme.signIn('cy'); // the first attempt
      for (let i = 0; i < 9; i++) expect(codeOf(await login('cy@acme.test', `guess-${i}`))).toBe('UNAUTHENTICATED');
      const limited = await login('cy@acme.test', PASSWORD);
      expect(codeOf(limited)).toBe('RATE_LIMITED');
      expect(limited.errors![0].message).toMatch(/^Too many attempts: try again in \d+ s$/);
    });
  });

  describe('sessions', () => {
    it('ends a session on logout: its token stops working, others stay', async () => {
      const first = await acme.signIn('di');
      const second = (await login('di@acme.test', PASSWORD)).data!.login.token;
      expect((await gw.ok(first, `mutation { logout }`)).logout).toBe(true);
      expect(codeOf(await gw.gql(first, ME))).toBe('UNAUTHENTICATED');
      expect((await gw.ok(second, ME)).me.email).toBe('di@acme.test');
    });

    it('refuses an expired session', async () => {
      const token = await acme.signIn('eve');
      await gw.dataSource.getRepository(SessionEntity).update({ tokenHash: hashToken(token) }, { expiresAt: new Date(Date.now() - 1000) });
      expect(codeOf(await gw.gql(token, ME))).toBe('UNAUTHENTICATED');
    });

    it('gives roles from facts: HR on the account, leader when reviewed, manager when people report', async () => {
      expect((await gw.ok(acme.hr, ME)).me).toEqual({
        email: 'hr@acme.test',
        roles: ['HR_ADMIN'],
        organisation: { name: 'Acme' },
        person: null,
      });
      expect((await gw.ok(await acme.signIn('ada'), ME)).me.roles).toEqual(['MANAGER']);
      expect((await gw.ok(await acme.signIn('ivy'), ME)).me).toMatchObject({ roles: [], person: { employeeId: 'e1' } });
    });
  });

  describe('createAccount', () => {
    it('gives a person a sign-in with a temporary password shown once, audited', async () => {
      const setup = (await gw.ok(acme.hr, CREATE_ACCOUNT, { p: acme.people.get('m3') })).createAccount;
      expect(setup).toMatchObject({ email: 'gus@acme.test', temporaryPassword: expect.stringMatching(/^[\w-]{16}$/) });
      expect((await login('gus@acme.test', setup.temporaryPassword)).data!.login.me).toEqual({ email: 'gus@acme.test', roles: [] });
      const stored = await gw.dataSource.getRepository(AccountEntity).findOneByOrFail({ id: setup.accountId });
      expect(JSON.stringify(stored)).not.toContain(setup.temporaryPassword);
      expect((await gw.audited('account.created')).find((a) => a.target === `person:${acme.people.get('m3')}`)?.detail).toEqual({
        hrAdmin: false,
      });
    });

    it('makes another HR administrator when asked', async () => {
      const setup = (await gw.ok(acme.hr, CREATE_ACCOUNT, { p: acme.people.get('m4'), hr: true })).createAccount;
      const token = (await login(setup.email, setup.temporaryPassword)).data!.login.token;
      expect((await gw.ok(token, ME)).me.roles).toEqual(['HR_ADMIN']);
      expect((await gw.gql(token, `{ people { id } }`)).errors).toBeUndefined();
    });

    it('refuses a second account for one e-mail, a person without e-mail, and anyone outside the organisation', async () => {
      const again = await gw.gql(acme.hr, CREATE_ACCOUNT, { p: acme.people.get('m3') });
      expect(codeOf(again)).toBe('CONFLICT');
      expect(again.errors![0].message).toBe('gus@acme.test already has an account');
      const csv = 'employee_id,name,email,manager_id\nn1,No Mail,,';
      await gw.ok(other.hr, `mutation($csv: String!) { importPeople(csv: $csv, dryRun: false) { applied } }`, { csv });
      const noMail = (await gw.ok(other.hr, `{ people(limit: 5000) { id employeeId } }`)).people.find(
        (p: { employeeId: string }) => p.employeeId === 'n1',
      );
      expect((await gw.gql(other.hr, CREATE_ACCOUNT, { p: noMail.id })).errors![0].extensions!.fields).toEqual([
        { field: 'personId', message: 'No Mail has no e-mail address in the directory' },
      ]);
      expect((await gw.gql(acme.hr, CREATE_ACCOUNT, { p: noMail.id })).errors![0].extensions!.fields).toEqual([
        { field: 'personId', message: 'no such person in this organisation', code: 'unknownPerson' },
      ]);
    });

    it('is HR-only', async () => {
      const ben = (await login('ben@acme.test', PASSWORD)).data!.login.token;
      expect(codeOf(await gw.gql(ben, CREATE_ACCOUNT, { p: acme.people.get('l2') }))).toBe('FORBIDDEN');
    });
  });
});
