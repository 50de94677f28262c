/** Cycles through GraphQL on a real PostgreSQL: creating one and choosing who is reviewed (transitions: cycle-transitions.spec.ts). */
import { DEFAULT_MIN_RATERS } from '@leaderscope/vocabulary';
import { ADD_SUBJECTS, codeOf, CREATE_CYCLE, cycleInput, LAUNCH, Organisation, TestGateway } from '../test-support/test-gateway';

const CYCLE_FIELDS = `id name status instrumentId instrumentVersion roleProfileId anonymityThreshold minRaters { group count }
  maxRatersPerGroup reminderDaysBeforeClose opensAt closesAt launchedAt closedAt releasedAt subjects { employeeId }`;

describe('cycles', () => {
  let gw: TestGateway;
  let acme: Organisation;
  let other: Organisation;
  let ben: string;
  const fields = (answer: { errors?: { extensions?: { fields?: { field: string; message: string }[] } }[] }) =>
    answer.errors?.[0]?.extensions?.fields?.map((f) => f.field);

  beforeAll(async () => {
    gw = await TestGateway.start();
    acme = await gw.organisation('Acme');
    other = await gw.organisation('Other Org');
    ben = await acme.signIn('ben');
  });

  afterAll(() => gw?.stop());

  describe('createCycle', () => {
    it('creates a draft with the defaults: latest instrument, leader-of-leaders profile, threshold 3, default minimums, audited', async () => {
      const created = (
        await gw.ok(acme.hr, `mutation($input: CreateCycleInput!) { createCycle(input: $input) { ${CYCLE_FIELDS} } }`, {
          input: cycleInput('Defaults'),
        })
      ).createCycle;
      expect(created).toMatchObject({
        name: 'Defaults',
        status: 'DRAFT',
        instrumentId: 'leader-of-leaders',
        instrumentVersion: 2,
        roleProfileId: 'leader-of-leaders',
        anonymityThreshold: 3,
        maxRatersPerGroup: 8,
        reminderDaysBeforeClose: [3],
        launchedAt: null,
        closedAt: null,
        releasedAt: null,
        subjects: [],
      });
      expect(Object.fromEntries(created.minRaters.map((m: { group: string; count: number }) => [m.group, m.count]))).toEqual(
        DEFAULT_MIN_RATERS,
      );
      expect((await gw.audited('cycle.created')).map((a) => a.target)).toContain(`cycle:${created.id}`);
    });

    it('keeps the minimums HR sets over the defaults, and reminder days once each, latest first', async () => {
      const created = (
        await gw.ok(acme.hr, `mutation($input: CreateCycleInput!) { createCycle(input: $input) { ${CYCLE_FIELDS} } }`, {
          input: cycleInput('Custom', {
            instrumentVersion: 1,
            roleProfileId: 'function-head',
            anonymityThreshold: 4,
            minRaters: [
              { group: 'peer', count: 5 },
              { group: 'skip_level', count: 2 },
            ],
            reminderDaysBeforeClose: [1, 7, 3, 7],
          }),
        })
      ).createCycle;
      expect(created).toMatchObject({
        instrumentVersion: 1,
        roleProfileId: 'function-head',
        anonymityThreshold: 4,
        reminderDaysBeforeClose: [7, 3, 1],
      });
      expect(created.minRaters).toEqual([
        { group: 'self', count: 1 },
        { group: 'manager', count: 1 },
        { group: 'peer', count: 5 },
        { group: 'direct_report', count: 3 },
        { group: 'skip_level', count: 2 },
      ]);
    });

    it('refuses an unknown instrument, version or role profile, naming the field, and creates nothing', async () => {
      const before = (await gw.ok(acme.hr, `{ cycles { id } }`)).cycles.length;
      const refused = async (extra: Record<string, unknown>) => {
        const answer = await gw.gql(acme.hr, CREATE_CYCLE, { input: cycleInput('Bad', extra) });
        expect(codeOf(answer)).toBe('BAD_USER_INPUT');
        return fields(answer);
      };
      expect(await refused({ instrumentId: 'no-such-instrument' })).toEqual(['input.instrumentId']);
      expect(await refused({ instrumentVersion: 99 })).toEqual(['input.instrumentVersion']);
      expect(await refused({ roleProfileId: 'astronaut' })).toEqual(['input.roleProfileId']);
      expect((await gw.ok(acme.hr, `{ cycles { id } }`)).cycles).toHaveLength(before);
    });

    it('refuses a calendar that ends before it starts or is already over', async () => {
      const now = Date.now();
      const backwards = await gw.gql(acme.hr, CREATE_CYCLE, {
        input: cycleInput('Bad', {
          opensAt: new Date(now + 5 * 86400_000).toISOString(),
          closesAt: new Date(now + 86400_000).toISOString(),
        }),
      });
      expect(backwards.errors![0].extensions!.fields).toEqual([
        { field: 'input.closesAt', message: 'must be after opensAt', code: 'notAfterOpens' },
      ]);
      const over = await gw.gql(acme.hr, CREATE_CYCLE, {
        input: cycleInput('Bad', {
          opensAt: new Date(now - 5 * 86400_000).toISOString(),
          closesAt: new Date(now - 86400_000).toISOString(),
        }),
      });
      expect(over.errors![0].extensions!.fields).toEqual([
        { field: 'input.closesAt', message: 'must be in the future', code: 'inThePast' },
      ]);
    });

    it('refuses a group listed twice, a minimum above the maximum, and a threshold below 2', async () => {
      const twice = await gw.gql(acme.hr, CREATE_CYCLE, {
        input: cycleInput('Bad', {
          minRaters: [
            { group: 'peer', count: 1 },
            { group: 'peer', count: 2 },
          ],
        }),
      });
      expect(fields(twice)).toEqual(['input.minRaters[1].group']);
      const above = await gw.gql(acme.hr, CREATE_CYCLE, { input: cycleInput('Bad', { maxRatersPerGroup: 2 }) });
      expect(above.errors![0].extensions!.fields).toEqual([
        {
          field: 'input.minRaters',
          message: 'peer minimum 3 is above maxRatersPerGroup 2',
          code: 'minAboveMax',
          values: { group: 'peer', min: 3, max: 2 },
        },
        {
          field: 'input.minRaters',
          message: 'direct_report minimum 3 is above maxRatersPerGroup 2',
          code: 'minAboveMax',
          values: { group: 'direct_report', min: 3, max: 2 },
        },
      ]);
      const threshold = await gw.gql(acme.hr, CREATE_CYCLE, { input: cycleInput('Bad', { anonymityThreshold: 1 }) });
      expect(codeOf(threshold)).toBe('BAD_USER_INPUT');
      expect(fields(threshold)).toEqual(['input.anonymityThreshold']);
    });

    it('is HR-only', async () => {
      expect(codeOf(await gw.gql(ben, CREATE_CYCLE, { input: cycleInput() }))).toBe('FORBIDDEN');
    });
  });

  describe('addSubjects', () => {
    it('adds people of the organisation once each, and only to a draft', async () => {
      const id = await gw.draftCycle(acme, []);
      await gw.ok(acme.hr, ADD_SUBJECTS, { c: id, p: [acme.people.get('l1')] });
      const twice = (await gw.ok(acme.hr, ADD_SUBJECTS, { c: id, p: [acme.people.get('l1'), acme.people.get('l2')] })).addSubjects;
      expect(twice.subjects.map((s: { employeeId: string }) => s.employeeId).sort()).toEqual(['l1', 'l2']);
      await gw.ok(acme.hr, LAUNCH, { c: id });
      const late = await gw.gql(acme.hr, ADD_SUBJECTS, { c: id, p: [acme.people.get('l3')] });
      expect(codeOf(late)).toBe('CONFLICT');
      expect(late.errors![0].message).toBe('Cannot add subjects: the cycle is launched (needs draft)');
    });

    it('refuses an empty list and anyone not in the organisation, naming each, and adds nobody', async () => {
      const id = await gw.draftCycle(acme, []);
      expect(fields(await gw.gql(acme.hr, ADD_SUBJECTS, { c: id, p: [] }))).toEqual(['personIds']);
      const strangers = await gw.gql(acme.hr, ADD_SUBJECTS, {
        c: id,
        p: [acme.people.get('l1'), other.people.get('l1'), 'not-an-id'],
      });
      expect(codeOf(strangers)).toBe('BAD_USER_INPUT');
      expect(fields(strangers)).toEqual(['personIds[1]', 'personIds[2]']);
      expect((await gw.ok(acme.hr, `query($c: ID!) { cycle(id: $c) { subjects { id } } }`, { c: id })).cycle.subjects).toEqual([]);
    });

    it("refuses another organisation's cycle like a missing one, and non-HR", async () => {
      const id = await gw.draftCycle(acme, []);
      expect(codeOf(await gw.gql(other.hr, ADD_SUBJECTS, { c: id, p: [other.people.get('l1')] }))).toBe('FORBIDDEN');
      expect(codeOf(await gw.gql(ben, ADD_SUBJECTS, { c: id, p: [acme.people.get('l1')] }))).toBe('FORBIDDEN');
    });
  });
});
