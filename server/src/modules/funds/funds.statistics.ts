import { pgArray, queryRows, sql, type Tx } from '../../platform/db/database.js';

/*
 * Money of a year by funding source, for the annual report: sums of the ledger only, in the
 * caller's scoped transaction (row-level security limits them to its territory).
 */

export interface SourceFigures {
  /** The funding source's kind (pnrr, foundation, comune, region, national, donations, other). */
  kind: string;
  /** Allocated to the comuni in the year: their shares of allocations made that year. */
  allocatedCents: number;
  /** Spent in the year: expenses less their reversals, on lines of the comuni. */
  spentCents: number;
}

/** Allocated and spent in the year in the comuni, by kind of funding source. */
export async function moneyBySource(
  tx: Tx,
  filter: { year: number; comuni: readonly string[] },
): Promise<SourceFigures[]> {
  return queryRows<SourceFigures>(
    tx,
    sql`WITH line AS (
          SELECT l.id, l.allocation_id, l.budget_cents, l.comune_code, coalesce(s.kind, 'other') AS kind
          FROM fund_lines l LEFT JOIN fund_sources s ON s.id = l.source_id),
        allocated AS (
          SELECT line.kind, sum(line.budget_cents) AS cents
          FROM line JOIN fund_allocations a ON a.id = line.allocation_id
          WHERE date_part('year', a.created_at AT TIME ZONE 'Europe/Rome') = ${filter.year}
            AND line.comune_code = ANY(${pgArray(filter.comuni)}::text[])
          GROUP BY 1),
        spent AS (
          SELECT line.kind,
                 sum(CASE m.kind WHEN 'expense' THEN m.amount_cents
                                 WHEN 'reversal' THEN -CASE r.kind WHEN 'expense' THEN m.amount_cents ELSE 0 END
                                 ELSE 0 END) AS cents
          FROM fund_movements m JOIN line ON line.id = m.line_id
          LEFT JOIN fund_movements r ON r.id = m.reverses_id
          WHERE date_part('year', m.occurred_on) = ${filter.year}
            AND coalesce(m.comune_code, line.comune_code) = ANY(${pgArray(filter.comuni)}::text[])
          GROUP BY 1)
        SELECT coalesce(a.kind, s.kind) AS kind, coalesce(a.cents, 0)::float8 AS "allocatedCents",
               coalesce(s.cents, 0)::float8 AS "spentCents"
        FROM allocated a FULL JOIN spent s ON s.kind = a.kind
        ORDER BY 1`,
  );
}
