import { pgArray, queryRows, sql, type Tx } from '../../platform/db/database.js';

/* Vouchers and economic support of a year, for the annual report: aggregates only, under the caller's scope. */

/** Vouchers issued in the year in the comuni (cancelled ones left out) and what was spent with them. */
export async function voucherFigures(
  tx: Tx,
  filter: { year: number; comuni: readonly string[] },
): Promise<{ issued: number; households: number; issuedCents: number; redeemedCents: number }> {
  const [row] = await queryRows<{
    issued: number;
    households: number;
    issuedCents: number;
    redeemedCents: number;
  }>(
    tx,
    sql`SELECT count(*)::int AS issued, count(DISTINCT v.household_key)::int AS households,
               coalesce(sum(v.amount_cents), 0)::float8 AS "issuedCents",
               coalesce(sum(v.amount_cents - v.balance_cents), 0)::float8 AS "redeemedCents"
        FROM vouchers v
        WHERE v.status <> 'cancelled' AND date_part('year', v.issued_at AT TIME ZONE 'Europe/Rome') = ${filter.year}
          AND v.comune_code = ANY(${pgArray(filter.comuni)}::text[])`,
  );
  return row!;
}

/** Economic support paid in the year (contributions, rent fund, bonuses), by kind of programme. */
export async function supportPaid(
  tx: Tx,
  filter: { year: number; comuni: readonly string[] },
): Promise<{ kind: string; households: number; paidCents: number }[]> {
  return queryRows(
    tx,
    sql`SELECT p.kind, count(DISTINCT a.household_key)::int AS households, sum(a.amount_cents)::float8 AS "paidCents"
        FROM programme_applications a JOIN support_programmes p ON p.id = a.programme_id
        WHERE a.status = 'paid' AND p.kind <> 'voucher' AND date_part('year', a.paid_at AT TIME ZONE 'Europe/Rome') = ${filter.year}
          AND a.comune_code = ANY(${pgArray(filter.comuni)}::text[])
        GROUP BY 1 ORDER BY 1`,
  );
}
