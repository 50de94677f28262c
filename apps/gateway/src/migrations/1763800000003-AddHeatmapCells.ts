import { MigrationInterface, QueryRunner } from 'typeorm';

/** The heatmap's cells beside each report, so the heatmap never reads whole reports. */
const CELLS = `(SELECT coalesce(jsonb_agg(jsonb_build_object(
    'dimensionId', d->>'dimensionId',
    'suppressed', coalesce((d->'others'->>'suppressed')::boolean, false),
    'mean', CASE WHEN d->'others' ? 'suppressed' THEN NULL ELSE d->'others'->'mean' END,
    'fit', d->'expectation'->'fit') ORDER BY o), '[]'::jsonb)
  FROM jsonb_array_elements("report"->'scores'->'dimensions') WITH ORDINALITY AS x(d, o))`;

export class AddHeatmapCells1763800000003 implements MigrationInterface {
  name = 'AddHeatmapCells1763800000003';

  async up(q: QueryRunner): Promise<void> {
    for (const table of ['subject_report', 'published_report']) {
      await q.query(
        `ALTER TABLE "gateway"."${table}" ADD COLUMN "cells" jsonb NOT NULL DEFAULT '[]', ADD COLUMN "overall_fit" float8 NULL`,
      );
      await q.query(`UPDATE "gateway"."${table}" SET "cells" = ${CELLS}, "overall_fit" = ("report"->'overall'->>'fit')::float8`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['subject_report', 'published_report']) {
      await q.query(`ALTER TABLE "gateway"."${table}" DROP COLUMN "cells", DROP COLUMN "overall_fit"`);
    }
  }
}
