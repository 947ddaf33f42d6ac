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

/* The voucher reports (issue 12 item 9): aggregates under the caller's scope (RLS keeps them to its territory). */

/** Vouchers issued (cancelled ones left out) and what was spent with them, per comune of the household. */
export async function vouchersByComune(
  tx: Tx,
  programmeId: string | undefined,
): Promise<
  {
    comuneCode: string;
    comuneName: string;
    issued: number;
    issuedCents: number;
    redeemed: number;
    redeemedCents: number;
  }[]
> {
  return queryRows(
    tx,
    sql`SELECT v.comune_code AS "comuneCode", c.name AS "comuneName", count(*)::int AS issued,
               sum(v.amount_cents)::float8 AS "issuedCents",
               count(*) FILTER (WHERE v.balance_cents < v.amount_cents)::int AS redeemed,
               sum(v.amount_cents - v.balance_cents)::float8 AS "redeemedCents"
        FROM vouchers v JOIN comuni c ON c.istat_code = v.comune_code
        WHERE v.status <> 'cancelled' ${programmeId ? sql`AND v.programme_id = ${programmeId}` : sql``}
        GROUP BY 1, 2 ORDER BY 2`,
  );
}

/** Redemptions per accredited shop: how many, of how many vouchers, for how much. */
export async function redemptionsByShop(
  tx: Tx,
  programmeId: string | undefined,
): Promise<
  {
    shopId: string;
    shopName: string;
    comuneName: string;
    redemptions: number;
    vouchers: number;
    redeemedCents: number;
  }[]
> {
  return queryRows(
    tx,
    sql`SELECT s.id AS "shopId", s.name AS "shopName", c.name AS "comuneName", count(*)::int AS redemptions,
               count(DISTINCT r.voucher_id)::int AS vouchers, sum(r.amount_cents)::float8 AS "redeemedCents"
        FROM voucher_redemptions r JOIN voucher_shops s ON s.id = r.shop_id JOIN comuni c ON c.istat_code = s.comune_code
        ${programmeId ? sql`JOIN vouchers v ON v.id = r.voucher_id AND v.programme_id = ${programmeId}` : sql``}
        GROUP BY 1, 2, 3 ORDER BY 2`,
  );
}
