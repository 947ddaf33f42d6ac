import type { Actor } from '../../platform/access/actor.js';
import type { Batch, Donor, Item, Point, StockLot } from '../../../../shared/src/goods/goods.schemas.js';
import type { BatchRow, DonorRow, ItemRow, MovementRow, PointRow, StockLotRow } from './goods.repository.js';
import { mayManagePoint } from './goods.policy.js';
import { isExpired, isNearExpiry } from './goods.rules.js';

export const presentItem = (row: ItemRow): Item => ({ ...row });

export function presentPoint(actor: Actor, row: PointRow): Point {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    comuneCode: row.comune_code,
    comuneName: row.comune_name,
    address: row.address,
    latitude: row.latitude,
    longitude: row.longitude,
    nearExpiryLots: row.near_expiry_lots,
    abilities: { manage: mayManagePoint(actor, row) },
  };
}

export const presentDonor = (row: DonorRow): Donor => ({
  id: row.id,
  kind: row.kind,
  name: row.name,
  vatNumber: row.vat_number,
  comuneCode: row.comune_code,
  address: row.address,
  email: row.email,
});

export function presentLot(row: StockLotRow, today: string): StockLot {
  return {
    lotId: row.lot_id,
    itemId: row.item_id,
    itemName: row.item_name,
    category: row.category,
    unit: row.unit,
    lotCode: row.lot_code,
    expiryDate: row.expiry_date,
    receivedOn: row.received_on,
    donorName: row.donor_name,
    quantity: row.quantity,
    nearExpiry: isNearExpiry(row.expiry_date, today),
    expired: isExpired(row.expiry_date, today),
  };
}

export function presentBatch(row: BatchRow, movements: readonly MovementRow[]): Batch {
  return {
    id: row.id,
    kind: row.kind,
    pointId: row.point_id,
    toPointId: row.to_point_id,
    donorId: row.donor_id,
    donorName: row.donor_name,
    occurredOn: row.occurred_on,
    reason: row.reason,
    reversesBatchId: row.reverses_batch_id,
    reversedByBatchId: row.reversed_by_batch_id,
    receiptNumber: row.receipt_number,
    createdAt: row.created_at,
    movements: movements
      .filter((m) => m.batch_id === row.id)
      .map((m) => ({
        pointId: m.point_id,
        pointName: m.point_name,
        lotId: m.lot_id,
        itemName: m.item_name,
        unit: m.unit,
        expiryDate: m.expiry_date,
        quantity: m.quantity,
      })),
  };
}
