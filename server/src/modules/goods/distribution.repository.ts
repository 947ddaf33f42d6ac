import { pgArray, queryRows, sql, type Tx } from '../../platform/db/database.js';
import type {
  AssetsQuery,
  CreateAssetBody,
  ParcelsQuery,
} from '../../../../shared/src/goods/distribution.schemas.js';

/*
 * The only SQL on parcels, campaigns, equipment loans and the social market's cards. Every function
 * takes the caller's scoped transaction: row-level security limits the rows to its territory.
 */

const day = (column: string) => sql.raw(`to_char(${column}, 'YYYY-MM-DD')`);
const instant = (column: string) =>
  sql.raw(`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`);
const personName = sql.raw(`(pe.given_name || ' ' || pe.family_name)`);

// Parcels ---------------------------------------------------------------------------------------

export interface TemplateRow {
  id: string;
  name: string;
  min_household_size: number;
  max_household_size: number | null;
  lines: { itemId: string; quantity: number }[];
}

export async function listTemplates(tx: Tx): Promise<TemplateRow[]> {
  return queryRows<TemplateRow>(
    tx,
    sql`SELECT id, name, min_household_size, max_household_size, lines FROM parcel_templates
        ORDER BY min_household_size, name`,
  );
}

export async function findTemplate(tx: Tx, id: string): Promise<TemplateRow | null> {
  const [row] = await queryRows<TemplateRow>(
    tx,
    sql`SELECT id, name, min_household_size, max_household_size, lines FROM parcel_templates WHERE id = ${id}`,
  );
  return row ?? null;
}

export async function insertTemplate(
  tx: Tx,
  template: { name: string; min: number; max: number | null; lines: { itemId: string; quantity: number }[] },
): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`INSERT INTO parcel_templates (name, min_household_size, max_household_size, lines)
        VALUES (${template.name}, ${template.min}, ${template.max}, ${JSON.stringify(template.lines)}::jsonb) RETURNING id`,
  );
  return row!.id;
}

export interface ParcelRow {
  id: string;
  person_id: string;
  person_name: string;
  household_id: string | null;
  comune_code: string;
  point_id: string;
  point_name: string;
  template_name: string | null;
  household_size: number;
  assembled_on: string;
  period_key: string;
  delivery: 'delivery' | 'pickup';
  request_id: string | null;
  override_reason: string | null;
  picked_up_at: string | null;
  batch_id: string;
}

const SELECT_PARCEL = sql`
  SELECT pa.id, pa.person_id, ${personName} AS person_name, pa.household_id, pa.comune_code, pa.point_id,
         dp.name AS point_name, t.name AS template_name, pa.household_size, ${day('pa.assembled_on')} AS assembled_on,
         pa.period_key, pa.delivery, pa.request_id, pa.override_reason, ${instant('pa.picked_up_at')} AS picked_up_at, pa.batch_id
  FROM parcels pa
  JOIN people pe ON pe.id = pa.person_id
  JOIN distribution_points dp ON dp.id = pa.point_id
  LEFT JOIN parcel_templates t ON t.id = pa.template_id`;

export async function findParcel(tx: Tx, id: string, lock = false): Promise<ParcelRow | null> {
  const [row] = await queryRows<ParcelRow>(
    tx,
    sql`${SELECT_PARCEL} WHERE pa.id = ${id} ${lock ? sql`FOR UPDATE OF pa` : sql``}`,
  );
  return row ?? null;
}

export async function listParcels(
  tx: Tx,
  query: ParcelsQuery & { householdKey?: string },
): Promise<ParcelRow[]> {
  return queryRows<ParcelRow>(
    tx,
    sql`${SELECT_PARCEL} WHERE true
        ${query.point ? sql`AND pa.point_id = ${query.point}` : sql``}
        ${query.householdKey ? sql`AND pa.household_key = ${query.householdKey}` : sql``}
        ORDER BY pa.assembled_on DESC, pa.created_at DESC LIMIT ${query.limit ?? 50}`,
  );
}

/** The days the household had a parcel, newest first. */
export async function parcelDatesOf(tx: Tx, householdKey: string): Promise<string[]> {
  const rows = await queryRows<{ d: string }>(
    tx,
    sql`SELECT ${day('assembled_on')} AS d FROM parcels WHERE household_key = ${householdKey} ORDER BY assembled_on DESC`,
  );
  return rows.map((r) => r.d);
}

export async function insertParcel(
  tx: Tx,
  parcel: {
    personId: string;
    householdId: string | null;
    householdKey: string;
    comuneCode: string;
    pointId: string;
    templateId: string | null;
    batchId: string;
    householdSize: number;
    assembledOn: string;
    periodKey: string;
    delivery: 'delivery' | 'pickup';
    requestId: string | null;
    overrideReason: string | null;
    createdBy: string;
  },
): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`INSERT INTO parcels (person_id, household_id, household_key, comune_code, point_id, template_id, batch_id, household_size,
          assembled_on, period_key, delivery, request_id, override_reason, created_by)
        VALUES (${parcel.personId}, ${parcel.householdId}, ${parcel.householdKey}, ${parcel.comuneCode}, ${parcel.pointId},
          ${parcel.templateId}, ${parcel.batchId}, ${parcel.householdSize}, ${parcel.assembledOn}, ${parcel.periodKey},
          ${parcel.delivery}, ${parcel.requestId}, ${parcel.overrideReason}, ${parcel.createdBy})
        RETURNING id`,
  );
  return row!.id;
}

export async function markPickedUp(tx: Tx, id: string, userId: string): Promise<void> {
  await tx.execute(sql`UPDATE parcels SET picked_up_at = now(), picked_up_by = ${userId} WHERE id = ${id}`);
}

// Campaigns -------------------------------------------------------------------------------------

export interface CampaignRow {
  id: string;
  name: string;
  comune_code: string;
  comuni: string[];
  min_age: number | null;
  item_id: string | null;
  item_name: string | null;
  quantity_per_person: number;
  starts_on: string;
  ends_on: string | null;
}

const SELECT_CAMPAIGN = sql`
  SELECT dc.id, dc.name, dc.comune_code, dc.comuni::text[] AS comuni, dc.min_age, dc.item_id, i.name AS item_name,
         dc.quantity_per_person, ${day('dc.starts_on')} AS starts_on, ${day('dc.ends_on')} AS ends_on
  FROM distribution_campaigns dc LEFT JOIN goods_items i ON i.id = dc.item_id`;

export async function findCampaign(tx: Tx, id: string): Promise<CampaignRow | null> {
  const [row] = await queryRows<CampaignRow>(tx, sql`${SELECT_CAMPAIGN} WHERE dc.id = ${id}`);
  return row ?? null;
}

/** Campaigns run by one of `comuni` ('all': every one), newest first. */
export async function listCampaigns(tx: Tx, comuni: string[] | 'all'): Promise<CampaignRow[]> {
  return queryRows<CampaignRow>(
    tx,
    sql`${SELECT_CAMPAIGN} ${comuni === 'all' ? sql`` : sql`WHERE dc.comune_code = ANY(${pgArray(comuni)}::char(6)[])`}
        ORDER BY dc.starts_on DESC, dc.name`,
  );
}

export async function insertCampaign(
  tx: Tx,
  c: {
    name: string;
    comuneCode: string;
    comuni: string[];
    minAge: number | null;
    itemId: string | null;
    quantityPerPerson: number;
    startsOn: string;
    endsOn: string | null;
    createdBy: string;
  },
): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`INSERT INTO distribution_campaigns (name, comune_code, comuni, min_age, item_id, quantity_per_person, starts_on, ends_on, created_by)
        VALUES (${c.name}, ${c.comuneCode}, ${pgArray(c.comuni)}::char(6)[], ${c.minAge}, ${c.itemId}, ${c.quantityPerPerson},
                ${c.startsOn}, ${c.endsOn}, ${c.createdBy})
        RETURNING id`,
  );
  return row!.id;
}

/** The registry's people the campaign's rule reaches on `today`: in its comuni, of at least its age. */
const eligiblePeople = (c: CampaignRow, today: string) => sql`
  people pe WHERE pe.comune_code = ANY(${pgArray(c.comuni)}::char(6)[])
    ${c.min_age === null ? sql`` : sql`AND pe.birth_date <= (${today}::date - make_interval(years => ${c.min_age}::int))::date`}`;

export interface ComuneProgressRow {
  comune_code: string;
  comune_name: string;
  eligible: number;
  reached: number;
}

/** Eligible and reached people per comune of the campaign (of the actor's territory). */
export async function progressByComune(tx: Tx, c: CampaignRow, today: string): Promise<ComuneProgressRow[]> {
  return queryRows<ComuneProgressRow>(
    tx,
    sql`WITH e AS (SELECT pe.id, pe.comune_code FROM ${eligiblePeople(c, today)})
        SELECT co.istat_code AS comune_code, co.name AS comune_name,
               (SELECT count(*)::int FROM e WHERE e.comune_code = co.istat_code) AS eligible,
               (SELECT count(*)::int FROM e JOIN campaign_deliveries d ON d.person_id = e.id AND d.campaign_id = ${c.id}
                 WHERE e.comune_code = co.istat_code) AS reached
        FROM comuni co WHERE co.istat_code = ANY(${pgArray(c.comuni)}::char(6)[])
        ORDER BY co.name`,
  );
}

export interface NotReachedRow {
  id: string;
  name: string;
  birth_date: string;
  comune_code: string;
  address: string | null;
  lives_alone: boolean;
}

/** Eligible people not reached yet: those living alone first, then by comune and name. */
export async function notReached(
  tx: Tx,
  c: CampaignRow,
  today: string,
  query: { comune?: string; limit?: number; offset?: number },
): Promise<{ total: number; rows: NotReachedRow[] }> {
  const where = sql`${eligiblePeople(c, today)}
    ${query.comune ? sql`AND pe.comune_code = ${query.comune}` : sql``}
    AND NOT EXISTS (SELECT 1 FROM campaign_deliveries d WHERE d.campaign_id = ${c.id} AND d.person_id = pe.id)`;
  const [count] = await queryRows<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM ${where}`);
  const rows = await queryRows<NotReachedRow>(
    tx,
    sql`SELECT pe.id, ${personName} AS name, ${day('pe.birth_date')} AS birth_date, pe.comune_code, pe.address, pe.lives_alone
        FROM ${where}
        ORDER BY pe.lives_alone DESC, pe.comune_code, pe.family_name, pe.given_name, pe.id
        LIMIT ${query.limit ?? 100} OFFSET ${query.offset ?? 0}`,
  );
  return { total: count!.n, rows };
}

export async function insertDelivery(
  tx: Tx,
  d: {
    campaignId: string;
    personId: string;
    comuneCode: string;
    channel: 'delivery' | 'point';
    pointId: string | null;
    batchId: string | null;
    deliveredOn: string;
    deliveredBy: string;
    /** The CremonAiuta request that takes it home (channel delivery), if any. */
    requestId?: string | null;
  },
): Promise<number> {
  const [row] = await queryRows<{ id: number }>(
    tx,
    sql`INSERT INTO campaign_deliveries (campaign_id, person_id, comune_code, channel, point_id, batch_id, delivered_on, delivered_by, request_id)
        VALUES (${d.campaignId}, ${d.personId}, ${d.comuneCode}, ${d.channel}, ${d.pointId}, ${d.batchId}, ${d.deliveredOn}, ${d.deliveredBy},
                ${d.requestId ?? null})
        RETURNING id::int`,
  );
  return row!.id;
}

/** Serialises deliveries to one person in one campaign (the unique key is the backstop). */
export async function lockCampaignPerson(tx: Tx, campaignId: string, personId: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`campaign:${campaignId}:${personId}`}))`);
}

export async function deliveryOf(
  tx: Tx,
  campaignId: string,
  personId: string,
): Promise<{ id: number } | null> {
  const [row] = await queryRows<{ id: number }>(
    tx,
    sql`SELECT id::int FROM campaign_deliveries WHERE campaign_id = ${campaignId} AND person_id = ${personId}`,
  );
  return row ?? null;
}

// Loans -----------------------------------------------------------------------------------------

export interface AssetRow {
  id: string;
  kind: 'tablet' | 'wheelchair' | 'telecare' | 'other';
  label: string;
  serial_number: string;
  organization_id: string;
  comune_code: string;
  condition: 'new' | 'good' | 'worn' | 'damaged' | 'lost';
  loan_id: string | null;
  due_date: string | null;
}

const SELECT_ASSET = sql`
  SELECT a.id, a.kind, a.label, a.serial_number, a.organization_id, a.comune_code, a.condition,
         l.id AS loan_id, ${day('l.due_date')} AS due_date
  FROM loan_assets a LEFT JOIN asset_loans l ON l.asset_id = a.id AND l.returned_on IS NULL`;

export async function findAsset(tx: Tx, id: string, lock = false): Promise<AssetRow | null> {
  const [row] = await queryRows<AssetRow>(
    tx,
    sql`${SELECT_ASSET} WHERE a.id = ${id} ${lock ? sql`FOR UPDATE OF a` : sql``}`,
  );
  return row ?? null;
}

export async function listAssets(tx: Tx, query: AssetsQuery, today: string): Promise<AssetRow[]> {
  const state =
    query.state === 'available'
      ? sql`AND l.id IS NULL AND a.condition <> 'lost'`
      : query.state === 'out'
        ? sql`AND l.due_date >= ${today}::date`
        : query.state === 'overdue'
          ? sql`AND l.due_date < ${today}::date`
          : sql``;
  return queryRows<AssetRow>(
    tx,
    sql`${SELECT_ASSET} WHERE true ${query.kind ? sql`AND a.kind = ${query.kind}` : sql``} ${state}
        ORDER BY a.kind, a.serial_number`,
  );
}

export async function insertAsset(tx: Tx, a: CreateAssetBody): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`INSERT INTO loan_assets (kind, label, serial_number, organization_id, comune_code, condition)
        VALUES (${a.kind}, ${a.label}, ${a.serialNumber}, ${a.organizationId}, ${a.comuneCode}, ${a.condition ?? 'good'})
        RETURNING id`,
  );
  return row!.id;
}

export interface LoanRow {
  id: string;
  asset_id: string;
  asset_label: string;
  serial_number: string;
  person_id: string;
  person_name: string;
  person_email: string | null;
  person_phone: string | null;
  comune_code: string;
  school: string | null;
  started_on: string;
  due_date: string;
  returned_on: string | null;
  return_condition: AssetRow['condition'] | null;
  last_reminder_on: string | null;
}

const SELECT_LOAN = sql`
  SELECT l.id, l.asset_id, a.label AS asset_label, a.serial_number, l.person_id, ${personName} AS person_name,
         pe.email AS person_email, pe.phone AS person_phone, l.comune_code, l.school,
         ${day('l.started_on')} AS started_on, ${day('l.due_date')} AS due_date, ${day('l.returned_on')} AS returned_on,
         l.return_condition, ${day('l.last_reminder_on')} AS last_reminder_on
  FROM asset_loans l JOIN loan_assets a ON a.id = l.asset_id JOIN people pe ON pe.id = l.person_id`;

export async function findLoan(tx: Tx, id: string, lock = false): Promise<LoanRow | null> {
  const [row] = await queryRows<LoanRow>(
    tx,
    sql`${SELECT_LOAN} WHERE l.id = ${id} ${lock ? sql`FOR UPDATE OF l` : sql``}`,
  );
  return row ?? null;
}

/** Loans still out (overdue first), or every loan of a person. */
export async function listLoans(tx: Tx, options: { personId?: string; open?: boolean }): Promise<LoanRow[]> {
  return queryRows<LoanRow>(
    tx,
    sql`${SELECT_LOAN} WHERE true
        ${options.personId ? sql`AND l.person_id = ${options.personId}` : sql``}
        ${options.open ? sql`AND l.returned_on IS NULL` : sql``}
        ORDER BY l.returned_on NULLS FIRST, l.due_date, a.serial_number LIMIT 500`,
  );
}

/** Open loans a reminder is due for today and not yet sent today (the job's system transaction). */
export async function loansToRemind(tx: Tx, today: string, fromDue: string): Promise<LoanRow[]> {
  return queryRows<LoanRow>(
    tx,
    sql`${SELECT_LOAN} WHERE l.returned_on IS NULL AND l.due_date <= ${fromDue}::date
          AND (l.last_reminder_on IS NULL OR l.last_reminder_on < ${today}::date)
        ORDER BY l.due_date FOR UPDATE OF l SKIP LOCKED`,
  );
}

export async function markReminded(tx: Tx, id: string, today: string): Promise<void> {
  await tx.execute(sql`UPDATE asset_loans SET last_reminder_on = ${today} WHERE id = ${id}`);
}

export async function insertLoan(
  tx: Tx,
  l: {
    assetId: string;
    personId: string;
    householdId: string | null;
    comuneCode: string;
    school: string | null;
    startedOn: string;
    dueDate: string;
    createdBy: string;
  },
): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`INSERT INTO asset_loans (asset_id, person_id, household_id, comune_code, school, started_on, due_date, created_by)
        VALUES (${l.assetId}, ${l.personId}, ${l.householdId}, ${l.comuneCode}, ${l.school}, ${l.startedOn}, ${l.dueDate}, ${l.createdBy})
        RETURNING id`,
  );
  return row!.id;
}

export async function returnLoan(
  tx: Tx,
  r: {
    loanId: string;
    assetId: string;
    returnedOn: string;
    condition: string;
    notes: string | null;
    userId: string;
  },
): Promise<void> {
  await tx.execute(sql`UPDATE asset_loans SET returned_on = ${r.returnedOn}, return_condition = ${r.condition},
                         return_notes = ${r.notes}, returned_by = ${r.userId} WHERE id = ${r.loanId}`);
  await tx.execute(sql`UPDATE loan_assets SET condition = ${r.condition} WHERE id = ${r.assetId}`);
}

// Social market ---------------------------------------------------------------------------------

export interface MarketAccountRow {
  id: string;
  point_id: string;
  point_name: string;
  person_id: string;
  person_name: string;
  comune_code: string;
  card_code: string;
  household_size: number;
  balance_points: number;
  valid_until: string;
}

const SELECT_ACCOUNT = sql`
  SELECT ma.id, ma.point_id, dp.name AS point_name, ma.person_id, ${personName} AS person_name, ma.comune_code, ma.card_code,
         ma.household_size, ma.balance_points, ${day('ma.valid_until')} AS valid_until
  FROM market_accounts ma JOIN people pe ON pe.id = ma.person_id JOIN distribution_points dp ON dp.id = ma.point_id`;

export async function findAccount(tx: Tx, id: string): Promise<MarketAccountRow | null> {
  const [row] = await queryRows<MarketAccountRow>(tx, sql`${SELECT_ACCOUNT} WHERE ma.id = ${id}`);
  return row ?? null;
}

/** The card at the till, locked: concurrent spends of one card queue here and each sees the last balance. */
export async function lockAccountByCard(tx: Tx, cardCode: string): Promise<MarketAccountRow | null> {
  const [row] = await queryRows<MarketAccountRow>(
    tx,
    sql`${SELECT_ACCOUNT} WHERE ma.card_code = ${cardCode} FOR UPDATE OF ma`,
  );
  return row ?? null;
}

export async function listAccounts(tx: Tx, pointId: string): Promise<MarketAccountRow[]> {
  return queryRows<MarketAccountRow>(
    tx,
    sql`${SELECT_ACCOUNT} WHERE ma.point_id = ${pointId} ORDER BY pe.family_name, pe.given_name LIMIT 500`,
  );
}

export async function insertAccount(
  tx: Tx,
  a: {
    pointId: string;
    personId: string;
    householdKey: string;
    comuneCode: string;
    cardCode: string;
    householdSize: number;
    validUntil: string;
    createdBy: string;
  },
): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`INSERT INTO market_accounts (point_id, person_id, household_key, comune_code, card_code, household_size, valid_until, created_by)
        VALUES (${a.pointId}, ${a.personId}, ${a.householdKey}, ${a.comuneCode}, ${a.cardCode}, ${a.householdSize}, ${a.validUntil}, ${a.createdBy})
        RETURNING id`,
  );
  return row!.id;
}

/**
 * Credits `month` to every valid card of the point that has not had it: one credit per card and
 * month (the unique index decides, so a second run or a concurrent one adds nothing).
 * @returns how many cards were credited and the points given.
 */
export async function creditMonth(
  tx: Tx,
  options: { pointId: string; month: string; pointsBySize: readonly number[]; userId: string },
): Promise<{ credited: number; points: number; cards: number }> {
  const sizes = options.pointsBySize;
  const points = sql`(${pgArray(sizes.map(String))}::int[])[least(ma.household_size, ${sizes.length})]`;
  const [row] = await queryRows<{ credited: number; points: number; cards: number }>(
    tx,
    sql`WITH due AS (
          SELECT ma.id, ma.comune_code, ${points} AS points FROM market_accounts ma
          WHERE ma.point_id = ${options.pointId} AND ma.valid_until >= (${options.month} || '-01')::date
          FOR UPDATE OF ma),
        credited AS (
          INSERT INTO market_point_movements (account_id, comune_code, kind, month, points, balance_after, created_by)
          SELECT due.id, due.comune_code, 'credit', ${options.month}, due.points,
                 (SELECT balance_points FROM market_accounts WHERE id = due.id) + due.points, ${options.userId}
          FROM due
          ON CONFLICT (account_id, month) WHERE kind = 'credit' DO NOTHING
          RETURNING account_id, points),
        moved AS (
          UPDATE market_accounts ma SET balance_points = ma.balance_points + c.points
          FROM credited c WHERE ma.id = c.account_id RETURNING c.points)
        SELECT (SELECT count(*)::int FROM moved) AS credited, (SELECT coalesce(sum(points), 0)::int FROM moved) AS points,
               (SELECT count(*)::int FROM due) AS cards`,
  );
  return row!;
}

export async function spendFromAccount(
  tx: Tx,
  s: {
    accountId: string;
    comuneCode: string;
    points: number;
    remaining: number;
    batchId: string | null;
    userId: string;
  },
): Promise<void> {
  await tx.execute(sql`UPDATE market_accounts SET balance_points = ${s.remaining} WHERE id = ${s.accountId}`);
  await tx.execute(
    sql`INSERT INTO market_point_movements (account_id, comune_code, kind, points, balance_after, batch_id, created_by)
        VALUES (${s.accountId}, ${s.comuneCode}, 'spend', ${-s.points}, ${s.remaining}, ${s.batchId}, ${s.userId})`,
  );
}

/** The social market whose till this user works, or null. */
export async function tillPointOf(tx: Tx, userId: string): Promise<string | null> {
  const [row] = await queryRows<{ point_id: string }>(
    tx,
    sql`SELECT point_id FROM market_till_users WHERE user_id = ${userId}`,
  );
  return row?.point_id ?? null;
}

export async function addTillUser(tx: Tx, pointId: string, userId: string): Promise<void> {
  await tx.execute(sql`INSERT INTO market_till_users (point_id, user_id) VALUES (${pointId}, ${userId})`);
}
