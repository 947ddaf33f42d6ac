import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows, sql } from '../../platform/db/database.js';
import { dateInRome, addDays } from '../../platform/time.js';
import { CREMA, CREMONA, setupTestEnv, type Session } from '../../test/harness.js';
import { pdfText } from '../../test/pdf-text.js';

const env = await setupTestEnv();
const today = dateInRome();

let operator: Session;
let orgId: string;
let pasta: string;
let masks: string;
let donorId: string;
let pointA: string;
let pointB: string;
let cremaPoint: string;

async function post(session: Session, url: string, payload: unknown) {
  return env.app.inject({ method: 'POST', url, headers: session.headers, payload: payload as object });
}

async function balances(pointId: string): Promise<{ lot_id: string; quantity: number }[]> {
  return queryRows(
    env.database.db,
    sql`SELECT lot_id, quantity FROM stock_balances WHERE point_id = ${pointId} ORDER BY lot_id`,
  );
}

async function totalAt(pointId: string, itemId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    env.database.db,
    sql`SELECT coalesce(sum(b.quantity), 0)::int AS n FROM stock_balances b JOIN stock_lots l ON l.id = b.lot_id
        WHERE b.point_id = ${pointId} AND l.item_id = ${itemId}`,
  );
  return row!.n;
}

async function ledgerSum(pointId: string, itemId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    env.database.db,
    sql`SELECT coalesce(sum(m.quantity), 0)::int AS n FROM stock_movements m JOIN stock_lots l ON l.id = m.lot_id
        WHERE m.point_id = ${pointId} AND l.item_id = ${itemId}`,
  );
  return row!.n;
}

async function donate(pointId: string, lines: unknown[]) {
  const response = await post(operator, '/api/stock/donations', { pointId, donorId, lines });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{
    id: string;
    receiptNumber: number;
    movements: { lotId: string; quantity: number }[];
  }>();
}

beforeAll(async () => {
  operator = await env.loginAs('operatore');
  const [org] = await queryRows<{ id: string }>(
    env.database.db,
    sql`INSERT INTO organizations (name, kind, comune_code) VALUES ('Associazione No Spreco (prova)', 'association', ${CREMONA}) RETURNING id`,
  );
  orgId = org!.id;
  const item = async (name: string, category: string, unit: string, perishable: boolean) => {
    const response = await post(operator, '/api/goods/items', { name, category, unit, perishable });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ id: string }>().id;
  };
  pasta = await item('Pasta di semola 500 g', 'food', 'conf', true);
  masks = await item('Mascherine chirurgiche', 'ppe', 'pz', false);
  const donor = await post(operator, '/api/goods/donors', {
    kind: 'company',
    name: 'Pastificio di prova S.r.l.',
    vatNumber: 'IT 00297960197',
  });
  expect(donor.statusCode, donor.body).toBe(201);
  donorId = donor.json<{ id: string }>().id;
  const point = async (name: string, comuneCode: string) => {
    const response = await env.app.inject({
      method: 'POST',
      url: '/api/goods/points',
      headers: (comuneCode === CREMA
        ? await env.loginAs('operatore', { type: 'ambito', id: 'CREMA' })
        : operator
      ).headers,
      payload: { name, kind: 'point', organizationId: orgId, comuneCode, address: 'Via Dante 1' },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ id: string }>().id;
  };
  pointA = await point('Punto di prova A', CREMONA);
  pointB = await point('Punto di prova B', CREMONA);
  cremaPoint = await point('Punto di prova Crema', CREMA);
});

describe('stock over HTTP: access', () => {
  it('answers 401 without a session', async () => {
    const response = await env.app.inject({ method: 'GET', url: `/api/stock?point=${pointA}` });
    expect(response.statusCode).toBe(401);
    const write = await env.app.inject({
      method: 'POST',
      url: '/api/stock/donations',
      payload: { pointId: pointA, donorId, lines: [{ itemId: masks, quantity: 1 }] },
    });
    expect(write.statusCode).toBe(401);
  });

  it('refuses stock to a volunteer and donations to a welfare manager with 403, saving nothing', async () => {
    const volunteer = await env.loginAs('volontario');
    const read = await env.app.inject({
      method: 'GET',
      url: `/api/stock?point=${pointA}`,
      headers: volunteer.headers,
    });
    expect(read.statusCode).toBe(403);
    const manager = await env.loginAs('welfare_manager');
    const before = await balances(pointA);
    const write = await post(manager, '/api/stock/donations', {
      pointId: pointA,
      donorId,
      lines: [{ itemId: masks, quantity: 5 }],
    });
    expect(write.statusCode).toBe(403);
    expect(await balances(pointA)).toEqual(before);
  });

  it('hides a Cremona point from a Crema operator with 404, and its stock stays unchanged', async () => {
    await donate(pointA, [{ itemId: masks, quantity: 40 }]);
    const before = await balances(pointA);
    const crema = await env.loginAs('operatore', { type: 'ambito', id: 'CREMA' });
    const read = await env.app.inject({
      method: 'GET',
      url: `/api/stock?point=${pointA}`,
      headers: crema.headers,
    });
    expect(read.statusCode).toBe(404);
    const write = await post(crema, '/api/stock/write-offs', {
      pointId: pointA,
      lotId: before[0]!.lot_id,
      quantity: 1,
      reason: 'Prova',
    });
    expect(write.statusCode).toBe(404);
    const transfer = await post(crema, '/api/stock/transfers', {
      fromPointId: pointA,
      toPointId: cremaPoint,
      lines: [{ itemId: masks, quantity: 1 }],
    });
    expect(transfer.statusCode).toBe(404);
    expect(await balances(pointA)).toEqual(before);
    const list = await env.app.inject({ method: 'GET', url: '/api/goods/points', headers: crema.headers });
    expect(list.json<{ id: string }[]>().map((p) => p.id)).toEqual([cremaPoint]);
  });
});

describe('donations and the stock of a point', () => {
  it('records a company donation with lots, lists them FEFO with expiry dates and flags the near ones', async () => {
    const batch = await donate(pointB, [
      { itemId: pasta, quantity: 30, expiryDate: addDays(today, 60), lotCode: 'L-LATE' },
      { itemId: pasta, quantity: 12, expiryDate: addDays(today, 3), lotCode: 'L-SOON' },
      { itemId: masks, quantity: 100 },
    ]);
    expect(batch.receiptNumber).toBeGreaterThan(0);
    const response = await env.app.inject({
      method: 'GET',
      url: `/api/stock?point=${pointB}`,
      headers: operator.headers,
    });
    expect(response.statusCode).toBe(200);
    const stock = response.json<{
      point: { nearExpiryLots: number };
      lots: {
        lotCode: string | null;
        itemName: string;
        quantity: number;
        expiryDate: string | null;
        nearExpiry: boolean;
      }[];
      totals: { itemName: string; quantity: number }[];
    }>();
    expect(stock.lots.map((l) => [l.lotCode, l.quantity, l.expiryDate, l.nearExpiry])).toEqual([
      ['L-SOON', 12, addDays(today, 3), true],
      ['L-LATE', 30, addDays(today, 60), false],
      [null, 100, null, false],
    ]);
    expect(stock.point.nearExpiryLots).toBe(1);
    expect(stock.totals).toEqual([
      expect.objectContaining({ itemName: 'Mascherine chirurgiche', quantity: 100 }),
      expect.objectContaining({ itemName: 'Pasta di semola 500 g', quantity: 42 }),
    ]);
    const [audit] = await queryRows<{ action: string; actor_user_id: string; comune_code: string }>(
      env.database.db,
      sql`SELECT action, actor_user_id, comune_code FROM audit_events WHERE entity_id = ${batch.id}`,
    );
    expect(audit).toEqual({ action: 'stock.donation', actor_user_id: operator.userId, comune_code: CREMONA });
  });

  it('gives the donor a PDF receipt with its number, partita IVA and lots, inside the territory only', async () => {
    const receiptPoint = await post(operator, '/api/goods/points', {
      name: 'Punto di prova ricevute',
      kind: 'point',
      organizationId: orgId,
      comuneCode: CREMONA,
      address: 'Via Dante 2',
    });
    const batch = await donate(receiptPoint.json<{ id: string }>().id, [
      { itemId: pasta, quantity: 25, expiryDate: addDays(today, 90), lotCode: 'L-RICEVUTA' },
    ]);
    const receipt = await env.app.inject({
      method: 'GET',
      url: `/api/stock/batches/${batch.id}/receipt`,
      headers: operator.headers,
    });
    expect(receipt.statusCode).toBe(200);
    expect(receipt.headers['content-type']).toBe('application/pdf');
    expect(String(receipt.headers['content-disposition'])).toContain(
      `ricevuta-donazione-${batch.receiptNumber}.pdf`,
    );
    const text = pdfText(receipt.rawPayload);
    expect(text).toContain(`Ricevuta n. ${batch.receiptNumber}`);
    expect(text).toContain('Pastificio di prova S.r.l., partita IVA 00297960197');
    expect(text).toContain('Pasta di semola 500 g: 25 conf.');
    const crema = await env.loginAs('operatore', { type: 'ambito', id: 'CREMA' });
    const foreign = await env.app.inject({
      method: 'GET',
      url: `/api/stock/batches/${batch.id}/receipt`,
      headers: crema.headers,
    });
    expect(foreign.statusCode).toBe(404);
    const history = await env.app.inject({
      method: 'GET',
      url: `/api/goods/donors/${donorId}`,
      headers: operator.headers,
    });
    expect(history.json<{ donations: { id: string }[] }>().donations.map((d) => d.id)).toContain(batch.id);
  });

  it('refuses food without an expiry date, naming the line, and saves nothing', async () => {
    const before = await balances(pointB);
    const response = await post(operator, '/api/stock/donations', {
      pointId: pointB,
      donorId,
      lines: [
        { itemId: masks, quantity: 5 },
        { itemId: pasta, quantity: 5 },
      ],
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toMatchObject({
      code: 'EXPIRY_REQUIRED',
      details: { field: 'lines.1.expiryDate' },
    });
    expect(await balances(pointB)).toEqual(before);
  });

  it('refuses a company donor with a wrong partita IVA check digit', async () => {
    const response = await post(operator, '/api/goods/donors', {
      kind: 'company',
      name: 'Ditta sbagliata',
      vatNumber: '00297960198',
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toMatchObject({ code: 'VAT_CHECK_DIGIT', details: { field: 'vatNumber' } });
    const rows = await queryRows(
      env.database.db,
      sql`SELECT 1 FROM goods_donors WHERE name = 'Ditta sbagliata'`,
    );
    expect(rows).toHaveLength(0);
  });

  it('shows a donor’s history of donations', async () => {
    const response = await env.app.inject({
      method: 'GET',
      url: `/api/goods/donors/${donorId}`,
      headers: operator.headers,
    });
    expect(response.statusCode).toBe(200);
    const history = response.json<{ donor: { vatNumber: string }; donations: { kind: string }[] }>();
    expect(history.donor.vatNumber).toBe('00297960197');
    expect(history.donations.length).toBeGreaterThanOrEqual(2);
    expect(history.donations.every((d) => d.kind === 'donation')).toBe(true);
  });
});

describe('transfers, write-offs and reversals', () => {
  it('transfers the lot that expires first and keeps its expiry at the destination', async () => {
    const pointC = await env.app
      .inject({
        method: 'POST',
        url: '/api/goods/points',
        headers: operator.headers,
        payload: {
          name: 'Magazzino di prova C',
          kind: 'warehouse',
          organizationId: orgId,
          comuneCode: CREMONA,
          address: 'Via Po 2',
        },
      })
      .then((r) => r.json<{ id: string }>().id);
    await donate(pointC, [
      { itemId: pasta, quantity: 10, expiryDate: addDays(today, 90) },
      { itemId: pasta, quantity: 4, expiryDate: addDays(today, 20) },
    ]);
    const response = await post(operator, '/api/stock/transfers', {
      fromPointId: pointC,
      toPointId: pointA,
      lines: [{ itemId: pasta, quantity: 6 }],
    });
    expect(response.statusCode, response.body).toBe(201);
    const moved = response
      .json<{ movements: { pointId: string; quantity: number; expiryDate: string }[] }>()
      .movements.filter((m) => m.pointId === pointA);
    expect(moved.map((m) => [m.quantity, m.expiryDate])).toEqual([
      [4, addDays(today, 20)],
      [2, addDays(today, 90)],
    ]);
    expect(await totalAt(pointC, pasta)).toBe(8);
    expect(await totalAt(pointA, pasta)).toBe(6);
  });

  it('writes off with a reason, and refuses more than the lot holds with 409, unchanged', async () => {
    const batch = await donate(pointA, [{ itemId: pasta, quantity: 5, expiryDate: addDays(today, 1) }]);
    const lotId = batch.movements[0]!.lotId;
    const over = await post(operator, '/api/stock/write-offs', {
      pointId: pointA,
      lotId,
      quantity: 6,
      reason: 'Confezioni rotte',
    });
    expect(over.statusCode).toBe(409);
    expect(over.json().error.code).toBe('STOCK_INSUFFICIENT');
    const before = await totalAt(pointA, pasta);
    const ok = await post(operator, '/api/stock/write-offs', {
      pointId: pointA,
      lotId,
      quantity: 2,
      reason: 'Confezioni rotte',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(await totalAt(pointA, pasta)).toBe(before - 2);
  });

  it('reverses a donation with a new batch, once; the original movements stay as they were', async () => {
    const batch = await donate(pointB, [{ itemId: masks, quantity: 7 }]);
    const before = await totalAt(pointB, masks);
    const reversed = await post(operator, `/api/stock/batches/${batch.id}/reverse`, {
      reason: 'Registrata due volte',
    });
    expect(reversed.statusCode, reversed.body).toBe(201);
    expect(reversed.json()).toMatchObject({ kind: 'reversal', reversesBatchId: batch.id });
    expect(await totalAt(pointB, masks)).toBe(before - 7);
    const again = await post(operator, `/api/stock/batches/${batch.id}/reverse`, { reason: 'Ancora' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('BATCH_ALREADY_REVERSED');
    const [original] = await queryRows<{ quantity: number }>(
      env.database.db,
      sql`SELECT quantity FROM stock_movements WHERE batch_id = ${batch.id}`,
    );
    expect(original!.quantity).toBe(7);
    expect(await ledgerSum(pointB, masks)).toBe(await totalAt(pointB, masks));
  });

  it('refuses to reverse a donation whose goods already went out', async () => {
    const pointD = await env.app
      .inject({
        method: 'POST',
        url: '/api/goods/points',
        headers: operator.headers,
        payload: {
          name: 'Punto di prova D',
          kind: 'point',
          organizationId: orgId,
          comuneCode: CREMONA,
          address: 'Via Po 3',
        },
      })
      .then((r) => r.json<{ id: string }>().id);
    const batch = await donate(pointD, [{ itemId: masks, quantity: 3 }]);
    expect(
      (
        await post(operator, '/api/stock/transfers', {
          fromPointId: pointD,
          toPointId: pointA,
          lines: [{ itemId: masks, quantity: 2 }],
        })
      ).statusCode,
    ).toBe(201);
    const reversed = await post(operator, `/api/stock/batches/${batch.id}/reverse`, { reason: 'Errore' });
    expect(reversed.statusCode).toBe(409);
    expect(await totalAt(pointD, masks)).toBe(1);
  });

  it('keeps the ledger append-only even for direct SQL', async () => {
    await expect(env.database.db.execute(sql`UPDATE stock_movements SET quantity = 1000`)).rejects.toThrow();
    await expect(env.database.db.execute(sql`DELETE FROM stock_batches`)).rejects.toThrow();
  });
});

describe('stock never negative under concurrent withdrawals', () => {
  it('lets exactly as many parallel transfers through as the stock covers', async () => {
    const from = await env.app
      .inject({
        method: 'POST',
        url: '/api/goods/points',
        headers: operator.headers,
        payload: {
          name: 'Punto di prova concorrenza',
          kind: 'point',
          organizationId: orgId,
          comuneCode: CREMONA,
          address: 'Via Po 4',
        },
      })
      .then((r) => r.json<{ id: string }>().id);
    // Three lots, so the FEFO choice itself races, not just one row.
    await donate(from, [
      { itemId: pasta, quantity: 7, expiryDate: addDays(today, 10) },
      { itemId: pasta, quantity: 7, expiryDate: addDays(today, 20) },
      { itemId: pasta, quantity: 6, expiryDate: addDays(today, 30) },
    ]);
    const attempts = 12;
    const responses = await Promise.all(
      Array.from({ length: attempts }, () =>
        post(operator, '/api/stock/transfers', {
          fromPointId: from,
          toPointId: pointB,
          lines: [{ itemId: pasta, quantity: 3 }],
        }),
      ),
    );
    const ok = responses.filter((r) => r.statusCode === 201).length;
    const refused = responses.filter((r) => r.statusCode === 422 || r.statusCode === 409);
    expect(ok).toBe(6);
    expect(refused).toHaveLength(attempts - 6);
    expect(refused.every((r) => r.json().error.code === 'STOCK_INSUFFICIENT')).toBe(true);
    expect(await totalAt(from, pasta)).toBe(2);
    expect(await ledgerSum(from, pasta)).toBe(2);
    const negative = await queryRows(env.database.db, sql`SELECT 1 FROM stock_balances WHERE quantity < 0`);
    expect(negative).toHaveLength(0);
  });
});
