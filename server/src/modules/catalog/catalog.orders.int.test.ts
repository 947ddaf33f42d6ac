import { describe, expect, it } from 'vitest';
import { queryRows, sql } from '../../platform/db/database.js';
import { setupTestEnv } from '../../test/harness.js';
import * as repo from './catalog.repository.js';
import { isValidNoticeNumber } from './catalog.pagopa.js';
import {
  auditActions,
  buildProvider,
  count,
  CREMA,
  CREMONA,
  loginCitizen,
  loginMember,
  bookOrder,
  buildBookableService,
  tomorrow as nextDay,
} from '../../test/catalog-factories.js';

const env = await setupTestEnv();
const tomorrow = nextDay();

async function orderRow(id: string) {
  const [row] = await queryRows<{
    status: string;
    payment_status: string;
    unit_price_cents: number;
    status_reason: string | null;
  }>(
    env.database.db,
    sql`SELECT status, payment_status, unit_price_cents, status_reason FROM catalog_orders WHERE id = ${id}`,
  );
  return row;
}

describe('orders', () => {
  it('answers 401 without a session and 403 to an operator', async () => {
    const { serviceId } = await buildBookableService(env);
    expect((await bookOrder(env, {}, { serviceId, quantity: 1, startDate: tomorrow })).statusCode).toBe(401);
    const operator = await env.loginAs('operatore');
    expect(
      (await bookOrder(env, operator.headers, { serviceId, quantity: 1, startDate: tomorrow })).statusCode,
    ).toBe(403);
  });

  it('runs requested → paid → confirmed → delivered → closed, freezing the price and auditing every step', async () => {
    const { serviceId, provider } = await buildBookableService(env);
    const citizen = await loginCitizen(env, CREMA);
    const created = await bookOrder(env, citizen.headers, { serviceId, quantity: 3, startDate: tomorrow });
    expect(created.statusCode).toBe(201);
    const order = created.json();
    expect(order).toMatchObject({
      status: 'requested',
      channel: 'online',
      unitPriceCents: 750,
      totalCents: 2250,
      subsidyCents: 0,
      paymentStatus: 'pending',
      payment: { amountCents: 2250, status: 'pending', creditorTaxCode: '01234567890' },
      abilities: { pay: true, cancel: true, confirm: false },
    });
    expect(isValidNoticeNumber(order.payment.noticeNumber)).toBe(true);
    expect(order.payment.noticeNumber.slice(0, 3)).toBe('302');

    // The price is frozen: a later change of the service's price leaves the order alone.
    await env.database.db.execute(
      sql`UPDATE catalog_services SET capped_price_cents = 100 WHERE id = ${serviceId}`,
    );

    const early = await env.app.inject({
      method: 'POST',
      url: `/api/orders/${order.id}/confirm`,
      headers: provider.headers,
      payload: {},
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('PAYMENT_PENDING');

    const failed = await env.app.inject({
      method: 'POST',
      url: `/api/orders/${order.id}/payment`,
      headers: citizen.headers,
      payload: { simulate: 'failure' },
    });
    expect(failed.statusCode).toBe(402);
    expect((await orderRow(order.id))!.payment_status).toBe('failed');
    const paid = await env.app.inject({
      method: 'POST',
      url: `/api/orders/${order.id}/payment`,
      headers: citizen.headers,
      payload: {},
    });
    expect(paid.statusCode).toBe(200);
    expect(paid.json().payment).toMatchObject({ status: 'paid', receipt: { amountCents: 2250 } });

    for (const [action, status] of [
      ['confirm', 'confirmed'],
      ['deliver', 'delivered'],
      ['close', 'closed'],
    ] as const) {
      const step = await env.app.inject({
        method: 'POST',
        url: `/api/orders/${order.id}/${action}`,
        headers: provider.headers,
        payload: {},
      });
      expect(step.statusCode, action).toBe(200);
      expect(step.json().status).toBe(status);
    }
    expect(await orderRow(order.id)).toMatchObject({
      status: 'closed',
      payment_status: 'paid',
      unit_price_cents: 750,
    });
    expect(await auditActions(env, order.id)).toEqual([
      'order.create',
      'payment.update',
      'payment.update',
      'order.update',
      'order.update',
      'order.update',
    ]);
  });

  it('refuses to skip a step and to decline without a reason', async () => {
    const { serviceId, provider } = await buildBookableService(env);
    const citizen = await loginCitizen(env, CREMA);
    const order = (
      await bookOrder(env, citizen.headers, { serviceId, quantity: 1, startDate: tomorrow })
    ).json();
    const deliver = await env.app.inject({
      method: 'POST',
      url: `/api/orders/${order.id}/deliver`,
      headers: provider.headers,
      payload: {},
    });
    expect(deliver.statusCode).toBe(409);
    expect(deliver.json().error.code).toBe('ORDER_TRANSITION_NOT_ALLOWED');
    const noReason = await env.app.inject({
      method: 'POST',
      url: `/api/orders/${order.id}/decline`,
      headers: provider.headers,
      payload: {},
    });
    expect(noReason.statusCode).toBe(422);
    const declined = await env.app.inject({
      method: 'POST',
      url: `/api/orders/${order.id}/decline`,
      headers: provider.headers,
      payload: { reason: 'Nessun operatore disponibile in quella fascia' },
    });
    expect(declined.statusCode).toBe(200);
    expect(await orderRow(order.id)).toMatchObject({
      status: 'declined',
      payment_status: 'cancelled',
      status_reason: 'Nessun operatore disponibile in quella fascia',
    });
  });

  it('hides an order from another provider with 404 and leaves it unchanged', async () => {
    const { serviceId } = await buildBookableService(env);
    const other = await buildProvider(env, { comuni: [CREMA] });
    const stranger = await loginMember(env, {
      role: 'fornitore',
      organizationId: other,
      scope: { type: 'all' },
    });
    const citizen = await loginCitizen(env, CREMA);
    const order = (
      await bookOrder(env, citizen.headers, { serviceId, quantity: 1, startDate: tomorrow })
    ).json();
    const read = await env.app.inject({
      method: 'GET',
      url: `/api/orders/${order.id}`,
      headers: stranger.headers,
    });
    expect(read.statusCode).toBe(404);
    const cancel = await env.app.inject({
      method: 'POST',
      url: `/api/orders/${order.id}/cancel`,
      headers: stranger.headers,
      payload: { reason: 'Tentativo non autorizzato' },
    });
    expect(cancel.statusCode).toBe(404);
    expect((await orderRow(order.id))!.status).toBe('requested');
  });

  it('returns the first order for a retried Idempotency-Key and creates nothing new', async () => {
    const { serviceId } = await buildBookableService(env);
    const citizen = await loginCitizen(env, CREMA);
    const payload = { serviceId, quantity: 2, startDate: tomorrow };
    const first = await bookOrder(env, citizen.headers, payload, 'retry-key-0001');
    const before = await count(env, 'catalog_orders');
    const notices = await count(env, 'payment_notices');
    const second = await bookOrder(env, citizen.headers, payload, 'retry-key-0001');
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json().id).toBe(first.json().id);
    expect(second.json().payment.noticeNumber).toBe(first.json().payment.noticeNumber);
    expect(await count(env, 'catalog_orders')).toBe(before);
    expect(await count(env, 'payment_notices')).toBe(notices);
    const third = await bookOrder(env, citizen.headers, payload, 'retry-key-0002');
    expect(third.json().id).not.toBe(first.json().id);
  });

  it('never exceeds the capacity, even with parallel bookings', async () => {
    const { serviceId } = await buildBookableService(env, { capacity: 5 });
    const citizens = await Promise.all(Array.from({ length: 8 }, () => loginCitizen(env, CREMA)));
    const responses = await Promise.all(
      citizens.map((c) => bookOrder(env, c.headers, { serviceId, quantity: 1, startDate: tomorrow })),
    );
    const codes = responses.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 201)).toHaveLength(5);
    expect(codes.filter((c) => c === 409)).toHaveLength(3);
    const refused = responses.find((r) => r.statusCode === 409)!;
    expect(refused.json().error).toMatchObject({ code: 'CAPACITY_EXHAUSTED', details: { available: 0 } });
    const [booked] = await queryRows<{ n: number }>(
      env.database.db,
      sql`SELECT coalesce(sum(quantity), 0)::int AS n FROM catalog_orders WHERE service_id = ${serviceId} AND status NOT IN ('declined', 'cancelled')`,
    );
    expect(booked!.n).toBe(5);
    expect(await repo.bookedUnits(env.database.db, serviceId, tomorrow.slice(0, 7))).toBe(5);
  });

  it('frees the capacity when an order is cancelled', async () => {
    const { serviceId } = await buildBookableService(env, { capacity: 1 });
    const first = await loginCitizen(env, CREMA);
    const second = await loginCitizen(env, CREMA);
    const order = (
      await bookOrder(env, first.headers, { serviceId, quantity: 1, startDate: tomorrow })
    ).json();
    expect(
      (await bookOrder(env, second.headers, { serviceId, quantity: 1, startDate: tomorrow })).statusCode,
    ).toBe(409);
    const cancelled = await env.app.inject({
      method: 'POST',
      url: `/api/orders/${order.id}/cancel`,
      headers: first.headers,
      payload: { reason: 'Non ne ho più bisogno' },
    });
    expect(cancelled.statusCode).toBe(200);
    expect(
      (await bookOrder(env, second.headers, { serviceId, quantity: 1, startDate: tomorrow })).statusCode,
    ).toBe(201);
  });

  it('refuses SAAP to a pupil without certified disability, with the reason, and skips payment when eligible', async () => {
    const { serviceId } = await buildBookableService(env, { municipalProgram: 'saap' });
    const without = await loginCitizen(env, CREMONA, { disability: false });
    const before = await count(env, 'catalog_orders');
    const refused = await bookOrder(env, without.headers, {
      serviceId,
      quantity: 10,
      startDate: tomorrow,
      eligibility: { schoolEnrolled: true },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({
      code: 'NOT_ELIGIBLE',
      details: { reasons: [{ code: 'DISABILITY_NOT_CERTIFIED' }] },
    });
    expect(await count(env, 'catalog_orders')).toBe(before);
    const eligible = await loginCitizen(env, CREMONA, { disability: true });
    const notEnrolled = await bookOrder(env, eligible.headers, {
      serviceId,
      quantity: 10,
      startDate: tomorrow,
    });
    expect(notEnrolled.json().error.details.reasons[0].code).toBe('NOT_ENROLLED_IN_SCHOOL');
    const accepted = await bookOrder(env, eligible.headers, {
      serviceId,
      quantity: 10,
      startDate: tomorrow,
      eligibility: { schoolEnrolled: true },
    });
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json()).toMatchObject({ paymentStatus: 'not_required', payment: null, totalCents: 0 });
  });
});
