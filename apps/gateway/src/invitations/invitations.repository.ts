import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { chunks } from '../common/ids';
import { AssignmentEntity } from './assignment.entity';

/** A rater to remind: their assignment and, if they have one, their e-mail address. */
export interface PendingRater {
  id: string;
  cycleId: string;
  subjectId: string;
  raterPersonId: string;
  email: string | null;
}

/** Assignments: one rater asked about one subject, with the survey token behind their link. */
@Injectable()
export class InvitationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** New assignments (invited, no drafts yet), 10,000 rows per statement as arrays. */
  async insert(manager: EntityManager, rows: AssignmentEntity[]): Promise<void> {
    for (const slice of chunks(rows, 10000))
      await manager.query(
        `INSERT INTO "gateway"."assignment"
           (id, organisation_id, cycle_id, subject_id, rater_person_id, rater_group, token_hash, token_cipher, status,
            draft_answers, draft_comments, invited_at, started_at, submitted_at, reminded_at, revoked_at)
         SELECT id, organisation_id, cycle_id, subject_id, rater_person_id, rater_group, token_hash, token_cipher, status,
                draft_answers, draft_comments, invited_at, started_at, submitted_at, reminded_at, revoked_at
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::text[], $9::text[],
                     $10::jsonb[], $11::jsonb[], $12::timestamptz[], $13::timestamptz[], $14::timestamptz[], $15::timestamptz[], $16::timestamptz[])
           AS a(id, organisation_id, cycle_id, subject_id, rater_person_id, rater_group, token_hash, token_cipher, status,
                draft_answers, draft_comments, invited_at, started_at, submitted_at, reminded_at, revoked_at)`,
        [
          slice.map((r) => r.id),
          slice.map((r) => r.organisationId),
          slice.map((r) => r.cycleId),
          slice.map((r) => r.subjectId),
          slice.map((r) => r.raterPersonId),
          slice.map((r) => r.raterGroup),
          slice.map((r) => r.tokenHash),
          slice.map((r) => r.tokenCipher),
          slice.map((r) => r.status),
          slice.map((r) => JSON.stringify(r.draftAnswers)),
          slice.map((r) => JSON.stringify(r.draftComments)),
          slice.map((r) => r.invitedAt),
          slice.map((r) => r.startedAt),
          slice.map((r) => r.submittedAt),
          slice.map((r) => r.remindedAt),
          slice.map((r) => r.revokedAt),
        ],
      );
  }

  ofCycle(cycleId: string): Promise<AssignmentEntity[]> {
    return this.dataSource.getRepository(AssignmentEntity).find({ where: { cycleId }, order: { subjectId: 'ASC', raterGroup: 'ASC' } });
  }

  findInOrganisation(organisationId: string, id: string): Promise<AssignmentEntity | null> {
    return this.dataSource.getRepository(AssignmentEntity).findOneBy({ id, organisationId });
  }

  async revoke(manager: EntityManager, id: string): Promise<void> {
    await manager.getRepository(AssignmentEntity).update({ id }, { revokedAt: new Date() });
  }

  /**
   * Marks the cycle's pending raters (invited or started, link not revoked) reminded at `at`, a slice
   * at a time in (subject, assignment) order, and yields each slice with the rater's e-mail address:
   * the gateway holds one slice, however many raters wait (150,000 in a cycle of 10,000 leaders, more
   * than one statement's 65,535 parameters could name).
   */
  async *markPendingReminded(
    manager: EntityManager,
    cycle: { id: string; organisationId: string },
    at: Date,
    sliceSize = 5000,
  ): AsyncGenerator<PendingRater[]> {
    let after = { subjectId: '00000000-0000-0000-0000-000000000000', id: '00000000-0000-0000-0000-000000000000' };
    for (;;) {
      const slice: PendingRater[] = await manager.query(
        `WITH due AS (
           SELECT a."id" FROM "gateway"."assignment" a
           WHERE a."cycle_id" = $1 AND a."revoked_at" IS NULL AND a."status" IN ('invited', 'started')
             AND (a."subject_id", a."id") > ($2::uuid, $3::uuid)
           ORDER BY a."subject_id", a."id" LIMIT $4
         ), marked AS (
           UPDATE "gateway"."assignment" a SET "reminded_at" = $5 FROM due WHERE a."id" = due."id"
           RETURNING a."id", a."cycle_id", a."subject_id", a."rater_person_id"
         )
         SELECT m."id", m."cycle_id" AS "cycleId", m."subject_id" AS "subjectId", m."rater_person_id" AS "raterPersonId", p."email"
         FROM marked m LEFT JOIN "gateway"."person" p ON p."id" = m."rater_person_id" AND p."organisation_id" = $6
         ORDER BY m."subject_id", m."id"`,
        [cycle.id, after.subjectId, after.id, sliceSize, at, cycle.organisationId],
      );
      if (slice.length > 0) yield slice;
      if (slice.length < sliceSize) return;
      after = slice[slice.length - 1];
    }
  }
}
