import { EventEnvelope, reportUpdatedV1, ResponseRecordedV1 } from '@leaderscope/events';
import { getInstrument } from '@leaderscope/framework';
import { RaterGroup, RaterResponse, scoreSubject } from '@leaderscope/scoring';
import { OutboxService } from '@leaderscope/service-kit';
import { Injectable } from '@nestjs/common';
import { RaterResponseEntity, SubjectReportEntity } from './report.entity';

/**
 * Stores a recorded response and rescores only its subject: the latest version of each rater's
 * answers, scored by @leaderscope/scoring, written as the subject's report, announced with
 * `report.updated` in the same transaction. A redelivered event changes nothing.
 */
@Injectable()
export class RescoreSubjectUseCase {
  static readonly consumer = 'rescore-subject';

  constructor(private readonly outbox: OutboxService) {}

  async execute(event: EventEnvelope<ResponseRecordedV1>): Promise<SubjectReportEntity | undefined> {
    const response = event.payload;
    return this.outbox.handleOnce(RescoreSubjectUseCase.consumer, event, async ({ manager, emit }) => {
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
        })
        .orIgnore()
        .execute();

      // One subject is rescored by one transaction at a time, so report versions never collide.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${response.cycleId}:${response.subjectId}`]);
      const latest: RaterResponseEntity[] = await manager
        .getRepository(RaterResponseEntity)
        .createQueryBuilder('r')
        .distinctOn(['r.raterId'])
        .where('r.cycleId = :cycleId AND r.subjectId = :subjectId', response)
        .orderBy('r.raterId')
        .addOrderBy('r.responseVersion', 'DESC')
        .getMany();

      const instrument = getInstrument(response.instrumentId, response.instrumentVersion);
      const responses: RaterResponse[] = latest.map((r) => ({
        raterId: r.raterId,
        group: r.raterGroup as RaterGroup,
        answers: r.answers,
      }));
      const scores = scoreSubject({ instrument, responses });

      const reports = manager.getRepository(SubjectReportEntity);
      const previous = await reports.findOneBy({ cycleId: response.cycleId, subjectId: response.subjectId });
      const report = reports.create({
        cycleId: response.cycleId,
        subjectId: response.subjectId,
        organisationId: event.organisationId,
        reportVersion: (previous?.reportVersion ?? 0) + 1,
        instrumentId: instrument.id,
        instrumentVersion: instrument.version,
        responseCount: latest.length,
        report: { scores } as Record<string, unknown>,
        scoredAt: new Date(),
      });
      await reports.save(report);
      emit(reportUpdatedV1, {
        cycleId: report.cycleId,
        subjectId: report.subjectId,
        reportVersion: report.reportVersion,
        instrumentId: report.instrumentId,
        instrumentVersion: report.instrumentVersion,
        responseCount: report.responseCount,
        report: report.report,
        scoredAt: report.scoredAt.toISOString(),
      }, { organisationId: event.organisationId, correlationId: event.correlationId });
      return report;
    });
  }
}
