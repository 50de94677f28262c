/** The instruments a cycle can use, on a real PostgreSQL gateway over HTTP: what the query lists and who may ask. */
import { getInstrument, listInstruments, PULSE_INSTRUMENT_ID } from '@leaderscope/framework';
import { codeOf, Organisation, TestGateway } from '../test-support/test-gateway';

const INSTRUMENTS = `{ instruments { id name versions latestVersion roleProfiles { id name } } }`;

describe('instruments', () => {
  let gw: TestGateway;
  let acme: Organisation;
  let ben: string;

  beforeAll(async () => {
    gw = await TestGateway.start();
    acme = await gw.organisation('Acme');
    ben = await acme.signIn('ben');
  });

  afterAll(() => gw?.stop());

  it('lists each built-in instrument once, with every version oldest first, its latest version and the role profiles of that version', async () => {
    // every built-in instrument but the follow-up pulse (started with startPulse, never as a cycle)
    const ids = [...new Set(listInstruments().map((i) => i.id))].filter((id) => id !== PULSE_INSTRUMENT_ID);
    const expected = ids.map((id) => {
      const latest = getInstrument(id);
      return {
        id,
        name: latest.name,
        versions: listInstruments()
          .filter((i) => i.id === id)
          .map((i) => i.version)
          .sort((a, b) => a - b),
        latestVersion: latest.version,
        roleProfiles: latest.roleProfiles.map((p) => ({ id: p.id, name: p.name })),
      };
    });
    const { instruments } = await gw.ok(acme.hr, INSTRUMENTS);
    expect(instruments).toEqual(expected);
    // The framework this gateway ships: one instrument in two versions, three role profiles.
    expect(instruments).toEqual([
      expect.objectContaining({ id: 'leader-of-leaders', name: 'Leader of leaders 360', versions: [1, 2], latestVersion: 2 }),
    ]);
    expect(instruments[0].roleProfiles.map((p: { id: string }) => p.id)).toEqual([
      'leader-of-leaders',
      'leader-of-others',
      'function-head',
    ]);
  });

  it('answers anyone signed in, not only HR (a leader sees the same list)', async () => {
    expect(await gw.ok(ben, INSTRUMENTS)).toEqual(await gw.ok(acme.hr, INSTRUMENTS));
  });

  it('refuses a caller without a sign-in, or with a token that is not one, with UNAUTHENTICATED and no data', async () => {
    for (const token of [null, 'not-a-session-token']) {
      const answer = await gw.gql(token, INSTRUMENTS);
      expect(codeOf(answer)).toBe('UNAUTHENTICATED');
      expect(answer.data?.instruments ?? null).toBeNull();
    }
  });

  it('exposes no questionnaire content: the type has no dimensions or items to ask for', async () => {
    const answer = await gw.gql(acme.hr, `{ instruments { id dimensions { id } } }`);
    expect(codeOf(answer)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(answer.errors![0].message).toContain('dimensions');
  });
});
