import { pgArray, queryRows, sql, type Tx } from '../../platform/db/database.js';
import type { ProgrammeRule } from '../../../../shared/src/vouchers/vouchers.schemas.js';
import type {
  ApplicationStatus,
  CreateProgrammeBody,
} from '../../../../shared/src/vouchers/vouchers.schemas.js';

/* The only SQL on programmes, applications, vouchers, shops and fraud signals. RLS limits the personal ones. */

const ts = (column: string) => sql.raw(`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`);
const day = (column: string) => sql.raw(`to_char(${column}, 'YYYY-MM-DD')`);

export interface ProgrammeRow {
  id: string;
  kind: 'voucher' | 'solidarity_fund' | 'rent_fund' | 'utility_bonus';
  name: string;
  comune_code: string;
  comune_name: string;
  rule: ProgrammeRule;
  valid_from: string;
  valid_until: string;
  budget_cents: number;
  committed_cents: number;
  /** The programme's budget line on the funds ledger (null: booked on the row, programmes made before it). */
  fund_line_id: string | null;
  required_documents: string[];
}

const SELECT_PROGRAMME = sql`
  SELECT p.id, p.kind, p.name, p.comune_code, c.name AS comune_name, p.rule, ${day('p.valid_from')} AS valid_from,
         ${day('p.valid_until')} AS valid_until, p.budget_cents::float8 AS budget_cents, p.committed_cents::float8 AS committed_cents,
         p.fund_line_id, p.required_documents
  FROM support_programmes p JOIN comuni c ON c.istat_code = p.comune_code`;

export async function insertProgramme(tx: Tx, body: CreateProgrammeBody, createdBy: string): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`INSERT INTO support_programmes (kind, name, comune_code, rule, valid_from, valid_until, budget_cents, required_documents, created_by)
        VALUES (${body.kind}, ${body.name}, ${body.comuneCode}, ${JSON.stringify(body.rule)}::jsonb, ${body.validFrom}, ${body.validUntil},
                ${body.budgetCents}, ${pgArray(body.requiredDocuments ?? [])}::text[], ${createdBy})
        RETURNING id`,
  );
  return row!.id;
}

/** Links the programme to its budget line on the funds ledger. */
export async function setFundLine(tx: Tx, programmeId: string, lineId: string): Promise<void> {
  await tx.execute(sql`UPDATE support_programmes SET fund_line_id = ${lineId} WHERE id = ${programmeId}`);
}

export async function findProgramme(
  tx: Tx,
  id: string,
  options: { lock?: boolean } = {},
): Promise<ProgrammeRow | null> {
  const [row] = await queryRows<ProgrammeRow>(
    tx,
    options.lock
      ? sql`${SELECT_PROGRAMME} WHERE p.id = ${id} FOR UPDATE OF p`
      : sql`${SELECT_PROGRAMME} WHERE p.id = ${id}`,
  );
  return row ?? null;
}

export async function listProgrammes(tx: Tx, comuni: readonly string[] | 'all'): Promise<ProgrammeRow[]> {
  return queryRows<ProgrammeRow>(
    tx,
    sql`${SELECT_PROGRAMME} ${comuni === 'all' ? sql`` : sql`WHERE p.comune_code = ANY(${pgArray(comuni)}::text[])`}
        ORDER BY p.valid_from DESC, p.name`,
  );
}

/**
 * Books an amount against the programme's budget; the row is locked by the caller (findProgramme lock).
 * @returns false when the budget does not cover it (nothing changed).
 */
export async function commitBudget(tx: Tx, programmeId: string, amountCents: number): Promise<boolean> {
  const rows = await queryRows(
    tx,
    sql`UPDATE support_programmes SET committed_cents = committed_cents + ${amountCents}
        WHERE id = ${programmeId} AND committed_cents + ${amountCents} <= budget_cents RETURNING 1`,
  );
  return rows.length === 1;
}

export interface ProgrammeTotals {
  redeemed_cents: number;
  paid_cents: number;
  vouchers_issued: number;
  by_status: Record<string, number>;
}

/** Spending and applications of the programme visible in the actor's territory. */
export async function programmeTotals(tx: Tx, programmeId: string): Promise<ProgrammeTotals> {
  const [spent] = await queryRows<{ redeemed: number; issued: number }>(
    tx,
    sql`SELECT coalesce(sum(v.amount_cents - v.balance_cents), 0)::float8 AS redeemed, count(*)::int AS issued
        FROM vouchers v WHERE v.programme_id = ${programmeId}`,
  );
  const statuses = await queryRows<{ status: string; n: number; paid: number }>(
    tx,
    sql`SELECT status, count(*)::int AS n, coalesce(sum(amount_cents) FILTER (WHERE status = 'paid'), 0)::float8 AS paid
        FROM programme_applications WHERE programme_id = ${programmeId} GROUP BY status`,
  );
  return {
    redeemed_cents: spent?.redeemed ?? 0,
    vouchers_issued: spent?.issued ?? 0,
    paid_cents: statuses.reduce((sum, s) => sum + s.paid, 0),
    by_status: Object.fromEntries(statuses.map((s) => [s.status, s.n])),
  };
}

export interface ApplicationRow {
  id: string;
  programme_id: string;
  programme_name: string;
  person_id: string;
  person_name: string;
  household_id: string | null;
  household_key: string;
  comune_code: string;
  comune_name: string;
  channel: string;
  household_size: number;
  isee_cents: number | null;
  documents: string[];
  status: ApplicationStatus;
  amount_cents: number | null;
  decision_reason: string | null;
  decided_at: string | null;
  payment_reference: string | null;
  duplicate_of: string | null;
  voucher_id: string | null;
  created_at: string;
}

const SELECT_APPLICATION = sql`
  SELECT a.id, a.programme_id, pr.name AS programme_name, a.person_id, pe.given_name || ' ' || pe.family_name AS person_name,
         a.household_id, a.household_key, a.comune_code, c.name AS comune_name, a.channel, a.household_size,
         a.isee_cents::float8 AS isee_cents, a.documents, a.status, a.amount_cents, a.decision_reason, ${ts('a.decided_at')} AS decided_at,
         a.payment_reference, a.duplicate_of, v.id AS voucher_id, ${ts('a.created_at')} AS created_at
  FROM programme_applications a
  JOIN support_programmes pr ON pr.id = a.programme_id
  JOIN people pe ON pe.id = a.person_id
  JOIN comuni c ON c.istat_code = a.comune_code
  LEFT JOIN vouchers v ON v.application_id = a.id`;

export async function findApplication(
  tx: Tx,
  id: string,
  options: { lock?: boolean } = {},
): Promise<ApplicationRow | null> {
  if (options.lock) await tx.execute(sql`SELECT 1 FROM programme_applications WHERE id = ${id} FOR UPDATE`);
  const [row] = await queryRows<ApplicationRow>(tx, sql`${SELECT_APPLICATION} WHERE a.id = ${id}`);
  return row ?? null;
}

export async function listApplications(
  tx: Tx,
  programmeId: string,
  query: { status?: ApplicationStatus; limit?: number },
): Promise<ApplicationRow[]> {
  return queryRows<ApplicationRow>(
    tx,
    sql`${SELECT_APPLICATION} WHERE a.programme_id = ${programmeId} ${query.status ? sql`AND a.status = ${query.status}` : sql``}
        ORDER BY a.created_at DESC LIMIT ${query.limit ?? 100}`,
  );
}

/** The applications a person made or that name them, newest first (at most 100). */
export async function applicationsOfPerson(tx: Tx, personId: string): Promise<ApplicationRow[]> {
  return queryRows<ApplicationRow>(
    tx,
    sql`${SELECT_APPLICATION} WHERE a.person_id = ${personId} ORDER BY a.created_at DESC, a.id LIMIT 100`,
  );
}

/** Earlier applications of the same household to the programme, not rejected. Not limited by RLS's scope: runs in the caller's. */
export async function householdApplications(
  tx: Tx,
  programmeId: string,
  householdKey: string,
): Promise<{ id: string; status: string }[]> {
  return queryRows(
    tx,
    sql`SELECT id, status FROM programme_applications
        WHERE programme_id = ${programmeId} AND household_key = ${householdKey} AND status <> 'rejected' ORDER BY created_at`,
  );
}

export interface ApplicationValues {
  programmeId: string;
  personId: string;
  householdId: string | null;
  householdKey: string;
  comuneCode: string;
  channel: string;
  householdSize: number;
  iseeCents: number | null;
  documents: readonly string[];
  duplicateOf: string | null;
  createdBy: string;
}

export async function insertApplication(tx: Tx, a: ApplicationValues): Promise<string> {
  return (await insertApplications(tx, [a]))[0]!.id;
}

/** Applications in one statement (demo seeds: a few hundred at once). @returns each id with its household. */
export async function insertApplications(
  tx: Tx,
  applications: readonly ApplicationValues[],
): Promise<{ id: string; household_key: string }[]> {
  if (applications.length === 0) return [];
  return queryRows(
    tx,
    sql`INSERT INTO programme_applications (programme_id, person_id, household_id, household_key, comune_code, channel, household_size,
          isee_cents, documents, duplicate_of, created_by)
        VALUES ${sql.join(
          applications.map(
            (
              a,
            ) => sql`(${a.programmeId}, ${a.personId}, ${a.householdId}, ${a.householdKey}, ${a.comuneCode}, ${a.channel},
                        ${a.householdSize}, ${a.iseeCents}, ${pgArray(a.documents)}::text[], ${a.duplicateOf}, ${a.createdBy})`,
          ),
          sql`, `,
        )}
        RETURNING id, household_key`,
  );
}

export async function decideApplication(
  tx: Tx,
  id: string,
  d: { status: 'approved' | 'rejected'; amountCents: number | null; reason: string; decidedBy: string },
): Promise<void> {
  await decideApplications(tx, [{ id, amountCents: d.amountCents }], d);
}

/** Decides submitted applications alike but for each one's amount, in one statement. */
export async function decideApplications(
  tx: Tx,
  amounts: readonly { id: string; amountCents: number | null }[],
  d: { status: 'approved' | 'rejected'; reason: string; decidedBy: string },
): Promise<void> {
  if (amounts.length === 0) return;
  await tx.execute(
    sql`UPDATE programme_applications a SET status = ${d.status}, amount_cents = x.amount_cents, decision_reason = ${d.reason},
          decided_by = ${d.decidedBy}, decided_at = now()
        FROM (VALUES ${sql.join(
          amounts.map((a) => sql`(${a.id}::uuid, ${a.amountCents}::int)`),
          sql`, `,
        )}) AS x(id, amount_cents)
        WHERE a.id = x.id AND a.status = 'submitted'`,
  );
}

export async function markPaid(tx: Tx, id: string, reference: string): Promise<void> {
  await tx.execute(
    sql`UPDATE programme_applications SET status = 'paid', payment_reference = ${reference}, paid_at = now()
        WHERE id = ${id} AND status = 'approved'`,
  );
}

export interface VoucherRow {
  id: string;
  code: string;
  programme_id: string;
  programme_name: string;
  application_id: string;
  comune_code: string;
  amount_cents: number;
  balance_cents: number;
  valid_from: string;
  valid_until: string;
  status: string;
  latitude: number;
  longitude: number;
}

const SELECT_VOUCHER = sql`
  SELECT v.id, v.code, v.programme_id, pr.name AS programme_name, v.application_id, v.comune_code, v.amount_cents, v.balance_cents,
         ${day('v.valid_from')} AS valid_from, ${day('v.valid_until')} AS valid_until, v.status, c.latitude, c.longitude
  FROM vouchers v JOIN support_programmes pr ON pr.id = v.programme_id JOIN comuni c ON c.istat_code = v.comune_code`;

export interface VoucherValues {
  programmeId: string;
  applicationId: string;
  householdKey: string;
  comuneCode: string;
  code: string;
  amountCents: number;
  validFrom: string;
  validUntil: string;
  issuedBy: string;
}

export async function insertVoucher(tx: Tx, v: VoucherValues): Promise<string> {
  return (await insertVouchers(tx, [v]))[0]!.id;
}

/**
 * Vouchers in one statement, each with its whole amount to spend unless `balanceCents` says what
 * its redemptions (inserted by the caller) left. @returns each id with its application.
 */
export async function insertVouchers(
  tx: Tx,
  vouchers: readonly (VoucherValues & { balanceCents?: number })[],
): Promise<{ id: string; application_id: string }[]> {
  if (vouchers.length === 0) return [];
  return queryRows(
    tx,
    sql`INSERT INTO vouchers (programme_id, application_id, household_key, comune_code, code, amount_cents, balance_cents, valid_from, valid_until, issued_by)
        VALUES ${sql.join(
          vouchers.map(
            (
              v,
            ) => sql`(${v.programmeId}, ${v.applicationId}, ${v.householdKey}, ${v.comuneCode}, ${v.code}, ${v.amountCents},
                        ${v.balanceCents ?? v.amountCents}, ${v.validFrom}, ${v.validUntil}, ${v.issuedBy})`,
          ),
          sql`, `,
        )}
        RETURNING id, application_id`,
  );
}

export async function findVoucher(tx: Tx, id: string): Promise<VoucherRow | null> {
  const [row] = await queryRows<VoucherRow>(tx, sql`${SELECT_VOUCHER} WHERE v.id = ${id}`);
  return row ?? null;
}

/** The voucher with that code, its row locked until the transaction ends: redemptions queue on it. */
export async function lockVoucherByCode(tx: Tx, code: string): Promise<VoucherRow | null> {
  const [row] = await queryRows<VoucherRow>(
    tx,
    sql`${SELECT_VOUCHER} WHERE v.code = ${code} FOR UPDATE OF v`,
  );
  return row ?? null;
}

export async function setBalance(tx: Tx, id: string, balanceCents: number): Promise<void> {
  await tx.execute(sql`UPDATE vouchers SET balance_cents = ${balanceCents} WHERE id = ${id}`);
}

export interface RedemptionValues {
  voucherId: string;
  shopId: string;
  comuneCode: string;
  amountCents: number;
  balanceAfterCents: number;
  far: boolean;
  userId: string;
}

const redemptionRow = (r: RedemptionValues) =>
  sql`(${r.voucherId}, ${r.shopId}, ${r.comuneCode}, ${r.amountCents}, ${r.balanceAfterCents}, ${r.far}, ${r.userId})`;
const REDEMPTION_COLUMNS = sql`voucher_id, shop_id, comune_code, amount_cents, balance_after_cents, far_from_comune, redeemed_by`;

/** @returns when it was redeemed. */
export async function insertRedemption(tx: Tx, r: RedemptionValues): Promise<string> {
  const [row] = await queryRows<{ at: string }>(
    tx,
    sql`INSERT INTO voucher_redemptions (${REDEMPTION_COLUMNS}) VALUES ${redemptionRow(r)} RETURNING ${ts('redeemed_at')} AS at`,
  );
  return row!.at;
}

/** Redemptions in one statement (demo seeds); the caller sets the vouchers' balances. */
export async function insertRedemptions(tx: Tx, redemptions: readonly RedemptionValues[]): Promise<void> {
  if (redemptions.length === 0) return;
  await tx.execute(
    sql`INSERT INTO voucher_redemptions (${REDEMPTION_COLUMNS}) VALUES ${sql.join(redemptions.map(redemptionRow), sql`, `)}`,
  );
}

export async function redemptionsOf(
  tx: Tx,
  voucherId: string,
): Promise<{ shop_name: string; amount_cents: number; balance_after_cents: number; redeemed_at: string }[]> {
  return queryRows(
    tx,
    sql`SELECT s.name AS shop_name, r.amount_cents, r.balance_after_cents, ${ts('r.redeemed_at')} AS redeemed_at
        FROM voucher_redemptions r JOIN voucher_shops s ON s.id = r.shop_id WHERE r.voucher_id = ${voucherId} ORDER BY r.id`,
  );
}

export interface ShopRow {
  id: string;
  name: string;
  vat_number: string;
  comune_code: string;
  comune_name: string;
  address: string;
  latitude: number | null;
  longitude: number | null;
  accredited_on: string;
  redeemed_cents: number;
  redemptions: number;
}

const SELECT_SHOP = sql`
  SELECT s.id, s.name, s.vat_number, s.comune_code, c.name AS comune_name, s.address,
         coalesce(s.latitude, c.latitude) AS latitude, coalesce(s.longitude, c.longitude) AS longitude, ${day('s.accredited_on')} AS accredited_on,
         (SELECT coalesce(sum(r.amount_cents), 0)::float8 FROM voucher_redemptions r WHERE r.shop_id = s.id) AS redeemed_cents,
         (SELECT count(*)::int FROM voucher_redemptions r WHERE r.shop_id = s.id) AS redemptions
  FROM voucher_shops s JOIN comuni c ON c.istat_code = s.comune_code`;

export async function shopOfUser(tx: Tx, userId: string): Promise<ShopRow | null> {
  const [row] = await queryRows<ShopRow>(
    tx,
    sql`${SELECT_SHOP} JOIN voucher_shop_users u ON u.shop_id = s.id WHERE u.user_id = ${userId} AND s.active`,
  );
  return row ?? null;
}

export async function listShops(tx: Tx): Promise<ShopRow[]> {
  return queryRows<ShopRow>(tx, sql`${SELECT_SHOP} WHERE s.active ORDER BY s.name`);
}

export async function findShop(tx: Tx, id: string): Promise<ShopRow | null> {
  const [row] = await queryRows<ShopRow>(tx, sql`${SELECT_SHOP} WHERE s.id = ${id}`);
  return row ?? null;
}

export async function insertShop(
  tx: Tx,
  s: {
    name: string;
    vatNumber: string;
    comuneCode: string;
    address: string;
    latitude: number | null;
    longitude: number | null;
    accreditedOn: string;
  },
): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`INSERT INTO voucher_shops (name, vat_number, comune_code, address, latitude, longitude, accredited_on)
        VALUES (${s.name}, ${s.vatNumber}, ${s.comuneCode}, ${s.address}, ${s.latitude}, ${s.longitude}, ${s.accreditedOn}) RETURNING id`,
  );
  return row!.id;
}

export async function addShopUser(tx: Tx, shopId: string, userId: string): Promise<void> {
  await tx.execute(sql`INSERT INTO voucher_shop_users (shop_id, user_id) VALUES (${shopId}, ${userId})`);
}

export async function insertSignal(
  tx: Tx,
  s: {
    programmeId: string;
    kind: 'duplicate_application' | 'far_redemption';
    comuneCode: string;
    applicationId: string | null;
    voucherId: string | null;
    details: Record<string, unknown>;
  },
): Promise<void> {
  await tx.execute(
    sql`INSERT INTO programme_fraud_signals (programme_id, kind, comune_code, application_id, voucher_id, details)
        VALUES (${s.programmeId}, ${s.kind}, ${s.comuneCode}, ${s.applicationId}, ${s.voucherId}, ${JSON.stringify(s.details)}::jsonb)`,
  );
}

export async function listSignals(
  tx: Tx,
  programmeId: string,
): Promise<
  {
    id: number;
    kind: 'duplicate_application' | 'far_redemption';
    comune_code: string;
    application_id: string | null;
    voucher_id: string | null;
    details: Record<string, unknown>;
    created_at: string;
  }[]
> {
  return queryRows(
    tx,
    sql`SELECT id::int AS id, kind, comune_code, application_id, voucher_id, details, ${ts('created_at')} AS created_at
        FROM programme_fraud_signals WHERE programme_id = ${programmeId} ORDER BY id DESC LIMIT 500`,
  );
}

/** A contribution paid or a voucher issued: an economic benefit SIUSS reports. */
export interface SupportBenefitRow {
  source_kind: 'programme_application' | 'voucher';
  id: string;
  person_id: string;
  comune_code: string;
  programme_kind: string;
  granted_on: string;
  amount_cents: number;
  live: boolean;
}

/** Contributions paid and vouchers issued in [from, to], by the day in Rome (RLS limits the territory). */
export async function supportBenefits(tx: Tx, from: string, to: string): Promise<SupportBenefitRow[]> {
  return queryRows<SupportBenefitRow>(
    tx,
    sql`SELECT 'programme_application' AS source_kind, a.id, a.person_id, a.comune_code, p.kind AS programme_kind,
               to_char((a.paid_at AT TIME ZONE 'Europe/Rome')::date, 'YYYY-MM-DD') AS granted_on, a.amount_cents, true AS live
        FROM programme_applications a JOIN support_programmes p ON p.id = a.programme_id
        WHERE p.kind <> 'voucher' AND a.status = 'paid' AND a.amount_cents > 0
          AND (a.paid_at AT TIME ZONE 'Europe/Rome')::date BETWEEN ${from}::date AND ${to}::date
        UNION ALL
        SELECT 'voucher', v.id, a.person_id, v.comune_code, p.kind, to_char((v.issued_at AT TIME ZONE 'Europe/Rome')::date, 'YYYY-MM-DD'),
               v.amount_cents, v.status = 'active'
        FROM vouchers v JOIN programme_applications a ON a.id = v.application_id JOIN support_programmes p ON p.id = v.programme_id
        WHERE (v.issued_at AT TIME ZONE 'Europe/Rome')::date BETWEEN ${from}::date AND ${to}::date
        ORDER BY 6, 2`,
  );
}
