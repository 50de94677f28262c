/** The survey service on a real PostgreSQL, fed through the in-process transport (same contract as Kafka). */
import {
  catalogue,
  createEnvelope,
  EventEnvelope,
  InProcessTransport,
  responseRecordedV1,
  responseRejectedV1,
  surveySubmittedV1,
} from '@leaderscope/events';
import { getInstrument } from '@leaderscope/framework';
import { createTestDatabase, eventually, TestDatabase } from '@leaderscope/testing';
import { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { startSurveyService } from '../src';

const instrument = getInstrument('leader-of-leaders', 1);

function submission(raterId: string, level: number, extra: Record<string, unknown> = {}) {
  const answers: Record<string, number | null> = {};
  for (const item of instrument.items) if (item.observers.includes('peer')) answers[item.id] = level;
  return {
    submissionId: randomUUID(),
    cycleId: 'c1',
    subjectId: 's1',
    raterId,
    raterGroup: 'peer' as const,
    instrumentId: 'leader-of-leaders',
    instrumentVersion: 1,
    answers,
    comments: {},
    policy: { minGroupSize: 4, roleProfileId: 'function-head' },
    submittedAt: new Date().toISOString(),
    ...extra,
  };
}

describe('survey service: record a submission', () => {
  let db: TestDatabase;
  let app: INestApplicationContext;
  const transport = new InProcessTransport(catalogue);
  const out: EventEnvelope[] = [];

  async function sql(text: string, params: unknown[] = []) {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      return (await client.query(text, params)).rows;
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    await transport.subscribe({
      groupId: 'observer',
      contracts: [responseRecordedV1, responseRejectedV1],
      handler: async (e) => void out.push(e),
    });
    app = await startSurveyService({ databaseUrl: db.url, transport, logger: ['error'] });
  });

  afterAll(async () => {
    await transport.stopConsumers();
    await app?.close();
    await db?.drop();
  });

  it('stores the policy and passes it on in response.recorded; a correction is a new version, never an update', async () => {
    const first = submission('r1', 4);
    const correction = submission('r1', 2);
    await transport.publish([createEnvelope(surveySubmittedV1, first, { organisationId: 'o' })]);
    await transport.publish([createEnvelope(surveySubmittedV1, correction, { organisationId: 'o' })]);
    await eventually('two recorded responses', async () => out.filter((e) => e.type === 'response.recorded').length === 2);
    const recorded = out
      .filter((e) => e.type === 'response.recorded')
      .map((e) => e.payload as { responseVersion: number; policy: unknown });
    expect(recorded.map((r) => r.responseVersion)).toEqual([1, 2]);
    for (const r of recorded) expect(r.policy).toEqual({ minGroupSize: 4, roleProfileId: 'function-head' });
    const rows = await sql(`SELECT response_version, policy FROM survey.response WHERE rater_id = 'r1' ORDER BY response_version`);
    expect(rows).toEqual([
      { response_version: 1, policy: { minGroupSize: 4, roleProfileId: 'function-head' } },
      { response_version: 2, policy: { minGroupSize: 4, roleProfileId: 'function-head' } },
    ]);
    await expect(sql(`UPDATE survey.response SET answers = '{}'`)).rejects.toThrow(/append-only/);
    await expect(sql(`DELETE FROM survey.response`)).rejects.toThrow(/append-only/);
  });

  it('rejects an invalid submission with reasons the rater can read back, and stores nothing', async () => {
    const bad = submission('r2', 4, { policy: { minGroupSize: 3, roleProfileId: 'no-such-profile' } });
    const answers = { ...bad.answers } as Record<string, number | null>;
    const [firstItem, secondItem] = Object.keys(answers);
    answers[firstItem] = 9;
    delete answers[secondItem];
    answers['no-such-item'] = 3;
    const selfOnly = instrument.items.find((i) => !i.observers.includes('peer'))!;
    answers[selfOnly.id] = 3;
    await transport.publish([createEnvelope(surveySubmittedV1, { ...bad, answers }, { organisationId: 'o' })]);
    const rejected = await eventually('response.rejected', async () => out.find((e) => e.type === 'response.rejected'));
    const fields = (rejected.payload as { reasons: { field: string }[] }).reasons.map((r) => r.field).sort();
    expect(fields).toEqual(
      [`answers.${firstItem}`, `answers.${secondItem}`, `answers.${selfOnly.id}`, 'answers.no-such-item', 'policy.roleProfileId'].sort(),
    );
    const [stored] = await sql(`SELECT reasons FROM survey.rejection WHERE submission_id = $1`, [bad.submissionId]);
    expect(stored.reasons).toEqual((rejected.payload as { reasons: unknown }).reasons);
    expect(await sql(`SELECT 1 FROM survey.response WHERE rater_id = 'r2'`)).toEqual([]);
  });
});
