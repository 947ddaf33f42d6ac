import { randomUUID } from 'node:crypto';
import { assertInScope, requireActor, withScope } from '../../platform/access/access.js';
import { organizationsLimiting, scopeIsEmpty, scopeOf, type Actor } from '../../platform/access/actor.js';
import { auditStatement, writeAudit } from '../../platform/audit/audit.js';
import type { Context } from '../../platform/context.js';
import { databaseErrorOf, lastStatementOf, type Tx } from '../../platform/db/database.js';
import { forbidden } from '../../platform/errors.js';
import { addDays, dateInRome } from '../../platform/time.js';
import type {
  Order,
  OrderInput,
  OrderList,
  OrderListQuery,
  OrderTransitionBody,
  PayBody,
  Statement,
} from '../../../../shared/src/catalog/catalog.schemas.js';
import * as repo from './catalog.repository.js';
import * as errors from './catalog.errors.js';
import { mayActForBeneficiary, mayFulfil } from './catalog.policy.js';
import { presentOrder } from './catalog.presenter.js';
import { assertEligible, type MunicipalProgram } from './catalog.rules.js';
import { paymentProvider, type NoticeCreated } from './catalog.payments.js';
import { citizenOf, priceFromRules, type Citizen } from './catalog.service.js';
import { periodKeyOf, transitionOf, type OrderAction } from './catalog.orders.rules.js';

// A notice is due a week after booking, as municipal pagoPA notices for services commonly are.
const NOTICE_DUE_DAYS = 7;
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,100}$/;

export interface CreatedOrder {
  order: Order;
  /** True when the Idempotency-Key matched an earlier order: nothing new was created. */
  replayed: boolean;
}

/** A booking the capacity refused in the booking statement itself (which wrote nothing). */
interface CapacityRefused {
  refused: { serviceId: string; periodKey: string; capacity: number };
}

function isIdempotencyConflict(error: unknown): boolean {
  const e = databaseErrorOf(error);
  return e?.code === '23505' && e.constraint === 'catalog_orders_created_by_idempotency_key_key';
}

/**
 * Books a service: online by the citizen for self, or assisted by a welfare manager at an access
 * point with the citizen's consent. The price is computed from the tariff and frozen on the order;
 * the capacity of the period is reserved in the same transaction; a payment notice is issued unless
 * the service is municipal or nothing is due. The same Idempotency-Key returns the first order.
 * @throws 401/403, 404 person or service not visible, 409 capacity exhausted, 422 eligibility and input.
 */
export async function createOrder(
  ctx: Context,
  input: OrderInput,
  idempotencyKey: string | null,
): Promise<CreatedOrder> {
  const actor = requireActor(ctx);
  if (idempotencyKey !== null && !IDEMPOTENCY_KEY.test(idempotencyKey)) throw errors.idempotencyKeyInvalid();
  const assisted = input.personId !== undefined;
  const capability = assisted ? 'order.assist' : 'order.own';
  const run = () =>
    withScope(ctx, capability, async (tx, scope): Promise<CreatedOrder | CapacityRefused> => {
      if (assisted) {
        if (!input.accessPointId) throw errors.accessPointRequired();
        if (input.consent !== true) throw errors.consentRequired();
      } else if (!actor.personId) {
        throw errors.noPersonRecord();
      }
      // Two round trips: the session's re-read, BEGIN with the scope and these facts; then the
      // booking statement with COMMIT (lastStatementOf).
      const facts = await repo.bookingFacts(tx, {
        personId: assisted ? input.personId! : actor.personId!,
        serviceId: input.serviceId,
        userId: actor.userId,
        idempotencyKey,
        accessPointId: assisted ? input.accessPointId! : null,
      });
      if (facts.earlier_order_id) {
        const earlier = (await repo.findOrder(tx, facts.earlier_order_id))!;
        return { order: presentOrder(actor, earlier), replayed: true };
      }
      if (!facts.person) throw assisted ? errors.personNotFound() : errors.noPersonRecord();
      const beneficiary = citizenOf(facts.person, facts.isee);
      if (assisted) {
        assertInScope(scope, beneficiary.comuneCode, 'Persona');
        if (!facts.is_access_point_staff) throw errors.notStaffOfAccessPoint();
      }
      const booked = await bookFor(ctx, tx, actor, beneficiary, facts, input, idempotencyKey);
      return 'refused' in booked ? booked : { order: booked, replayed: false };
    });
  let outcome: CreatedOrder | CapacityRefused;
  try {
    outcome = await run();
  } catch (error) {
    // Two retries raced with the same key: the loser's transaction rolled back; return the winner's order.
    if (!(idempotencyKey && isIdempotencyConflict(error))) throw error;
    outcome = await run();
  }
  if (!('refused' in outcome)) return outcome;
  // The places left, as committed now: the booking's transaction ended with its refused statement.
  const { serviceId, periodKey, capacity } = outcome.refused;
  const booked = await withScope(ctx, capability, (tx) => repo.bookedUnits(tx, serviceId, periodKey));
  throw errors.capacityExhausted(Math.max(capacity - booked, 0));
}

async function bookFor(
  ctx: Context,
  tx: Tx,
  actor: Actor,
  beneficiary: Citizen,
  facts: repo.BookingFacts,
  input: OrderInput,
  idempotencyKey: string | null,
): Promise<Order | CapacityRefused> {
  const service = facts.service;
  if (!service || service.status !== 'approved') throw errors.serviceNotBookable();
  if (!service.comuni.includes(beneficiary.comuneCode)) throw errors.serviceNotInComune();
  const today = dateInRome();
  if (input.startDate < today) throw errors.startDateInPast();
  // Disability counts only as recorded in the registry (certified); school and work are declared.
  const eligibility = {
    certifiedDisability: beneficiary.disability,
    schoolEnrolled: input.eligibility?.schoolEnrolled === true,
    workingParent: input.eligibility?.workingParent === true,
  };
  assertEligible(service.municipal_program as MunicipalProgram | null, eligibility);

  const categoryIds = [
    service.category_id,
    ...(service.category_parent_id ? [service.category_parent_id] : []),
  ];
  const outcome = priceFromRules(facts.rules, beneficiary, service, categoryIds, today);
  const unit = service.is_municipal
    ? Math.min(outcome.unitCents, service.capped_price_cents)
    : outcome.unitCents;
  const total = unit * input.quantity;
  const subsidy = (service.capped_price_cents - unit) * input.quantity;
  const periodKey = periodKeyOf(input.startDate, service.capacity_period);
  if (service.capacity !== null && input.quantity > service.capacity) {
    const booked = await repo.bookedUnits(tx, service.id, periodKey);
    throw errors.capacityExhausted(Math.max(service.capacity - booked, 0));
  }
  const assisted = input.personId !== undefined;
  const id = randomUUID();
  const dueDate = addDays(today, NOTICE_DUE_DAYS);
  const reason = `${service.name} – ordine ${id.slice(0, 8)}`.slice(0, 140);
  let notice: (NoticeCreated & { creditorTaxCode: string }) | null = null;
  if (!service.is_municipal && total > 0) {
    const provider = facts.provider!;
    const creditorTaxCode = provider.creditor_tax_code ?? provider.tax_code ?? '00000000000';
    const created = await paymentProvider().createNotice({
      creditorTaxCode,
      segregationCode: provider.segregation_code ?? '01',
      sequence: facts.iuv_sequence!,
      amountCents: total,
      dueDate,
      reason,
      debtor: { fullName: beneficiary.fullName, fiscalCode: beneficiary.codiceFiscale },
    });
    notice = { ...created, creditorTaxCode };
  }
  const values = {
    id,
    serviceId: service.id,
    providerId: service.provider_id,
    personId: beneficiary.personId,
    comuneCode: beneficiary.comuneCode,
    quantity: input.quantity,
    startDate: input.startDate,
    periodKey,
    notes: input.notes?.trim() || null,
    unitPriceCents: unit,
    cappedUnitPriceCents: service.capped_price_cents,
    totalCents: total,
    subsidyCents: subsidy,
    tariff: {
      basis: outcome.basis,
      band: outcome.band,
      iseeStatus: outcome.isee.status,
      iseeType: outcome.isee.type,
    },
    eligibility: service.municipal_program ? eligibility : null,
    channel: assisted ? ('assisted' as const) : ('online' as const),
    accessPointId: assisted ? input.accessPointId! : null,
    assistedBy: assisted ? actor.userId : null,
    idempotencyKey,
    capacity: service.capacity,
    notice: notice && { ...notice, provider: paymentProvider().name, dueDate, reason },
  };
  const booked = await repo.insertBooking(lastStatementOf(tx), values, actor.userId, (orderId) =>
    auditStatement(ctx, {
      action: 'order.create',
      entityType: 'order',
      entityId: orderId,
      comune: beneficiary.comuneCode,
      details: {
        serviceId: service.id,
        personId: beneficiary.personId,
        assisted,
        accessPointId: input.accessPointId ?? null,
      },
    }),
  );
  if (!booked) {
    if (notice) await paymentProvider().cancel(notice);
    return { refused: { serviceId: service.id, periodKey, capacity: service.capacity! } };
  }
  return presentOrder(actor, {
    id,
    service_id: service.id,
    service_name: service.name,
    unit: service.unit,
    provider_id: service.provider_id,
    provider_name: service.provider_name,
    person_id: beneficiary.personId,
    beneficiary_name: beneficiary.fullName,
    comune_code: beneficiary.comuneCode,
    quantity: input.quantity,
    start_date: input.startDate,
    period_key: periodKey,
    notes: values.notes,
    unit_price_cents: unit,
    capped_unit_price_cents: service.capped_price_cents,
    total_cents: total,
    subsidy_cents: subsidy,
    channel: values.channel,
    access_point_id: values.accessPointId,
    status: 'requested',
    status_reason: null,
    payment_status: notice ? 'pending' : 'not_required',
    created_by: actor.userId,
    created_at: booked.created_at,
    notice_number: notice?.noticeNumber ?? null,
    iuv: notice?.iuv ?? null,
    creditor_tax_code: notice?.creditorTaxCode ?? null,
    amount_cents: notice ? total : null,
    due_date: notice ? dueDate : null,
    reason: notice ? reason : null,
    notice_status: notice ? 'pending' : null,
    receipt: null,
    paid_at: null,
  });
}

/** Which capability lets this actor reach the order, trying the citizen's, the provider's, then the staff's. */
function readingCapability(actor: Actor): 'order.own' | 'order.fulfil' | 'order.read' | 'order.assist' {
  for (const c of ['order.fulfil', 'order.read', 'order.assist', 'order.own'] as const) {
    if (!scopeIsEmpty(scopeOf(actor, c))) return c;
  }
  throw forbidden();
}

function mayRead(actor: Actor, order: repo.OrderRow): boolean {
  if (mayFulfil(actor, order) || mayActForBeneficiary(actor, order)) return true;
  return !scopeIsEmpty(scopeOf(actor, 'order.read'));
}

/**
 * One order, for the citizen it is for, the provider it is addressed to, or the staff of its territory.
 * @throws 401/403, 404 when not visible.
 */
export async function getOrder(ctx: Context, id: string): Promise<Order> {
  const actor = requireActor(ctx);
  return withScope(ctx, readingCapability(actor), async (tx) => {
    const row = await repo.findOrder(tx, id);
    if (!row || !mayRead(actor, row)) throw errors.orderNotFound();
    await writeAudit(tx, ctx, {
      action: 'order.read',
      entityType: 'order',
      entityId: id,
      comune: row.comune_code,
    });
    return presentOrder(actor, row);
  });
}

/**
 * Orders: a citizen's own; a provider's received; a welfare manager's or social worker's for one person.
 */
export async function listOrders(ctx: Context, query: OrderListQuery): Promise<OrderList> {
  const actor = requireActor(ctx);
  const capability = readingCapability(actor);
  return withScope(ctx, capability, async (tx) => {
    const page = { limit: query.limit ?? 50, offset: query.offset ?? 0 };
    const filter =
      capability === 'order.own'
        ? { personId: actor.personId ?? '00000000-0000-0000-0000-000000000000' }
        : capability === 'order.fulfil'
          ? { providerIds: organizationsLimiting(actor, 'order.fulfil'), personId: query.personId ?? null }
          : { personId: query.personId ?? null };
    const { rows, total } = await repo.listOrders(tx, { ...filter, status: query.status ?? null }, page);
    await writeAudit(tx, ctx, {
      action: 'order.search',
      entityType: 'order',
      details: { count: rows.length, personId: query.personId ?? null, status: query.status ?? null },
    });
    return { items: rows.map((r) => presentOrder(actor, r)), total };
  });
}

/**
 * Moves an order along its lifecycle. The provider confirms (once paid or nothing due), declines,
 * marks delivered and closes; the beneficiary (or a welfare manager) or the provider cancels.
 * Declining or cancelling frees the capacity and cancels an unpaid notice.
 * @throws 404 not visible, 409 not allowed from the current status, 422 missing reason.
 */
export async function transitionOrder(
  ctx: Context,
  id: string,
  action: OrderAction,
  body: OrderTransitionBody,
): Promise<Order> {
  const actor = requireActor(ctx);
  const transition = transitionOf(action);
  const reason = body.reason?.trim() || null;
  if (transition.needsReason && !reason) throw errors.reasonRequired();
  const capability = transition.by === 'provider' ? 'order.fulfil' : readingCapability(actor);
  return withScope(ctx, capability, async (tx) => {
    const row = await repo.lockOrder(tx, id);
    if (!row) throw errors.orderNotFound();
    const allowed =
      transition.by === 'provider'
        ? mayFulfil(actor, row)
        : mayFulfil(actor, row) || mayActForBeneficiary(actor, row);
    if (!allowed) throw errors.orderNotFound();
    if (!transition.from.includes(row.status))
      throw errors.transitionNotAllowed(row.status, transition.label);
    if (action === 'confirm' && !['paid', 'not_required'].includes(row.payment_status))
      throw errors.paymentPending();
    await repo.setOrderStatus(tx, id, transition.to, reason);
    if (transition.to === 'declined' || transition.to === 'cancelled') {
      const service = await repo.findService(tx, row.service_id);
      if (service?.capacity !== null && service?.capacity !== undefined) {
        await repo.releaseCapacity(tx, row.service_id, row.period_key, row.quantity);
      }
      if (row.notice_number && (row.notice_status === 'pending' || row.notice_status === 'failed')) {
        await paymentProvider().cancel({ noticeNumber: row.notice_number, iuv: row.iuv! });
        await repo.updateNotice(tx, id, 'cancelled', null);
        await repo.setPaymentStatus(tx, id, 'cancelled');
      }
    }
    await repo.insertOrderEvent(
      tx,
      { orderId: id, comuneCode: row.comune_code, kind: action, details: { reason } },
      actor.userId,
    );
    await writeAudit(tx, ctx, {
      action: 'order.update',
      entityType: 'order',
      entityId: id,
      comune: row.comune_code,
      details: { action, from: row.status, to: transition.to },
    });
    return presentOrder(actor, (await repo.findOrder(tx, id))!);
  });
}

/**
 * Pays an order's notice through the payment provider (the development one simulates the PSP).
 * @throws 404 not visible, 409 nothing to pay or notice expired, 402 payment failed (recorded).
 */
export async function payOrder(ctx: Context, id: string, body: PayBody): Promise<Order> {
  const actor = requireActor(ctx);
  const outcome = await withScope(ctx, readingCapability(actor), async (tx) => {
    const row = await repo.lockOrder(tx, id);
    if (!row || !mayActForBeneficiary(actor, row)) throw errors.orderNotFound();
    if (
      !row.notice_number ||
      !['pending', 'failed'].includes(row.payment_status) ||
      row.status !== 'requested'
    ) {
      throw errors.nothingToPay();
    }
    if (row.due_date! < dateInRome()) {
      await repo.updateNotice(tx, id, 'expired', null);
      await repo.setPaymentStatus(tx, id, 'expired');
      return { row: null, failure: null, expired: true };
    }
    const result = await paymentProvider().pay(
      { noticeNumber: row.notice_number, iuv: row.iuv!, amountCents: row.amount_cents! },
      body.simulate ?? 'success',
    );
    await repo.updateNotice(tx, id, result.status === 'paid' ? 'paid' : 'pending', result.receipt);
    await repo.setPaymentStatus(tx, id, result.status);
    await repo.insertOrderEvent(
      tx,
      { orderId: id, comuneCode: row.comune_code, kind: `payment_${result.status}` },
      actor.userId,
    );
    await writeAudit(tx, ctx, {
      action: 'payment.update',
      entityType: 'payment_notice',
      entityId: id,
      comune: row.comune_code,
      details: { status: result.status },
    });
    return {
      row: (await repo.findOrder(tx, id))!,
      failure: result.status === 'failed' ? result.message : null,
      expired: false,
    };
  });
  if (outcome.expired) throw errors.noticeExpired();
  if (outcome.failure) throw errors.paymentFailed(outcome.failure);
  return presentOrder(actor, outcome.row!);
}

// ---- monthly statement ----------------------------------------------------------------------

/**
 * A provider's monthly statement per comune: orders, quantities, what citizens paid and what each
 * comune owes for the subsidised part (capped price minus the citizen's price).
 * @throws 403 without order.fulfil, 422 an account not linked to a provider.
 */
export async function providerStatement(ctx: Context, month: string): Promise<Statement> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'order.fulfil', async (tx) => {
    const providerId = organizationsLimiting(actor, 'order.fulfil')?.[0];
    if (!providerId) throw errors.providerRequired();
    const provider = await repo.findProvider(tx, providerId);
    if (!provider) throw errors.providerRequired();
    const start = `${month}-01`;
    const next = new Date(`${start}T12:00:00Z`);
    next.setUTCMonth(next.getUTCMonth() + 1);
    const rows = await repo.statementRows(tx, providerId, start, next.toISOString().slice(0, 10));
    await writeAudit(tx, ctx, {
      action: 'order.search',
      entityType: 'order',
      details: { statement: month, providerId },
    });
    return {
      providerId,
      providerName: provider.name,
      month,
      rows: rows.map((r) => ({
        comuneCode: r.comune_code,
        comuneName: r.comune_name,
        orders: r.orders,
        quantity: r.quantity,
        paidByCitizensCents: r.paid_cents,
        owedByComuneCents: r.owed_cents,
      })),
    };
  });
}
