import { queryRows, sql, type Tx } from '../../platform/db/database.js';
import type { Narrative, ReportFigures } from '../../../../shared/src/reports/social-report.schemas.js';

/* The only SQL of the annual social reports (aggregates and staff's text, no personal data). */

export interface SocialReportRow {
  id: string;
  year: number;
  territory: string;
  territory_name: string;
  version: number;
  status: 'generating' | 'draft' | 'published' | 'failed';
  progress: { done: number; of: number } | null;
  figures: ReportFigures | null;
  narrative: Narrative;
  error: string | null;
  requested_at: Date | string;
  generated_at: Date | string | null;
  published_at: Date | string | null;
}

const COLUMNS = sql`id, year, territory, territory_name, version, status, progress, figures, narrative, error,
  requested_at, generated_at, published_at`;
const SUMMARY = sql`id, year, territory, territory_name, version, status, progress, NULL::jsonb AS figures,
  narrative, error, requested_at, generated_at, published_at`;

/**
 * A new version of a territory's report for the year, to be generated. It starts from the
 * narrative of the latest version, so the staff's text carries over to a re-generation.
 */
export async function insertReport(
  tx: Tx,
  report: { year: number; territory: string; territoryName: string; requestedBy: string | null },
): Promise<SocialReportRow> {
  // Serialise the versions of one territory and year, so two never take the same number.
  await tx.execute(
    sql`SELECT pg_advisory_xact_lock(hashtext(${`social-report:${report.year}:${report.territory}`}))`,
  );
  const [row] = await queryRows<SocialReportRow>(
    tx,
    sql`INSERT INTO social_reports (year, territory, territory_name, version, narrative, requested_by)
        SELECT ${report.year}, ${report.territory}, ${report.territoryName},
               coalesce(max(version), 0) + 1,
               coalesce((array_agg(narrative ORDER BY version DESC))[1], '{}'::jsonb),
               ${report.requestedBy}
        FROM social_reports WHERE year = ${report.year} AND territory = ${report.territory}
        RETURNING ${COLUMNS}`,
  );
  return row!;
}

export async function findReport(tx: Tx, id: string): Promise<SocialReportRow | null> {
  const [row] = await queryRows<SocialReportRow>(
    tx,
    sql`SELECT ${COLUMNS} FROM social_reports WHERE id = ${id}`,
  );
  return row ?? null;
}

/** The row locked for a change (narrative, publication). */
export async function lockReport(tx: Tx, id: string): Promise<SocialReportRow | null> {
  const [row] = await queryRows<SocialReportRow>(
    tx,
    sql`SELECT ${COLUMNS} FROM social_reports WHERE id = ${id} FOR UPDATE`,
  );
  return row ?? null;
}

/** Versions of every report (or of one territory, one year), newest first, without their figures. */
export async function listReports(
  tx: Tx,
  filter: { territory?: string | undefined; year?: number | undefined },
): Promise<SocialReportRow[]> {
  return queryRows<SocialReportRow>(
    tx,
    sql`SELECT ${SUMMARY} FROM social_reports
        WHERE (${filter.territory ?? null}::text IS NULL OR territory = ${filter.territory ?? null})
          AND (${filter.year ?? null}::int IS NULL OR year = ${filter.year ?? null})
        ORDER BY year DESC, territory, version DESC`,
  );
}

/** The latest published version of a territory's report for the year. */
export async function findPublished(
  tx: Tx,
  year: number,
  territory: string,
): Promise<SocialReportRow | null> {
  const [row] = await queryRows<SocialReportRow>(
    tx,
    sql`SELECT ${COLUMNS} FROM social_reports WHERE year = ${year} AND territory = ${territory} AND status = 'published'
        ORDER BY version DESC LIMIT 1`,
  );
  return row ?? null;
}

/** The latest published version of every report, newest year first, without figures. */
export async function listPublished(tx: Tx): Promise<SocialReportRow[]> {
  return queryRows<SocialReportRow>(
    tx,
    sql`SELECT DISTINCT ON (year, territory) ${SUMMARY} FROM social_reports WHERE status = 'published'
        ORDER BY year DESC, territory, version DESC`,
  );
}

export async function saveProgress(
  tx: Tx,
  id: string,
  progress: { done: number; of: number },
): Promise<void> {
  await tx.execute(
    sql`UPDATE social_reports SET progress = ${JSON.stringify(progress)}::jsonb WHERE id = ${id} AND status = 'generating'`,
  );
}

export async function finishGeneration(
  tx: Tx,
  id: string,
  outcome: { figures: ReportFigures } | { error: string },
): Promise<void> {
  await tx.execute(sql`
    UPDATE social_reports
    SET status = ${'figures' in outcome ? 'draft' : 'failed'},
        figures = ${'figures' in outcome ? JSON.stringify(outcome.figures) : null}::jsonb,
        error = ${'error' in outcome ? outcome.error : null}, progress = NULL, generated_at = now()
    WHERE id = ${id} AND status = 'generating'`);
}

export async function saveNarrative(tx: Tx, id: string, narrative: Narrative): Promise<void> {
  await tx.execute(
    sql`UPDATE social_reports SET narrative = ${JSON.stringify(narrative)}::jsonb WHERE id = ${id}`,
  );
}

export async function markPublished(tx: Tx, id: string, userId: string): Promise<void> {
  await tx.execute(
    sql`UPDATE social_reports SET status = 'published', published_at = now(), published_by = ${userId} WHERE id = ${id}`,
  );
}
