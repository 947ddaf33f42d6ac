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

/**
 * Volunteers active and hours given in each year from `fromYear` to `year`, in the comuni's tasks:
 * from the yearly summary per volunteer that triggers keep equal to the tasks (migration 20261204150000).
 */
export async function volunteerYears(
  tx: Tx,
  filter: { fromYear: number; year: number; comuni: readonly string[] },
): Promise<VolunteerYear[]> {
  return queryRows<VolunteerYear>(
    tx,
    sql`SELECT s.year, count(DISTINCT s.volunteer_id)::int AS "activeVolunteers",
               sum(s.tasks_done)::int AS "tasksDone", round(sum(s.service_minutes) / 60.0, 1)::float8 AS hours
        FROM task_year_volunteers s
        WHERE s.tasks_done > 0 AND s.year BETWEEN ${filter.fromYear} AND ${filter.year}
          AND s.comune_code = ANY(${pgArray(filter.comuni)}::text[])
        GROUP BY 1 ORDER BY 1`,
  );
}
