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
