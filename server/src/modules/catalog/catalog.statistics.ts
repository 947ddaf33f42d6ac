import { pgArray, queryRows, sql, type Tx } from '../../platform/db/database.js';

/*
 * Catalogue orders of a year by tariff band, for the annual report: aggregates only, under the
 * caller's scope. The band is the one frozen on the order when it was placed.
 */

export interface TariffBandFigures {
  /** `band-1`…, `full_tariff`, `no_isee`, `capped_price` (no tariff rule), as the order's basis says. */
  band: string;
  orders: number;
  /** Distinct people who ordered. */
  people: number;
  totalCents: number;
  subsidyCents: number;
}

/** Orders placed in the year in the comuni (declined and cancelled ones left out), by tariff band. */
export async function ordersByTariffBand(
  tx: Tx,
  filter: { year: number; comuni: readonly string[] },
): Promise<TariffBandFigures[]> {
  return queryRows<TariffBandFigures>(
    tx,
    sql`SELECT CASE WHEN o.tariff->>'basis' = 'band' THEN 'band-' || ((o.tariff->>'band')::int + 1)
                    ELSE coalesce(o.tariff->>'basis', 'capped_price') END AS band,
               count(*)::int AS orders, count(DISTINCT o.person_id)::int AS people,
               sum(o.total_cents)::float8 AS "totalCents", sum(o.subsidy_cents)::float8 AS "subsidyCents"
        FROM catalog_orders o
        WHERE o.status NOT IN ('declined', 'cancelled')
          AND o.created_at >= make_timestamptz(${filter.year}, 1, 1, 0, 0, 0, 'Europe/Rome')
          AND o.created_at < make_timestamptz(${filter.year + 1}, 1, 1, 0, 0, 0, 'Europe/Rome')
          AND o.comune_code = ANY(${pgArray(filter.comuni)}::text[])
        GROUP BY 1 ORDER BY 1`,
  );
}
