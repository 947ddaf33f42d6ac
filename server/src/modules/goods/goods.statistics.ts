import { pgArray, queryRows, sql, type Tx } from '../../platform/db/database.js';

/* Goods given out in a year, for the annual report: aggregates only, under the caller's scope. */

/** Food parcels and campaign hand-outs of the year from points in the comuni (reversed ones left out). */
export async function goodsGivenOut(
  tx: Tx,
  filter: { year: number; comuni: readonly string[] },
): Promise<{ parcels: number; campaignHandOuts: number; units: number }> {
  const [row] = await queryRows<{ parcels: number; campaignHandOuts: number; units: number }>(
    tx,
    sql`SELECT count(DISTINCT b.id) FILTER (WHERE b.kind = 'parcel')::int AS parcels,
               count(DISTINCT b.id) FILTER (WHERE b.kind = 'campaign')::int AS "campaignHandOuts",
               coalesce(-sum(m.quantity), 0)::int AS units
        FROM stock_batches b JOIN stock_movements m ON m.batch_id = b.id
        WHERE b.kind IN ('parcel', 'campaign') AND date_part('year', b.occurred_on) = ${filter.year}
          AND b.comune_code = ANY(${pgArray(filter.comuni)}::text[])
          AND NOT EXISTS (SELECT 1 FROM stock_batches rb WHERE rb.reverses_batch_id = b.id)`,
  );
  return row!;
}

/* The goods reports (issue 12 item 9): aggregates under the caller's scope (RLS keeps them to its territory). */

/** Lots with stock and units in stock, per point. */
export async function stockTotalsByPoint(
  tx: Tx,
): Promise<{ point_id: string; lots: number; units: number }[]> {
  return queryRows(
    tx,
    sql`SELECT b.point_id, count(*) FILTER (WHERE b.quantity > 0)::int AS lots, coalesce(sum(b.quantity), 0)::int AS units
        FROM stock_balances b GROUP BY b.point_id`,
  );
}

/** Parcels assembled per ISO week over the `weeks` weeks ending with today's (reversed ones left out). */
export async function parcelsPerWeek(
  tx: Tx,
  filter: { weeks: number; today: string },
): Promise<{ week: string; week_start: string; parcels: number; delivered: number; picked_up: number }[]> {
  return queryRows(
    tx,
    sql`WITH w AS (
          SELECT generate_series(date_trunc('week', ${filter.today}::date) - make_interval(weeks => ${filter.weeks - 1}::int),
                                 date_trunc('week', ${filter.today}::date), interval '1 week')::date AS week_start)
        SELECT to_char(w.week_start, 'IYYY-"W"IW') AS week, to_char(w.week_start, 'YYYY-MM-DD') AS week_start,
               count(p.id)::int AS parcels,
               count(p.id) FILTER (WHERE p.delivery = 'delivery')::int AS delivered,
               count(p.id) FILTER (WHERE p.picked_up_at IS NOT NULL)::int AS picked_up
        FROM w LEFT JOIN parcels p ON date_trunc('week', p.assembled_on)::date = w.week_start
          AND NOT EXISTS (SELECT 1 FROM stock_batches rb WHERE rb.reverses_batch_id = p.batch_id)
        GROUP BY w.week_start ORDER BY w.week_start`,
  );
}
