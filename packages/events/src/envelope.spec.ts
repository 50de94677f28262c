import {
  catalogue,
  compileContract,
  createEnvelope,
  EventContract,
  EventValidationError,
  parseEnvelope,
  ReceivedText,
  receivedAs,
  reportUpdatedV1,
  reportUpdatedV2,
  surveySubmittedV1,
} from './index';

const submission = {
  submissionId: '4c2b8f3e-1d2a-4b7c-9e0f-0a1b2c3d4e5f',
  cycleId: 'c1',
  subjectId: 's1',
  raterId: 'r1',
  raterGroup: 'peer' as const,
  instrumentId: 'leader-of-leaders',
  instrumentVersion: 1,
  answers: { 'i-1': 4, 'i-2': null },
  comments: {},
  submittedAt: new Date('2026-11-01T10:00:00Z').toISOString(),
};

describe('event envelopes', () => {
  it('wraps a valid payload with id, type, version, organisation, key and correlation id', () => {
    const envelope = createEnvelope(surveySubmittedV1, submission, { organisationId: 'org-1', correlationId: 'corr-1' });
    expect(envelope).toMatchObject({
      type: 'survey.submitted',
      version: 1,
      organisationId: 'org-1',
      key: 'c1:s1',
      correlationId: 'corr-1',
      payload: submission,
    });
    expect(envelope.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses an invalid payload at produce time, naming the field', () => {
    expect(() => createEnvelope(surveySubmittedV1, { ...submission, raterGroup: 'boss' } as never, { organisationId: 'o' })).toThrow(
      /survey\.submitted: raterGroup:/,
    );
    expect(() => createEnvelope(surveySubmittedV1, { ...submission, answers: { x: 2.5 } }, { organisationId: 'o' })).toThrow(
      EventValidationError,
    );
  });

  it('validates envelope and payload again at consume time', () => {
    const envelope = createEnvelope(surveySubmittedV1, submission, { organisationId: 'o' });
    expect(parseEnvelope(JSON.parse(JSON.stringify(envelope)), catalogue)).toEqual(envelope);
    expect(() => parseEnvelope({ ...envelope, version: 99 }, catalogue)).toThrow(/no contract registered for survey.submitted v99/);
    expect(() => parseEnvelope({ ...envelope, payload: { ...submission, cycleId: '' } }, catalogue)).toThrow(/cycleId/);
    expect(() => parseEnvelope({ ...envelope, id: 'nope' }, catalogue)).toThrow(/envelope: id/);
  });

  it('validates with a compiled contract exactly as with the contract: the same envelope, the same refusals', () => {
    const check = <P, I>(contract: EventContract<P, I>) => {
      const compiled = compileContract(contract);
      expect(compiled).toMatchObject({ type: contract.type, version: contract.version, topic: contract.topic });
      expect(compiled.schema).not.toBe(contract.schema); // compiled, not handed back as it was
    };
    check(surveySubmittedV1);
    check(reportUpdatedV1);
    check(reportUpdatedV2);
    const compiled = compileContract(surveySubmittedV1);
    const meta = { organisationId: 'org-1', correlationId: 'corr-1', id: '4c2b8f3e-1d2a-4b7c-9e0f-0a1b2c3d4e50', occurredAt: new Date(0) };
    expect(createEnvelope(compiled, submission, meta)).toEqual(createEnvelope(surveySubmittedV1, submission, meta));
    const refusal = (contract: typeof surveySubmittedV1, payload: unknown) => {
      try {
        createEnvelope(contract, payload as typeof submission, meta);
        return null;
      } catch (error) {
        expect(error).toBeInstanceOf(EventValidationError);
        return (error as EventValidationError).issues;
      }
    };
    for (const bad of [
      { ...submission, raterGroup: 'friend' },
      { ...submission, answers: { 'i-1': 'four' } },
      { ...submission, submittedAt: 'yesterday', cycleId: '' },
    ]) {
      expect(refusal(compiled, bad)).not.toBeNull();
      expect(refusal(compiled, bad)).toEqual(refusal(surveySubmittedV1, bad));
    }
  });

  it("hands a subscriber its received form of a valid event, and refuses an invalid one with the contract's issues before turning it", () => {
    const kept: string[] = [];
    const received = receivedAs(surveySubmittedV1, (payload) => {
      kept.push(payload.submissionId);
      return { submission: payload.submissionId, answered: Object.keys(payload.answers).length };
    });
    const registry = catalogue.with([received]);
    const envelope = createEnvelope(surveySubmittedV1, submission, { organisationId: 'o' });
    expect(parseEnvelope(JSON.parse(JSON.stringify(envelope)), registry)).toEqual({
      ...envelope,
      payload: { submission: submission.submissionId, answered: 2 },
    });
    const invalid = { ...envelope, payload: { ...submission, raterGroup: 'friend' } };
    const issues = (registryUsed: typeof catalogue) => {
      try {
        parseEnvelope(JSON.parse(JSON.stringify(invalid)), registryUsed);
        return null;
      } catch (error) {
        expect(error).toBeInstanceOf(EventValidationError);
        return (error as EventValidationError).issues;
      }
    };
    expect(issues(registry)).not.toBeNull();
    expect(issues(registry)).toEqual(issues(catalogue));
    expect(kept).toEqual([submission.submissionId]); // the invalid event was never turned
    expect(() => received.keyOf({ submission: 'x', answered: 0 })).toThrow(/not for publishing/);
  });

  it('hands the received form the text the event was read from, where the transport has it', () => {
    const texts: (string | undefined)[] = [];
    const received = receivedAs(surveySubmittedV1, (payload, text) => {
      texts.push(text?.payloadMember('answers')?.toString('utf8'));
      return payload.submissionId;
    });
    const registry = catalogue.with([received]);
    const envelope = createEnvelope(surveySubmittedV1, submission, { organisationId: 'o' });
    const text = JSON.stringify(envelope);
    expect(parseEnvelope(JSON.parse(text), registry, text).payload).toBe(submission.submissionId);
    expect(parseEnvelope(JSON.parse(text), registry).payload).toBe(submission.submissionId);
    expect(received.schema.parse(submission)).toBe(submission.submissionId); // the schema alone: no text
    expect(texts).toEqual([JSON.stringify(submission.answers), undefined, undefined]);
  });

  it('gives no member from bytes that are not UTF-8: their text, decoded with replacements, is not what they say', () => {
    const text = JSON.stringify({ payload: { comment: 'a\uFFFDb', other: 1 } });
    const valid = Buffer.from(text, 'utf8');
    expect(new ReceivedText(text, valid).payloadMember('comment')?.toString('utf8')).toBe('"a\uFFFDb"');
    // the same text as a transport may have decoded it from a stray byte (0xff) in place of the replacement character
    const at = valid.indexOf(Buffer.from('\uFFFD', 'utf8'));
    const invalid = Buffer.concat([valid.subarray(0, at), Buffer.from([0xff]), valid.subarray(at + 3)]);
    expect(invalid.toString('utf8')).toBe(text);
    expect(new ReceivedText(text, invalid).payloadMember('comment')).toBeUndefined();
    expect(new ReceivedText(text, invalid).payloadMember('other')?.toString('utf8')).toBe('1');
    // without bytes the text is encoded, so always valid
    expect(new ReceivedText(text).payloadMember('comment')?.toString('utf8')).toBe('"a\uFFFDb"');
  });

  it('keeps the reports topic to report.updated: every consumer of a topic fetches and decompresses all of it', () => {
    // A consumer of anything else on the reports topic would read every ~45 kB report only to skip it
    // (before session 21, the gateway's consumer of cycle results did).
    const onReports = catalogue.all().filter((c) => c.topic === reportUpdatedV1.topic);
    expect(onReports.map((c) => c.type)).toEqual(onReports.map(() => reportUpdatedV1.type));
    expect(onReports.length).toBeGreaterThan(0);
  });

  it('registers every contract of the catalogue by type and version', () => {
    expect(catalogue.find('report.updated', 1)).toBe(reportUpdatedV1);
    expect(catalogue.find('report.updated', 2)).toBe(reportUpdatedV2);
    expect(
      catalogue
        .all()
        .map((c) => `${c.type}@${c.version}`)
        .sort(),
    ).toEqual([
      'coaching.debrief-completed@1',
      'coaching.debrief-requested@1',
      'cycle.closed@1',
      'cycle.rater-pseudonyms@1',
      'cycle.rescore-requested@1',
      'cycle.responses-purge-requested@1',
      'cycle.score-requested@1',
      'cycle.scored@1',
      'development-plan.changed@1',
      'invitation.issued@2',
      'mail.delivery-updated@1',
      'nomination.approval-requested@1',
      'nomination.requested@1',
      'person.erased@1',
      'pulse.launched@1',
      'reminder.requested@1',
      'report.comparisons-updated@1',
      'report.updated@1',
      'report.updated@2',
      'response.counted@1',
      'response.recorded@1',
      'response.rejected@1',
      'results.released@1',
      'survey.submitted@1',
    ]);
    // invitation.issued v1 had neither producer nor consumer once launch emitted v2: removed.
    expect(catalogue.find('invitation.issued', 1)).toBeUndefined();
  });
});
