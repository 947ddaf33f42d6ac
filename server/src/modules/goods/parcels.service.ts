import { assertInScope, requireActor, withScope } from '../../platform/access/access.js';
import { writeAudit } from '../../platform/audit/audit.js';
import type { Context } from '../../platform/context.js';
import type { Tx } from '../../platform/db/database.js';
import { addDays, dateInRome } from '../../platform/time.js';
import type {
  CreateParcelBody,
  CreateParcelTemplateBody,
  Parcel,
  ParcelsQuery,
  ParcelTemplate,
} from '../../../../shared/src/goods/distribution.schemas.js';
import { findHouseholdWithMembers, findPersonRecord } from '../people/index.js';
import { recordAcceptedDelivery } from '../requests/index.js';
import { taskIdsOfRequest } from '../tasks/index.js';
import * as goodsRepo from './goods.repository.js';
import * as repo from './distribution.repository.js';
import { managedPoint, uniqueViolation, withdrawFromPoint } from './goods.service.js';
import {
  checkParcelAllowed,
  ParcelClash,
  periodKey,
  templateForSize,
  type ParcelPeriod,
} from './goods.rules.js';
import { itemUnknown } from './goods.errors.js';
import {
  alreadyPickedUp,
  deliveryDateInvalid,
  noTemplateForSize,
  notAPickup,
  parcelContentRequired,
  parcelNotFound,
  personUnknown,
  templateUnknown,
} from './distribution.errors.js';

/** One parcel per household per ISO week (the pace of CremonAiuta's deliveries, seed 000). */
export const PARCEL_PERIOD: ParcelPeriod = 'week';
const FOOD_PARCELS = 'food_parcels';

async function presentTemplate(tx: Tx, row: repo.TemplateRow): Promise<ParcelTemplate> {
  const items = await goodsRepo.findItems(
    tx,
    row.lines.map((l) => l.itemId),
  );
  return {
    id: row.id,
    name: row.name,
    minHouseholdSize: row.min_household_size,
    maxHouseholdSize: row.max_household_size,
    lines: row.lines.map((l) => ({ ...l, itemName: items.get(l.itemId)?.name ?? '' })),
  };
}

async function presentParcel(tx: Tx, row: repo.ParcelRow): Promise<Parcel> {
  const movements = await goodsRepo.movementsOf(tx, [row.batch_id]);
  return {
    id: row.id,
    personId: row.person_id,
    personName: row.person_name,
    householdId: row.household_id,
    comuneCode: row.comune_code,
    pointId: row.point_id,
    pointName: row.point_name,
    templateName: row.template_name,
    householdSize: row.household_size,
    assembledOn: row.assembled_on,
    periodKey: row.period_key,
    delivery: row.delivery,
    requestId: row.request_id,
    taskIds: row.request_id ? await taskIdsOfRequest(tx, row.request_id) : [],
    overrideReason: row.override_reason,
    pickedUpAt: row.picked_up_at,
    batchId: row.batch_id,
    lines: movements.map((m) => ({
      itemName: m.item_name,
      unit: m.unit,
      lotId: m.lot_id,
      expiryDate: m.expiry_date,
      quantity: -m.quantity,
    })),
  };
}

/** Parcel templates by household size. */
export async function listTemplates(ctx: Context): Promise<ParcelTemplate[]> {
  return withScope(ctx, 'goods.read', async (tx) => {
    const out: ParcelTemplate[] = [];
    for (const row of await repo.listTemplates(tx)) out.push(await presentTemplate(tx, row));
    return out;
  });
}

/** @throws 422 an unknown item. */
export async function createTemplate(ctx: Context, body: CreateParcelTemplateBody): Promise<ParcelTemplate> {
  return withScope(ctx, 'goods.manage', async (tx) => {
    const items = await goodsRepo.findItems(
      tx,
      body.lines.map((l) => l.itemId),
    );
    body.lines.forEach((l, i) => {
      if (!items.has(l.itemId)) throw itemUnknown(i);
    });
    const id = await repo.insertTemplate(tx, {
      name: body.name,
      min: body.minHouseholdSize,
      max: body.maxHouseholdSize ?? null,
      lines: body.lines,
    });
    await writeAudit(tx, ctx, {
      action: 'parcel.template_create',
      entityType: 'parcel_template',
      entityId: id,
    });
    return presentTemplate(tx, (await repo.findTemplate(tx, id))!);
  });
}

/**
 * Assembles a parcel for a person's household at a point: the lots are taken FEFO in the same
 * transaction, and the parcel is either delivered — an accepted CremonAiuta request whose task enters
 * the day's rounds — or picked up at the point. One per household per week, unless the operator
 * writes why a second one is needed (the unique index decides between two desks at once).
 * @throws 404 point outside the territory, 403 another organisation's point, 409 a parcel already
 * this week, 422 unknown person/template, no template for the size, insufficient stock.
 */
export async function createParcel(ctx: Context, body: CreateParcelBody): Promise<Parcel> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'goods.manage', async (tx, scope) => {
    const today = dateInRome();
    const point = await managedPoint(tx, actor, scope, body.pointId, today);
    const person = await findPersonRecord(tx, body.personId);
    if (!person) throw personUnknown();
    const household = person.household_id ? await findHouseholdWithMembers(tx, person.household_id) : null;
    const householdSize = body.householdSize ?? Math.max(1, household?.members.length ?? 1);
    if (body.templateId && body.lines) throw parcelContentRequired();
    let template: repo.TemplateRow | null = null;
    if (body.templateId) {
      template = await repo.findTemplate(tx, body.templateId);
      if (!template) throw templateUnknown();
    } else if (!body.lines) {
      const templates = await repo.listTemplates(tx);
      template = templateForSize(
        templates.map((t) => ({
          ...t,
          minHouseholdSize: t.min_household_size,
          maxHouseholdSize: t.max_household_size,
        })),
        householdSize,
      );
      if (!template) throw noTemplateForSize(householdSize);
    }
    const lines = template ? template.lines : body.lines!;
    const householdKey = person.household_id ?? person.id;
    const { overridden } = checkParcelAllowed(
      await repo.parcelDatesOf(tx, householdKey),
      today,
      PARCEL_PERIOD,
      body.overrideReason,
    );
    let dueDate: string | null = null;
    if (body.delivery === 'delivery') {
      dueDate = body.deliveryDate ?? addDays(today, 1);
      if (dueDate < today) throw deliveryDateInvalid();
    } else if (body.deliveryDate) throw deliveryDateInvalid();
    const { batchId } = await withdrawFromPoint(tx, actor, scope, {
      kind: 'parcel',
      pointId: point.id,
      lines,
      reason: null,
    });
    const delivery = dueDate
      ? await recordAcceptedDelivery(tx, actor, {
          beneficiaryId: person.id,
          interventionTypeId: FOOD_PARCELS,
          organizationId: point.organization_id,
          dueDate,
          description: `Pacco alimentare preparato a ${point.name} (nucleo di ${householdSize}).`,
        })
      : null;
    let id: string;
    try {
      id = await repo.insertParcel(tx, {
        personId: person.id,
        householdId: person.household_id,
        householdKey,
        comuneCode: person.comune_code,
        pointId: point.id,
        templateId: template?.id ?? null,
        batchId,
        householdSize,
        assembledOn: today,
        periodKey: periodKey(today, PARCEL_PERIOD),
        delivery: body.delivery,
        requestId: delivery?.requestId ?? null,
        overrideReason: overridden ? body.overrideReason!.trim() : null,
        createdBy: actor.userId,
      });
    } catch (error) {
      if (uniqueViolation(error, 'parcels_one_per_period')) throw new ParcelClash(today, 'questa settimana');
      throw error;
    }
    await writeAudit(tx, ctx, {
      action: 'parcel.create',
      entityType: 'parcel',
      entityId: id,
      comune: person.comune_code,
      details: {
        pointId: point.id,
        delivery: body.delivery,
        overridden,
        requestId: delivery?.requestId ?? null,
      },
    });
    return presentParcel(tx, (await repo.findParcel(tx, id))!);
  });
}

/** @throws 404 outside the territory. */
export async function getParcel(ctx: Context, id: string): Promise<Parcel> {
  return withScope(ctx, 'parcel.read', async (tx, scope) => {
    const row = await repo.findParcel(tx, id);
    if (!row) throw parcelNotFound();
    assertInScope(scope, row.comune_code, 'Pacco');
    await writeAudit(tx, ctx, {
      action: 'parcel.read',
      entityType: 'parcel',
      entityId: id,
      comune: row.comune_code,
    });
    return presentParcel(tx, row);
  });
}

/** Parcels of a point, or a household's history (`person`: the household the person belongs to). Audited. */
export async function listParcels(ctx: Context, query: ParcelsQuery): Promise<Parcel[]> {
  return withScope(ctx, 'parcel.read', async (tx) => {
    let householdKey: string | undefined;
    if (query.person) {
      const person = await findPersonRecord(tx, query.person);
      if (!person) throw personUnknown();
      householdKey = person.household_id ?? person.id;
    }
    const rows = await repo.listParcels(tx, { ...query, householdKey });
    await writeAudit(tx, ctx, {
      action: 'parcel.search',
      entityType: 'parcel',
      details: { pointId: query.point ?? null, personId: query.person ?? null, ids: rows.map((r) => r.id) },
    });
    const out: Parcel[] = [];
    for (const row of rows) out.push(await presentParcel(tx, row));
    return out;
  });
}

/**
 * The operator confirms the household picked the parcel up at the point.
 * @throws 404 outside the territory, 403 another organisation's point, 409 a delivery or already picked up.
 */
export async function confirmPickup(ctx: Context, id: string): Promise<Parcel> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'goods.manage', async (tx, scope) => {
    const row = await repo.findParcel(tx, id, true);
    if (!row) throw parcelNotFound();
    assertInScope(scope, row.comune_code, 'Pacco');
    await managedPoint(tx, actor, scope, row.point_id, dateInRome());
    if (row.delivery !== 'pickup') throw notAPickup();
    if (row.picked_up_at) throw alreadyPickedUp();
    await repo.markPickedUp(tx, id, actor.userId);
    await writeAudit(tx, ctx, {
      action: 'parcel.pickup',
      entityType: 'parcel',
      entityId: id,
      comune: row.comune_code,
    });
    return presentParcel(tx, (await repo.findParcel(tx, id))!);
  });
}
