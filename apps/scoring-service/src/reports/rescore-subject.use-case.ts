import { EventEnvelope, reportUpdatedV1, ResponseRecordedV1 } from '@leaderscope/events';
import { OutboxService } from '@leaderscope/service-kit';
import { Injectable } from '@nestjs/common';
import { computeSubjectReport, latestResponses, reportSeed } from './compute-report';
import { LIVE_RESULT_SET, RaterResponseEntity, SubjectReportEntity } from './report.entity';

/**
 * Stores a recorded response and rescores only its subject (live result set): the latest version of
 * each rater's answers, scored by @leaderscope/scoring's buildSubjectReport under the response's
 * instrument version and policy, written as the subject's report with the next `reportVersion`, and
 * announced with `report.updated` in the same transaction. A redelivered event changes nothing.
 */
@Injectable()
export class RescoreSubjectUseCase {
  static readonly consumer = 'rescore-subject';

  constructor(private readonly outbox: OutboxService) {}

  async execute(event: EventEnvelope<ResponseRecordedV1>): Promise<SubjectReportEntity | undefined> {
    const response = event.payload;
    return this.outbox.handleOnce(RescoreSubjectUseCase.consumer, event, async ({ manager, emit }) => {
      // One subject is rescored by one transaction at a time, so report versions never collide and
      // the subject's report.updated events enter the outbox in version order.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`scoring:${response.cycleId}:${response.subjectId}`]);
      await manager
        .createQueryBuilder()
        .insert()
        .into(RaterResponseEntity)
        .values({
          responseId: response.responseId,
          organisationId: event.organisationId,
          cycleId: response.cycleId,
          subjectId: response.subjectId,
          raterId: response.raterId,
          raterGroup: response.raterGroup,
          instrumentId: response.instrumentId,
          instrumentVersion: response.instrumentVersion,
          responseVersion: response.responseVersion,
          answers: response.answers,
          comments: response.comments,
          policy: response.policy,
          recordedAt: new Date(response.recordedAt),
        })
        .orIgnore()
        .execute();

      const latest = await latestResponses(manager, response.cycleId, response.subjectId);
      const basis = {
        instrumentId: response.instrumentId,
        instrumentVersion: response.instrumentVersion,
        roleProfileId: response.policy.roleProfileId,
        minGroupSize: response.policy.minGroupSize,
      };
      const computed = computeSubjectReport(latest, basis, reportSeed(response.cycleId, response.subjectId));

      const reports = manager.getRepository(SubjectReportEntity);
      const key = { cycleId: response.cycleId, subjectId: response.subjectId, resultSet: LIVE_RESULT_SET };
      const previous = await reports.findOneBy(key);
      const report = reports.create({
        ...key,
        organisationId: event.organisationId,
        reportVersion: (previous?.reportVersion ?? 0) + 1,
        ...basis,
        groupCounts: computed.groupCounts,
        responseCount: computed.responseCount,
        report: computed.report as unknown as Record<string, unknown>,
        scoredAt: new Date(),
      });
      await reports.save(report);
      emit(reportUpdatedV1, toReportUpdated(report), { organisationId: event.organisationId, correlationId: event.correlationId });
      return report;
    });
  }
}

/** The `report.updated` payload of a stored report. */
export function toReportUpdated(report: SubjectReportEntity) {
  return {
    cycleId: report.cycleId,
    subjectId: report.subjectId,
    resultSet: report.resultSet,
    reportVersion: report.reportVersion,
    instrumentId: report.instrumentId,
    instrumentVersion: report.instrumentVersion,
    roleProfileId: report.roleProfileId,
    groupCounts: report.groupCounts,
    responseCount: report.responseCount,
    report: report.report,
    scoredAt: report.scoredAt.toISOString(),
  };
}
