import { pgArray, queryRows, sql, type Tx } from '../../platform/db/database.js';

/* Volunteers registered in a territory, for the annual report: aggregates only, under the caller's scope. */

/** Volunteers approved by the end of the year and living in the comuni, and those who offered in the year. */
export async function volunteerRegister(
  tx: Tx,
  filter: { year: number; comuni: readonly string[] },
): Promise<{ approved: number; offeredInYear: number }> {
  const [row] = await queryRows<{ approved: number; offeredInYear: number }>(
    tx,
    sql`SELECT count(*) FILTER (WHERE v.status = 'approved'
                 AND v.created_at < make_timestamptz(${filter.year + 1}, 1, 1, 0, 0, 0, 'Europe/Rome'))::int AS approved,
               count(*) FILTER (WHERE date_part('year', v.created_at AT TIME ZONE 'Europe/Rome') = ${filter.year})::int AS "offeredInYear"
        FROM volunteers v
        WHERE v.comune_code = ANY(${pgArray(filter.comuni)}::text[])`,
  );
  return row!;
}
