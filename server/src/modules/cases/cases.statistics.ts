import { pgArray, queryRows, sql, type Tx } from '../../platform/db/database.js';

/*
 * Case files of a year, for the annual report: counts only, nothing of a file's content, in the
 * caller's scoped transaction (row-level security limits them to its territory).
 */

export interface CaseCount {
  year: number;
  comuneCode: string;
  /** 'opened' or 'closed' in the year. */
  event: 'opened' | 'closed';
  area: string;
  count: number;
}

/** The areas of a case, in the order of the report, with their Italian label. */
export const CASE_AREAS = [
  { key: 'elderly', label: 'Anziani' },
  { key: 'disability', label: 'Disabilità' },
  { key: 'minors_family', label: 'Minori e famiglia' },
  { key: 'poverty', label: 'Povertà ed esclusione' },
  { key: 'adults', label: 'Adulti in difficoltà' },
] as const;

/** The outcomes of a plan's goals, with their Italian label. */
export const GOAL_OUTCOME_LABELS = [
  { key: 'achieved', label: 'Raggiunto' },
  { key: 'partially_achieved', label: 'Raggiunto in parte' },
  { key: 'not_achieved', label: 'Non raggiunto' },
  { key: 'withdrawn', label: 'Ritirato' },
] as const;

/** Cases opened and closed in each year from `fromYear` to `year`, by comune and area. */
export async function caseCounts(
  tx: Tx,
  filter: { fromYear: number; year: number; comuni: readonly string[] },
): Promise<CaseCount[]> {
  return queryRows<CaseCount>(
    tx,
    sql`SELECT e.year, c.comune_code AS "comuneCode", e.event, c.area, count(*)::int AS count
        FROM cases c
        CROSS JOIN LATERAL (VALUES ('opened', date_part('year', c.opened_on)::int),
                                   ('closed', date_part('year', c.closed_on)::int)) AS e(event, year)
        WHERE e.year BETWEEN ${filter.fromYear} AND ${filter.year}
          AND c.comune_code = ANY(${pgArray(filter.comuni)}::text[])
        GROUP BY 1, 2, 3, 4`,
  );
}

/** Goals of the plans closed in the year, by outcome (plans of people of the comuni). */
export async function planGoalOutcomes(
  tx: Tx,
  filter: { year: number; comuni: readonly string[] },
): Promise<{ outcome: string; goals: number; plans: number }[]> {
  return queryRows(
    tx,
    sql`SELECT g.outcome, count(*)::int AS goals, count(DISTINCT p.id)::int AS plans
        FROM case_plans p JOIN case_plan_goals g ON g.plan_id = p.id
        WHERE p.state = 'closed' AND date_part('year', p.closed_on) = ${filter.year} AND g.outcome IS NOT NULL
          AND p.comune_code = ANY(${pgArray(filter.comuni)}::text[])
        GROUP BY 1`,
  );
}

/** Protected discharges from hospital in the year (by discharge date): how many, and how many completed. */
export async function dischargeCounts(
  tx: Tx,
  filter: { year: number; comuni: readonly string[] },
): Promise<{ discharges: number; completed: number; withHomePlan: number }> {
  const [row] = await queryRows<{ discharges: number; completed: number; withHomePlan: number }>(
    tx,
    sql`SELECT count(*)::int AS discharges, count(*) FILTER (WHERE d.status = 'completed')::int AS completed,
               count(*) FILTER (WHERE d.home_plan_id IS NOT NULL)::int AS "withHomePlan"
        FROM case_discharges d
        WHERE date_part('year', d.discharge_on) = ${filter.year}
          AND d.comune_code = ANY(${pgArray(filter.comuni)}::text[])`,
  );
  return row!;
}
