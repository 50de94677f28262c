import { MigrationInterface, QueryRunner } from 'typeorm';

/** The gateway's read model of mail delivery, fed by `mail.delivery-updated` from the notification service. */
export class CreateMailDelivery1764200000001 implements MigrationInterface {
  name = 'CreateMailDelivery1764200000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "gateway"."mail_delivery" (
        "mail_id" uuid PRIMARY KEY,
        "organisation_id" uuid NOT NULL,
        "cycle_id" uuid NOT NULL,
        "subject_id" uuid NOT NULL,
        "assignment_id" uuid NULL,
        "recipient_person_id" uuid NOT NULL,
        "kind" text NOT NULL,
        "email" text NULL,
        "status" text NOT NULL,
        "reason" text NULL,
        "attempts" int NOT NULL,
        "sequence" int NOT NULL,
        "content" jsonb NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX "mail_delivery_by_cycle" ON "gateway"."mail_delivery" ("cycle_id")`);
    await queryRunner.query(`CREATE INDEX "mail_delivery_by_assignment" ON "gateway"."mail_delivery" ("assignment_id")`);
    await queryRunner.query(
      `CREATE INDEX "mail_delivery_outbox" ON "gateway"."mail_delivery" ("organisation_id", "created_at") WHERE "status" = 'recorded'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "gateway"."mail_delivery"`);
  }
}
