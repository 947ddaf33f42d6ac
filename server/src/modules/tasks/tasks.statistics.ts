import { pgArray, queryRows, sql, type Tx } from '../../platform/db/database.js';

/*
 * Yearly figures of the volunteers' work, for the annual report: aggregates only, in the caller's
 * scoped transaction (row-level security limits them to its territory).
 */

export interface VolunteerYear {
  year: number;
  /** Distinct volunteers with at least one task done in the year. */
  activeVolunteers: number;
  tasksDone: number;
  /** Hours of service of the tasks done (their planned service minutes). */
  hours: number;
}

/** Volunteers active and hours given in each year from `fromYear` to `year`, in the comuni's tasks. */
export async function volunteerYears(
  tx: Tx,
  filter: { fromYear: number; year: number; comuni: readonly string[] },
): Promise<VolunteerYear[]> {
  return queryRows<VolunteerYear>(
    tx,
    sql`SELECT date_part('year', t.due_date)::int AS year,
               count(DISTINCT t.volunteer_id)::int AS "activeVolunteers",
               count(*)::int AS "tasksDone",
               round(sum(t.service_minutes) / 60.0, 1)::float8 AS hours
        FROM tasks t
        WHERE t.status = 'done'
          AND t.due_date >= make_date(${filter.fromYear}, 1, 1) AND t.due_date < make_date(${filter.year + 1}, 1, 1)
          AND t.comune_code = ANY(${pgArray(filter.comuni)}::text[])
        GROUP BY 1 ORDER BY 1`,
  );
}
