import { assertInScope, requireActor, withScope } from '../../platform/access/access.js';
import type { Actor } from '../../platform/access/actor.js';
import { writeAudit } from '../../platform/audit/audit.js';
import type { Context } from '../../platform/context.js';
import { databaseErrorOf, type Tx } from '../../platform/db/database.js';
import { forbidden } from '../../platform/errors.js';
import { dateInRome } from '../../platform/time.js';
import type {
  Batch,
  BatchesQuery,
  CreateDonorBody,
  CreateItemBody,
  CreatePointBody,
  DonationBody,
  Donor,
  Item,
  Point,
  StockQuery,
  StockResponse,
  TransferBody,
  WriteOffBody,
} from '../../../../shared/src/goods/goods.schemas.js';
import * as repo from './goods.repository.js';
import { mayManagePoint } from './goods.policy.js';
import { presentBatch, presentDonor, presentItem, presentLot, presentPoint } from './goods.presenter.js';
import { chooseLotsFefo, validateVatNumber, type LotTake } from './goods.rules.js';
import {
  batchAlreadyReversed,
  batchNotFound,
  dateInFuture,
  donorNotFound,
  donorUnknown,
  donorVatTaken,
  expiryPast,
  expiryRequired,
  itemNameTaken,
  itemUnknown,
  lotNotAtPoint,
  organizationUnknown,
  pointNameTaken,
  pointNotFound,
  pointUnknown,
  reversalNotReversible,
  samePoint,
  stockRaced,
  vatRequired,
} from './goods.errors.js';

export type Scope = Parameters<typeof assertInScope>[0];

/** Turns a balance CHECK violation (someone withdrew first) into a 409 the operator can read. */
async function guardStock<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const db = databaseErrorOf(error);
    if (db?.code === '23514' && db.constraint?.startsWith('stock_balances')) throw stockRaced();
    throw error;
  }
}

export function uniqueViolation(error: unknown, constraint: string): boolean {
  const db = databaseErrorOf(error);
  return db?.code === '23505' && (db.constraint ?? '').includes(constraint);
}

/** A point of the actor's territory. @throws 404 outside it (its existence is not confirmed). */
export async function pointInScope(tx: Tx, scope: Scope, id: string, today: string): Promise<repo.PointRow> {
  const row = await repo.findPoint(tx, id, today);
  if (!row) throw pointNotFound();
  assertInScope(scope, row.comune_code, 'Punto di distribuzione');
  return row;
}

/** A point the actor may record movements at. @throws 404 outside the territory, 403 another organisation's. */
export async function managedPoint(
  tx: Tx,
  actor: Actor,
  scope: Scope,
  id: string,
  today: string,
): Promise<repo.PointRow> {
  const row = await pointInScope(tx, scope, id, today);
  if (!mayManagePoint(actor, row)) throw forbidden();
  return row;
}

/** @throws 422 DATE_IN_FUTURE. */
export function pastOrToday(date: string | undefined, today: string): string {
  const day = date ?? today;
  if (day > today) throw dateInFuture();
  return day;
}

/** The catalogue of items. */
export async function listItems(ctx: Context): Promise<Item[]> {
  return withScope(ctx, 'goods.read', async (tx) => (await repo.listItems(tx)).map(presentItem));
}

/** @throws 409 when an item of that name exists. */
export async function createItem(ctx: Context, body: CreateItemBody): Promise<Item> {
  return withScope(ctx, 'goods.manage', async (tx) => {
    try {
      const row = await repo.insertItem(tx, { ...body, name: body.name.trim() });
      await writeAudit(tx, ctx, { action: 'goods.item_create', entityType: 'goods_item', entityId: row.id });
      return presentItem(row);
    } catch (error) {
      if (uniqueViolation(error, 'goods_items_name')) throw itemNameTaken();
      throw error;
    }
  });
}

/** Points of the territory, each with how many of its lots are near expiry. */
export async function listPoints(ctx: Context): Promise<Point[]> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'goods.read', async (tx) =>
    (await repo.listPoints(tx, dateInRome())).map((r) => presentPoint(actor, r)),
  );
}

/** @throws 404 outside the territory. */
export async function getPoint(ctx: Context, id: string): Promise<Point> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'goods.read', async (tx, scope) =>
    presentPoint(actor, await pointInScope(tx, scope, id, dateInRome())),
  );
}

/** @throws 404 comune outside the territory, 422 unknown organisation, 409 name taken. */
export async function createPoint(ctx: Context, body: CreatePointBody): Promise<Point> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'goods.manage', async (tx, scope) => {
    assertInScope(scope, body.comuneCode, 'Comune');
    if (!mayManagePoint(actor, { comune_code: body.comuneCode, organization_id: body.organizationId }))
      throw forbidden();
    if (!(await repo.organizationExists(tx, body.organizationId))) throw organizationUnknown();
    let id: string;
    try {
      id = await repo.insertPoint(tx, { ...body, name: body.name.trim() });
    } catch (error) {
      if (uniqueViolation(error, 'distribution_points_name')) throw pointNameTaken();
      throw error;
    }
    await writeAudit(tx, ctx, {
      action: 'goods.point_create',
      entityType: 'distribution_point',
      entityId: id,
      comune: body.comuneCode,
    });
    return presentPoint(actor, (await repo.findPoint(tx, id, dateInRome()))!);
  });
}

/** Donors of goods (companies and drives: no natural persons). */
export async function listDonors(ctx: Context): Promise<Donor[]> {
  return withScope(ctx, 'goods.read', async (tx) => (await repo.listDonors(tx)).map(presentDonor));
}

/** A donor and the donations it made at points of the territory. */
export async function getDonor(ctx: Context, id: string): Promise<{ donor: Donor; donations: Batch[] }> {
  return withScope(ctx, 'goods.read', async (tx) => {
    const donor = await repo.findDonor(tx, id);
    if (!donor) throw donorNotFound();
    const batches = await repo.listBatches(tx, { donor: id, kind: 'donation', limit: 200 });
    const movements = await repo.movementsOf(
      tx,
      batches.map((b) => b.id),
    );
    return { donor: presentDonor(donor), donations: batches.map((b) => presentBatch(b, movements)) };
  });
}

/** @throws 422 company without a valid partita IVA, 409 when that partita IVA is already a donor. */
export async function createDonor(ctx: Context, body: CreateDonorBody): Promise<Donor> {
  return withScope(ctx, 'goods.manage', async (tx) => {
    const raw = body.vatNumber?.trim() ? body.vatNumber : null;
    if (body.kind === 'company' && !raw) throw vatRequired();
    const vatNumber = raw ? validateVatNumber(raw) : null;
    if (vatNumber) {
      const existing = await repo.findDonorByVat(tx, vatNumber);
      if (existing) throw donorVatTaken(existing.id);
    }
    const id = await repo.insertDonor(tx, { ...body, name: body.name.trim(), vatNumber });
    await writeAudit(tx, ctx, { action: 'goods.donor_create', entityType: 'goods_donor', entityId: id });
    return presentDonor((await repo.findDonor(tx, id))!);
  });
}

/** Lots at a point with quantities and expiry dates, FEFO order (what goes out first is first). */
export async function getStock(ctx: Context, query: StockQuery): Promise<StockResponse> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'goods.read', async (tx, scope) => {
    const today = dateInRome();
    const point = await pointInScope(tx, scope, query.point, today);
    const rows = await repo.stockAtPoint(tx, point.id, {
      itemId: query.item,
      includeEmpty: query.includeEmpty,
    });
    const totals = new Map<string, { itemId: string; itemName: string; unit: string; quantity: number }>();
    for (const r of rows) {
      const t = totals.get(r.item_id) ?? {
        itemId: r.item_id,
        itemName: r.item_name,
        unit: r.unit,
        quantity: 0,
      };
      t.quantity += r.quantity;
      totals.set(r.item_id, t);
    }
    return {
      point: presentPoint(actor, point),
      lots: rows.map((r) => presentLot(r, today)),
      totals: [...totals.values()].sort((a, b) => a.itemName.localeCompare(b.itemName, 'it')),
    };
  });
}

async function batchView(tx: Tx, id: string): Promise<Batch> {
  const row = await repo.findBatch(tx, id);
  if (!row) throw batchNotFound();
  return presentBatch(row, await repo.movementsOf(tx, [id]));
}

/**
 * A donation received at a point: one new lot per line, numbered receipt.
 * @throws 422 unknown donor or item, food without expiry or already expired, a date in the future.
 */
export async function recordDonation(ctx: Context, body: DonationBody): Promise<Batch> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'goods.manage', async (tx, scope) => {
    const today = dateInRome();
    const point = await managedPoint(tx, actor, scope, body.pointId, today);
    const occurredOn = pastOrToday(body.occurredOn, today);
    const donor = await repo.findDonor(tx, body.donorId);
    if (!donor) throw donorUnknown();
    const items = await repo.findItems(tx, [...new Set(body.lines.map((l) => l.itemId))]);
    body.lines.forEach((line, i) => {
      const item = items.get(line.itemId);
      if (!item) throw itemUnknown(i);
      if (item.perishable && !line.expiryDate) throw expiryRequired(i);
      if (line.expiryDate && line.expiryDate < today) throw expiryPast(i);
    });
    const batchId = await repo.insertBatch(tx, {
      kind: 'donation',
      pointId: point.id,
      toPointId: null,
      comuneCode: point.comune_code,
      donorId: donor.id,
      occurredOn,
      reason: null,
      reversesBatchId: null,
      withReceipt: true,
      createdBy: actor.userId,
    });
    for (const line of body.lines) {
      const lotId = await repo.insertLot(tx, {
        itemId: line.itemId,
        lotCode: line.lotCode?.trim() || null,
        expiryDate: line.expiryDate ?? null,
        receivedOn: occurredOn,
        donorId: donor.id,
      });
      await repo.appendMovement(tx, {
        batchId,
        pointId: point.id,
        lotId,
        comuneCode: point.comune_code,
        quantity: line.quantity,
      });
    }
    await writeAudit(tx, ctx, {
      action: 'stock.donation',
      entityType: 'stock_batch',
      entityId: batchId,
      comune: point.comune_code,
      details: { pointId: point.id, donorId: donor.id, lines: body.lines.length },
    });
    return batchView(tx, batchId);
  });
}

/**
 * Takes `lines` out of a point, each item FEFO over its non-expired lots, under a lock per item at
 * the point (taken in item-id order so two withdrawals never deadlock). Invariant: a balance never
 * goes below zero — the lock makes the FEFO read and the decrement one step, and the table's CHECK
 * refuses anything that slipped past.
 * @returns the lots taken, per line.
 * @throws 422 STOCK_INSUFFICIENT when the good lots do not cover a line.
 */
export async function takeFefo(
  tx: Tx,
  options: {
    batchId: string;
    point: { id: string; comune_code: string };
    lines: readonly { itemId: string; quantity: number }[];
    today: string;
  },
): Promise<LotTake[][]> {
  const itemIds = [...new Set(options.lines.map((l) => l.itemId))].sort();
  for (const itemId of itemIds) await repo.lockItemAtPoint(tx, options.point.id, itemId);
  const takes: LotTake[][] = [];
  return guardStock(async () => {
    for (const line of options.lines) {
      const lots = await repo.stockAtPoint(tx, options.point.id, { itemId: line.itemId });
      const chosen = chooseLotsFefo(
        lots.map((l) => ({
          lotId: l.lot_id,
          quantity: l.quantity,
          expiryDate: l.expiry_date,
          receivedOn: l.received_on,
        })),
        line.quantity,
        options.today,
      );
      for (const take of chosen)
        await repo.appendMovement(tx, {
          batchId: options.batchId,
          pointId: options.point.id,
          lotId: take.lotId,
          comuneCode: options.point.comune_code,
          quantity: -take.quantity,
        });
      takes.push(chosen);
    }
    return takes;
  });
}

/**
 * Stock out of a point for a parcel or a campaign, as one batch; for other modules through index.ts,
 * inside their own scoped transaction.
 * @throws 404 point outside the territory, 422 unknown item or insufficient stock.
 */
export async function withdrawFromPoint(
  tx: Tx,
  actor: Actor,
  scope: Scope,
  options: {
    kind: 'parcel' | 'campaign' | 'market';
    pointId: string;
    lines: readonly { itemId: string; quantity: number }[];
    reason: string | null;
  },
): Promise<{ batchId: string; comuneCode: string; takes: LotTake[][] }> {
  const today = dateInRome();
  const point = await pointInScope(tx, scope, options.pointId, today);
  const items = await repo.findItems(
    tx,
    options.lines.map((l) => l.itemId),
  );
  options.lines.forEach((l, i) => {
    if (!items.has(l.itemId)) throw itemUnknown(i);
  });
  const batchId = await repo.insertBatch(tx, {
    kind: options.kind,
    pointId: point.id,
    toPointId: null,
    comuneCode: point.comune_code,
    donorId: null,
    occurredOn: today,
    reason: options.reason,
    reversesBatchId: null,
    withReceipt: false,
    createdBy: actor.userId,
  });
  const takes = await takeFefo(tx, { batchId, point, lines: options.lines, today });
  return { batchId, comuneCode: point.comune_code, takes };
}

/**
 * Moves stock between two points of the territory, FEFO at the origin; each lot keeps its expiry.
 * @throws 404 a point outside the territory, 422 same point or insufficient stock.
 */
export async function transferStock(ctx: Context, body: TransferBody): Promise<Batch> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'goods.manage', async (tx, scope) => {
    const today = dateInRome();
    if (body.fromPointId === body.toPointId) throw samePoint();
    const from = await managedPoint(tx, actor, scope, body.fromPointId, today);
    const to = await repo.findPoint(tx, body.toPointId, today);
    if (!to) throw pointUnknown('toPointId');
    const occurredOn = pastOrToday(body.occurredOn, today);
    const items = await repo.findItems(
      tx,
      body.lines.map((l) => l.itemId),
    );
    body.lines.forEach((l, i) => {
      if (!items.has(l.itemId)) throw itemUnknown(i);
    });
    const batchId = await repo.insertBatch(tx, {
      kind: 'transfer',
      pointId: from.id,
      toPointId: to.id,
      comuneCode: from.comune_code,
      donorId: null,
      occurredOn,
      reason: null,
      reversesBatchId: null,
      withReceipt: false,
      createdBy: actor.userId,
    });
    const takes = await takeFefo(tx, { batchId, point: from, lines: body.lines, today });
    for (const take of takes.flat())
      await repo.appendMovement(tx, {
        batchId,
        pointId: to.id,
        lotId: take.lotId,
        comuneCode: to.comune_code,
        quantity: take.quantity,
      });
    await writeAudit(tx, ctx, {
      action: 'stock.transfer',
      entityType: 'stock_batch',
      entityId: batchId,
      comune: from.comune_code,
      details: { fromPointId: from.id, toPointId: to.id, lines: body.lines.length },
    });
    return batchView(tx, batchId);
  });
}

/**
 * Writes off part of one lot (expired, damaged…) with a reason.
 * @throws 422 lot not at the point, 422/409 more than is there.
 */
export async function writeOff(ctx: Context, body: WriteOffBody): Promise<Batch> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'goods.manage', async (tx, scope) => {
    const today = dateInRome();
    const point = await managedPoint(tx, actor, scope, body.pointId, today);
    const occurredOn = pastOrToday(body.occurredOn, today);
    const lot = await repo.lotBalance(tx, point.id, body.lotId);
    if (!lot) throw lotNotAtPoint();
    await repo.lockItemAtPoint(tx, point.id, lot.item_id);
    const batchId = await repo.insertBatch(tx, {
      kind: 'write_off',
      pointId: point.id,
      toPointId: null,
      comuneCode: point.comune_code,
      donorId: null,
      occurredOn,
      reason: body.reason.trim(),
      reversesBatchId: null,
      withReceipt: false,
      createdBy: actor.userId,
    });
    await guardStock(() =>
      repo.appendMovement(tx, {
        batchId,
        pointId: point.id,
        lotId: lot.lot_id,
        comuneCode: point.comune_code,
        quantity: -body.quantity,
      }),
    );
    await writeAudit(tx, ctx, {
      action: 'stock.write_off',
      entityType: 'stock_batch',
      entityId: batchId,
      comune: point.comune_code,
      details: { pointId: point.id, lotId: lot.lot_id, quantity: body.quantity },
    });
    return batchView(tx, batchId);
  });
}

/**
 * Reverses a batch with a new batch of opposite movements; the original is never edited.
 * Reversing a donation whose goods have already gone out is refused (the stock would go negative).
 * @throws 404 outside the territory, 409 already reversed or stock already used, 422 a reversal.
 */
export async function reverseBatch(ctx: Context, id: string, reason: string): Promise<Batch> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'goods.manage', async (tx, scope) => {
    const today = dateInRome();
    const original = await repo.findBatch(tx, id);
    if (!original) throw batchNotFound();
    assertInScope(scope, original.comune_code, 'Movimento di magazzino');
    await managedPoint(tx, actor, scope, original.point_id, today);
    if (original.kind === 'reversal') throw reversalNotReversible();
    if (original.reversed_by_batch_id) throw batchAlreadyReversed();
    const movements = await repo.movementsOf(tx, [id]);
    const lockKeys = new Set<string>();
    for (const m of movements) {
      const lot = await repo.lotBalance(tx, m.point_id, m.lot_id);
      if (lot) lockKeys.add(`${m.point_id}|${lot.item_id}`);
    }
    for (const key of [...lockKeys].sort()) {
      const [pointId, itemId] = key.split('|') as [string, string];
      await repo.lockItemAtPoint(tx, pointId, itemId);
    }
    let batchId: string;
    try {
      batchId = await repo.insertBatch(tx, {
        kind: 'reversal',
        pointId: original.point_id,
        toPointId: null,
        comuneCode: original.comune_code,
        donorId: null,
        occurredOn: today,
        reason: reason.trim(),
        reversesBatchId: id,
        withReceipt: false,
        createdBy: actor.userId,
      });
    } catch (error) {
      if (uniqueViolation(error, 'reverses_batch_id')) throw batchAlreadyReversed();
      throw error;
    }
    await guardStock(async () => {
      for (const m of movements)
        await repo.appendMovement(tx, {
          batchId,
          pointId: m.point_id,
          lotId: m.lot_id,
          comuneCode: m.comune_code,
          quantity: -m.quantity,
        });
    });
    await writeAudit(tx, ctx, {
      action: 'stock.reverse',
      entityType: 'stock_batch',
      entityId: batchId,
      comune: original.comune_code,
      details: { reverses: id, kind: original.kind },
    });
    return batchView(tx, batchId);
  });
}

/** The ledger of the territory, newest first. */
export async function listBatches(ctx: Context, query: BatchesQuery): Promise<Batch[]> {
  return withScope(ctx, 'goods.read', async (tx, scope) => {
    if (query.point) await pointInScope(tx, scope, query.point, dateInRome());
    const rows = await repo.listBatches(tx, query);
    const movements = await repo.movementsOf(
      tx,
      rows.map((r) => r.id),
    );
    return rows.map((r) => presentBatch(r, movements));
  });
}

/** @throws 404 outside the territory. */
export async function getBatch(ctx: Context, id: string): Promise<Batch> {
  return withScope(ctx, 'goods.read', async (tx, scope) => {
    const row = await repo.findBatch(tx, id);
    if (!row) throw batchNotFound();
    assertInScope(scope, row.comune_code, 'Movimento di magazzino');
    return presentBatch(row, await repo.movementsOf(tx, [id]));
  });
}

/** What a donation's receipt says: the batch, who gave it and where it was received. */
export interface DonationReceipt {
  batch: Batch;
  donor: repo.DonorRow;
  point: repo.PointRow;
}

/**
 * The receipt of a company's or a drive's donation, numbered when the donation was recorded.
 * @throws 404 a batch outside the territory or that is not a donation.
 */
export async function donationReceipt(ctx: Context, id: string): Promise<DonationReceipt> {
  return withScope(ctx, 'goods.read', async (tx, scope) => {
    const row = await repo.findBatch(tx, id);
    if (!row || row.kind !== 'donation' || row.receipt_number === null || !row.donor_id)
      throw batchNotFound();
    assertInScope(scope, row.comune_code, 'Movimento di magazzino');
    const [donor, point] = await Promise.all([
      repo.findDonor(tx, row.donor_id),
      repo.findPoint(tx, row.point_id, dateInRome()),
    ]);
    return { batch: presentBatch(row, await repo.movementsOf(tx, [id])), donor: donor!, point: point! };
  });
}
