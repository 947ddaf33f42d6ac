import { pgArray, queryRows, sql, type Tx } from '../../platform/db/database.js';
import type {
  BatchesQuery,
  CreateDonorBody,
  CreateItemBody,
  CreatePointBody,
} from '../../../../shared/src/goods/goods.schemas.js';

/* The only SQL on items, points, donors, lots and the stock ledger. RLS limits points and stock to the actor's territory. */

export interface ItemRow {
  id: string;
  name: string;
  category: 'food' | 'hygiene' | 'ppe' | 'equipment' | 'other';
  unit: 'pz' | 'kg' | 'l' | 'conf';
  perishable: boolean;
}

export interface PointRow {
  id: string;
  name: string;
  kind: 'point' | 'warehouse' | 'social_market';
  organization_id: string;
  organization_name: string;
  comune_code: string;
  comune_name: string;
  address: string;
  latitude: number | null;
  longitude: number | null;
  near_expiry_lots: number;
}

export interface DonorRow {
  id: string;
  kind: 'company' | 'drive';
  name: string;
  vat_number: string | null;
  comune_code: string | null;
  address: string | null;
  email: string | null;
}

export interface StockLotRow {
  lot_id: string;
  item_id: string;
  item_name: string;
  category: ItemRow['category'];
  unit: ItemRow['unit'];
  lot_code: string | null;
  expiry_date: string | null;
  received_on: string;
  donor_name: string | null;
  quantity: number;
}

export interface BatchRow {
  id: string;
  kind: 'donation' | 'transfer' | 'parcel' | 'write_off' | 'campaign' | 'market' | 'reversal';
  point_id: string;
  to_point_id: string | null;
  comune_code: string;
  donor_id: string | null;
  donor_name: string | null;
  occurred_on: string;
  reason: string | null;
  reverses_batch_id: string | null;
  reversed_by_batch_id: string | null;
  receipt_number: number | null;
  created_at: string;
}

export interface MovementRow {
  batch_id: string;
  point_id: string;
  point_name: string;
  lot_id: string;
  item_name: string;
  unit: string;
  expiry_date: string | null;
  comune_code: string;
  quantity: number;
}

const day = (column: string) => sql.raw(`to_char(${column}, 'YYYY-MM-DD')`);

export async function listItems(tx: Tx): Promise<ItemRow[]> {
  return queryRows<ItemRow>(
    tx,
    sql`SELECT id, name, category, unit, perishable FROM goods_items ORDER BY name`,
  );
}

export async function findItems(tx: Tx, ids: readonly string[]): Promise<Map<string, ItemRow>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<ItemRow>(
    tx,
    sql`SELECT id, name, category, unit, perishable FROM goods_items WHERE id = ANY(${pgArray(ids)}::uuid[])`,
  );
  return new Map(rows.map((r) => [r.id, r]));
}

export async function insertItem(tx: Tx, item: CreateItemBody): Promise<ItemRow> {
  const [row] = await queryRows<ItemRow>(
    tx,
    sql`INSERT INTO goods_items (name, category, unit, perishable) VALUES (${item.name}, ${item.category}, ${item.unit}, ${item.perishable})
        RETURNING id, name, category, unit, perishable`,
  );
  return row!;
}

const SELECT_POINT = (today: string) => sql`
  SELECT p.id, p.name, p.kind, p.organization_id, o.name AS organization_name, p.comune_code, c.name AS comune_name,
         p.address, p.latitude, p.longitude,
         (SELECT count(*)::int FROM stock_balances b JOIN stock_lots l ON l.id = b.lot_id
           WHERE b.point_id = p.id AND b.quantity > 0 AND l.expiry_date IS NOT NULL
             AND l.expiry_date >= ${today}::date AND l.expiry_date <= ${today}::date + 7) AS near_expiry_lots
  FROM distribution_points p
  JOIN organizations o ON o.id = p.organization_id
  JOIN comuni c ON c.istat_code = p.comune_code`;

export async function listPoints(tx: Tx, today: string): Promise<PointRow[]> {
  return queryRows<PointRow>(tx, sql`${SELECT_POINT(today)} WHERE p.active ORDER BY c.name, p.name`);
}

export async function findPoint(tx: Tx, id: string, today: string): Promise<PointRow | null> {
  const [row] = await queryRows<PointRow>(tx, sql`${SELECT_POINT(today)} WHERE p.id = ${id}`);
  return row ?? null;
}

export async function insertPoint(tx: Tx, point: CreatePointBody): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`INSERT INTO distribution_points (name, kind, organization_id, comune_code, address, latitude, longitude)
        VALUES (${point.name}, ${point.kind}, ${point.organizationId}, ${point.comuneCode}, ${point.address},
                ${point.latitude ?? null}, ${point.longitude ?? null})
        RETURNING id`,
  );
  return row!.id;
}

export async function organizationExists(tx: Tx, id: string): Promise<boolean> {
  const rows = await queryRows(tx, sql`SELECT 1 FROM organizations WHERE id = ${id}`);
  return rows.length > 0;
}

export async function listDonors(tx: Tx): Promise<DonorRow[]> {
  return queryRows<DonorRow>(
    tx,
    sql`SELECT id, kind, name, vat_number, comune_code, address, email FROM goods_donors ORDER BY name`,
  );
}

export async function findDonor(tx: Tx, id: string): Promise<DonorRow | null> {
  const [row] = await queryRows<DonorRow>(
    tx,
    sql`SELECT id, kind, name, vat_number, comune_code, address, email FROM goods_donors WHERE id = ${id}`,
  );
  return row ?? null;
}

export async function findDonorByVat(tx: Tx, vat: string): Promise<DonorRow | null> {
  const [row] = await queryRows<DonorRow>(
    tx,
    sql`SELECT id, kind, name, vat_number, comune_code, address, email FROM goods_donors WHERE vat_number = ${vat}`,
  );
  return row ?? null;
}

export async function insertDonor(
  tx: Tx,
  donor: CreateDonorBody & { vatNumber: string | null },
): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`INSERT INTO goods_donors (kind, name, vat_number, comune_code, address, email)
        VALUES (${donor.kind}, ${donor.name}, ${donor.vatNumber}, ${donor.comuneCode ?? null}, ${donor.address ?? null}, ${donor.email ?? null})
        RETURNING id`,
  );
  return row!.id;
}

/** Lots on a point's shelf (optionally of one item), FEFO is applied by the caller's rule. */
export async function stockAtPoint(
  tx: Tx,
  pointId: string,
  options: { itemId?: string; includeEmpty?: boolean } = {},
): Promise<StockLotRow[]> {
  return queryRows<StockLotRow>(
    tx,
    sql`SELECT b.lot_id, l.item_id, i.name AS item_name, i.category, i.unit, l.lot_code, ${day('l.expiry_date')} AS expiry_date,
               ${day('l.received_on')} AS received_on, d.name AS donor_name, b.quantity
        FROM stock_balances b
        JOIN stock_lots l ON l.id = b.lot_id
        JOIN goods_items i ON i.id = l.item_id
        LEFT JOIN goods_donors d ON d.id = l.donor_id
        WHERE b.point_id = ${pointId}
          ${options.itemId ? sql`AND l.item_id = ${options.itemId}` : sql``}
          ${options.includeEmpty ? sql`` : sql`AND b.quantity > 0`}
        ORDER BY l.expiry_date NULLS LAST, l.received_on, b.lot_id`,
  );
}

/** The balance of one lot at a point, 0 when it was never there. */
export async function lotBalance(tx: Tx, pointId: string, lotId: string): Promise<StockLotRow | null> {
  const [row] = await queryRows<StockLotRow>(
    tx,
    sql`SELECT b.lot_id, l.item_id, i.name AS item_name, i.category, i.unit, l.lot_code, ${day('l.expiry_date')} AS expiry_date,
               ${day('l.received_on')} AS received_on, NULL AS donor_name, b.quantity
        FROM stock_balances b JOIN stock_lots l ON l.id = b.lot_id JOIN goods_items i ON i.id = l.item_id
        WHERE b.point_id = ${pointId} AND b.lot_id = ${lotId}`,
  );
  return row ?? null;
}

/**
 * Serialises every change of one item's stock at one point until the transaction ends. Callers
 * take these locks in a fixed order (sorted item ids) so two withdrawals never deadlock.
 */
export async function lockItemAtPoint(tx: Tx, pointId: string, itemId: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`stock:${pointId}:${itemId}`}))`);
}

export async function insertLot(
  tx: Tx,
  lot: {
    itemId: string;
    lotCode: string | null;
    expiryDate: string | null;
    receivedOn: string;
    donorId: string | null;
  },
): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`INSERT INTO stock_lots (item_id, lot_code, expiry_date, received_on, donor_id)
        VALUES (${lot.itemId}, ${lot.lotCode}, ${lot.expiryDate}, ${lot.receivedOn}, ${lot.donorId}) RETURNING id`,
  );
  return row!.id;
}

export async function insertBatch(
  tx: Tx,
  batch: {
    kind: BatchRow['kind'];
    pointId: string;
    toPointId: string | null;
    comuneCode: string;
    donorId: string | null;
    occurredOn: string;
    reason: string | null;
    reversesBatchId: string | null;
    withReceipt: boolean;
    createdBy: string | null;
  },
): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`INSERT INTO stock_batches (kind, point_id, to_point_id, comune_code, donor_id, occurred_on, reason, reverses_batch_id, receipt_number, created_by)
        VALUES (${batch.kind}, ${batch.pointId}, ${batch.toPointId}, ${batch.comuneCode}, ${batch.donorId}, ${batch.occurredOn},
                ${batch.reason}, ${batch.reversesBatchId}, ${batch.withReceipt ? sql`nextval('goods_receipt_seq')` : null}, ${batch.createdBy})
        RETURNING id`,
  );
  return row!.id;
}

/**
 * Appends one movement and moves the balance by the same signed quantity. A balance that would go
 * below zero fails the table's CHECK (SQLSTATE 23514), which the service reports as insufficient stock.
 */
export async function appendMovement(
  tx: Tx,
  movement: { batchId: string; pointId: string; lotId: string; comuneCode: string; quantity: number },
): Promise<void> {
  await tx.execute(
    sql`INSERT INTO stock_movements (batch_id, point_id, lot_id, comune_code, quantity)
        VALUES (${movement.batchId}, ${movement.pointId}, ${movement.lotId}, ${movement.comuneCode}, ${movement.quantity})`,
  );
  if (movement.quantity > 0) {
    await tx.execute(
      sql`INSERT INTO stock_balances (point_id, lot_id, comune_code, quantity)
          VALUES (${movement.pointId}, ${movement.lotId}, ${movement.comuneCode}, ${movement.quantity})
          ON CONFLICT (point_id, lot_id) DO UPDATE SET quantity = stock_balances.quantity + EXCLUDED.quantity`,
    );
    return;
  }
  // A withdrawal: PostgreSQL checks an INSERT's proposed row before ON CONFLICT, so it is an UPDATE.
  const rows = await queryRows(
    tx,
    sql`UPDATE stock_balances SET quantity = quantity + ${movement.quantity}
        WHERE point_id = ${movement.pointId} AND lot_id = ${movement.lotId} RETURNING 1`,
  );
  if (rows.length !== 1) throw new Error('withdrawal from a lot that is not at the point');
}

const SELECT_BATCH = sql`
  SELECT b.id, b.kind, b.point_id, b.to_point_id, b.comune_code, b.donor_id, d.name AS donor_name,
         ${day('b.occurred_on')} AS occurred_on, b.reason, b.reverses_batch_id, r.id AS reversed_by_batch_id, b.receipt_number,
         to_char(b.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at
  FROM stock_batches b
  LEFT JOIN goods_donors d ON d.id = b.donor_id
  LEFT JOIN stock_batches r ON r.reverses_batch_id = b.id`;

export async function findBatch(tx: Tx, id: string): Promise<BatchRow | null> {
  const [row] = await queryRows<BatchRow>(tx, sql`${SELECT_BATCH} WHERE b.id = ${id}`);
  return row ?? null;
}

export async function listBatches(tx: Tx, query: BatchesQuery): Promise<BatchRow[]> {
  return queryRows<BatchRow>(
    tx,
    sql`${SELECT_BATCH} WHERE true
        ${query.point ? sql`AND (b.point_id = ${query.point} OR b.to_point_id = ${query.point})` : sql``}
        ${query.donor ? sql`AND b.donor_id = ${query.donor}` : sql``}
        ${query.kind ? sql`AND b.kind = ${query.kind}` : sql``}
        ORDER BY b.occurred_on DESC, b.created_at DESC LIMIT ${query.limit ?? 50}`,
  );
}

export async function movementsOf(tx: Tx, batchIds: readonly string[]): Promise<MovementRow[]> {
  if (batchIds.length === 0) return [];
  return queryRows<MovementRow>(
    tx,
    sql`SELECT m.batch_id, m.point_id, p.name AS point_name, m.lot_id, i.name AS item_name, i.unit,
               ${day('l.expiry_date')} AS expiry_date, m.comune_code, m.quantity
        FROM stock_movements m
        JOIN distribution_points p ON p.id = m.point_id
        JOIN stock_lots l ON l.id = m.lot_id
        JOIN goods_items i ON i.id = l.item_id
        WHERE m.batch_id = ANY(${pgArray(batchIds)}::uuid[])
        ORDER BY m.id`,
  );
}
