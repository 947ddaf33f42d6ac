import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows, sql } from '../../platform/db/database.js';
import { addDays, dateInRome } from '../../platform/time.js';
import { CREMA, CREMONA, setupTestEnv, type Session } from '../../test/harness.js';

const env = await setupTestEnv();
const today = dateInRome();

let manager: Session;
let admin: Session;
let operator: Session;
let shopUser: Session;
let programmeId: string;

const rule = {
  residenceComuni: [CREMONA],
  minHouseholdSize: 1,
  maxHouseholdSize: null,
  iseeMaxCents: 1_500_000,
  iseeRequired: false,
  amountBySizeCents: [15_000, 25_000, 35_000, 45_000],
  iseeBands: [],
  maxAmountCents: null,
};

async function post(session: Session | null, url: string, payload: object) {
  return env.app.inject({ method: 'POST', url, headers: session?.headers ?? {}, payload });
}

async function createProgramme(name: string, budgetCents: number, kind = 'voucher'): Promise<string> {
  const response = await post(manager, '/api/programmes', {
    kind,
    name,
    comuneCode: CREMONA,
    rule,
    validFrom: addDays(today, -10),
    validUntil: addDays(today, 30),
    budgetCents,
    requiredDocuments: ['ISEE'],
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string }>().id;
}

async function apply(programme: string, personId: string, extra: object = {}) {
  const response = await post(operator, `/api/programmes/${programme}/applications`, {
    personId,
    channel: 'desk',
    householdSize: 1,
    iseeCents: 500_000,
    documents: ['ISEE'],
    ...extra,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string; duplicateOf: string | null; proposedAmountCents: number }>();
}

/** An approved application's voucher: its id and code. */
async function issueVoucher(
  programme = programmeId,
  householdSize = 1,
): Promise<{ id: string; code: string }> {
  const application = await apply(programme, await env.buildPerson(), { householdSize });
  const decided = await post(operator, `/api/applications/${application.id}/decision`, {
    decision: 'approve',
    reason: 'Requisiti verificati allo sportello',
  });
  expect(decided.statusCode, decided.body).toBe(200);
  const issued = await post(operator, `/api/applications/${application.id}/voucher`, {});
  expect(issued.statusCode, issued.body).toBe(201);
  return issued.json<{ id: string; code: string }>();
}

async function balanceOf(voucherId: string): Promise<number> {
  const [row] = await queryRows<{ balance_cents: number }>(
    env.database.db,
    sql`SELECT balance_cents FROM vouchers WHERE id = ${voucherId}`,
  );
  return row!.balance_cents;
}

async function makeShop(
  name: string,
  vatNumber: string,
  comuneCode: string,
  user: { id: string },
  coords?: object,
) {
  const response = await post(comuneCode === CREMONA ? manager : admin, '/api/shops', {
    name,
    vatNumber,
    comuneCode,
    address: 'Corso Campi 10',
    userIds: [user.id],
    ...coords,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string }>().id;
}

beforeAll(async () => {
  manager = await env.loginAs('welfare_manager');
  admin = await env.loginAs('amministratore', { type: 'all' });
  operator = await env.loginAs('operatore');
  programmeId = await createProgramme('Buoni spesa di prova', 10_000_000);
  const user = await env.buildUser({ role: 'esercente', scope: { type: 'ambito', id: 'CREMONA' } });
  await makeShop('Alimentari di prova', '00297960197', CREMONA, user);
  shopUser = await env.login(user.email);
});

describe('voucher redemption: access', () => {
  it('answers 401 without a session', async () => {
    const response = await post(null, '/api/vouchers/redeem', { code: 'BS-0000-0000-0', amountCents: 100 });
    expect(response.statusCode).toBe(401);
  });

  it('refuses redemption to an operator and programmes to a shop with 403; a shop user without a shop too', async () => {
    const voucher = await issueVoucher();
    expect(
      (await post(operator, '/api/vouchers/redeem', { code: voucher.code, amountCents: 100 })).statusCode,
    ).toBe(403);
    expect(
      (await env.app.inject({ method: 'GET', url: '/api/programmes', headers: shopUser.headers })).statusCode,
    ).toBe(403);
    const unlinked = await env.loginAs('esercente');
    const response = await post(unlinked, '/api/vouchers/redeem', { code: voucher.code, amountCents: 100 });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('NOT_AN_ACCREDITED_SHOP');
    expect(await balanceOf(voucher.id)).toBe(15_000);
  });

  it('hides a Cremona voucher from a Crema shop and a Cremona application from a Crema operator (404, unchanged)', async () => {
    const voucher = await issueVoucher();
    const cremaUser = await env.buildUser({ role: 'esercente', scope: { type: 'ambito', id: 'CREMA' } });
    await makeShop('Bottega di Crema', '01114601006', CREMA, cremaUser);
    const cremaShop = await env.login(cremaUser.email);
    const redeem = await post(cremaShop, '/api/vouchers/redeem', { code: voucher.code, amountCents: 100 });
    expect(redeem.statusCode).toBe(404);
    expect(await balanceOf(voucher.id)).toBe(15_000);

    const application = await apply(programmeId, await env.buildPerson());
    const cremaOperator = await env.loginAs('operatore', { type: 'ambito', id: 'CREMA' });
    const read = await env.app.inject({
      method: 'GET',
      url: `/api/applications/${application.id}`,
      headers: cremaOperator.headers,
    });
    expect(read.statusCode).toBe(404);
    const decide = await post(cremaOperator, `/api/applications/${application.id}/decision`, {
      decision: 'reject',
      reason: 'Prova',
    });
    expect(decide.statusCode).toBe(404);
    const [row] = await queryRows<{ status: string }>(
      env.database.db,
      sql`SELECT status FROM programme_applications WHERE id = ${application.id}`,
    );
    expect(row!.status).toBe('submitted');
  });
});

describe('applications, decisions and issuance', () => {
  it('issues a voucher with a unique code and a QR image, books it on the budget and audits it', async () => {
    const before = await env.app.inject({
      method: 'GET',
      url: `/api/programmes/${programmeId}`,
      headers: manager.headers,
    });
    const voucher = await issueVoucher(programmeId, 3);
    const read = await env.app.inject({
      method: 'GET',
      url: `/api/vouchers/${voucher.id}`,
      headers: operator.headers,
    });
    expect(read.statusCode).toBe(200);
    const body = read.json<{ amountCents: number; balanceCents: number; qrSvg: string; code: string }>();
    expect(body).toMatchObject({ amountCents: 35_000, balanceCents: 35_000 });
    expect(body.code).toMatch(/^BS-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]$/);
    expect(body.qrSvg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const after = await env.app.inject({
      method: 'GET',
      url: `/api/programmes/${programmeId}`,
      headers: manager.headers,
    });
    expect(after.json().budget.committedCents - before.json().budget.committedCents).toBe(35_000);
    const audit = await queryRows<{ action: string; actor_user_id: string }>(
      env.database.db,
      sql`SELECT action, actor_user_id FROM audit_events WHERE entity_id = ${voucher.id} ORDER BY id`,
    );
    expect(audit).toEqual([
      { action: 'voucher.issue', actor_user_id: operator.userId },
      { action: 'voucher.read', actor_user_id: operator.userId },
    ]);
  });

  it('refuses to approve an ISEE one cent above the ceiling, and keeps the application submitted', async () => {
    const application = await apply(programmeId, await env.buildPerson(), { iseeCents: 1_500_001 });
    const response = await post(operator, `/api/applications/${application.id}/decision`, {
      decision: 'approve',
      reason: 'Verificato',
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.details.problems.map((p: { code: string }) => p.code)).toEqual([
      'ISEE_TOO_HIGH',
    ]);
    const [row] = await queryRows<{ status: string }>(
      env.database.db,
      sql`SELECT status FROM programme_applications WHERE id = ${application.id}`,
    );
    expect(row!.status).toBe('submitted');
  });

  it('flags the same household applying twice, and never grants it twice', async () => {
    const person = await env.buildPerson();
    const first = await apply(programmeId, person);
    const second = await apply(programmeId, person);
    expect(second.duplicateOf).toBe(first.id);
    const signals = await env.app.inject({
      method: 'GET',
      url: `/api/programmes/${programmeId}/signals`,
      headers: operator.headers,
    });
    expect(signals.json()).toContainEqual(
      expect.objectContaining({ kind: 'duplicate_application', applicationId: second.id }),
    );
    const approve = (id: string) =>
      post(operator, `/api/applications/${id}/decision`, { decision: 'approve', reason: 'Verificato' });
    expect((await approve(first.id)).statusCode).toBe(200);
    const again = await approve(second.id);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('HOUSEHOLD_ALREADY_GRANTED');
  });

  it('refuses a voucher the budget does not cover with 409, booking nothing', async () => {
    const small = await createProgramme('Buoni con budget piccolo', 20_000);
    await issueVoucher(small);
    const application = await apply(small, await env.buildPerson());
    const decided = await post(operator, `/api/applications/${application.id}/decision`, {
      decision: 'approve',
      reason: 'Verificato',
    });
    expect(decided.statusCode).toBe(200);
    const response = await post(operator, `/api/applications/${application.id}/voucher`, {});
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({
      code: 'BUDGET_EXCEEDED',
      details: { availableCents: 5_000 },
    });
    // The budget is a line of the funds ledger: one commitment (the first voucher), nothing for the refused one.
    const movements = await queryRows<{ kind: string; amount: number; budget: number }>(
      env.database.db,
      sql`SELECT m.kind, m.amount_cents::int AS amount, l.budget_cents::int AS budget
          FROM support_programmes p JOIN fund_lines l ON l.id = p.fund_line_id
          JOIN fund_movements m ON m.line_id = l.id WHERE p.id = ${small}`,
    );
    expect(movements).toEqual([{ kind: 'commitment', amount: 15_000, budget: 20_000 }]);
    const programme = await env.app.inject({
      method: 'GET',
      url: `/api/programmes/${small}`,
      headers: manager.headers,
    });
    expect(programme.json().budget).toMatchObject({
      budgetCents: 20_000,
      committedCents: 15_000,
      availableCents: 5_000,
    });
  });

  it('records the payment of a solidarity-fund grant with the decision’s reason', async () => {
    const fund = await createProgramme('Fondo di solidarietà di prova', 1_000_000, 'solidarity_fund');
    const application = await apply(fund, await env.buildPerson(), { householdSize: 2 });
    const decided = await post(operator, `/api/applications/${application.id}/decision`, {
      decision: 'approve',
      reason: 'Emergenza abitativa documentata',
    });
    expect(decided.json()).toMatchObject({ status: 'approved', amountCents: 25_000 });
    const paid = await post(operator, `/api/applications/${application.id}/payment`, {
      paymentReference: 'MAND-2026-118',
    });
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json()).toMatchObject({ status: 'paid', paymentReference: 'MAND-2026-118' });
    const programme = await env.app.inject({
      method: 'GET',
      url: `/api/programmes/${fund}`,
      headers: manager.headers,
    });
    expect(programme.json().budget).toMatchObject({ committedCents: 25_000, paidCents: 25_000 });
  });
});

describe('redeeming at a shop', () => {
  it('spends part, then the rest, with the remaining balance each time, then answers 409', async () => {
    const voucher = await issueVoucher();
    const first = await post(shopUser, '/api/vouchers/redeem', {
      code: voucher.code.toLowerCase(),
      amountCents: 4_001,
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      remainingCents: 10_999,
      amountCents: 4_001,
      shopName: 'Alimentari di prova',
    });
    expect(first.json()).not.toHaveProperty('personName');
    const over = await post(shopUser, '/api/vouchers/redeem', { code: voucher.code, amountCents: 11_000 });
    expect(over.statusCode).toBe(422);
    expect(over.json().error.code).toBe('AMOUNT_EXCEEDS_BALANCE');
    const rest = await post(shopUser, '/api/vouchers/redeem', { code: voucher.code, amountCents: 10_999 });
    expect(rest.json().remainingCents).toBe(0);
    const again = await post(shopUser, '/api/vouchers/redeem', { code: voucher.code, amountCents: 1 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('VOUCHER_FULLY_REDEEMED');
    expect(await balanceOf(voucher.id)).toBe(0);
    const audit = await queryRows<{ action: string }>(
      env.database.db,
      sql`SELECT action FROM audit_events WHERE entity_id = ${voucher.id} AND action = 'voucher.redeem'`,
    );
    expect(audit).toHaveLength(2);
  });

  it('refuses a mistyped code by its check character, an unknown code with 404, an expired voucher with 422', async () => {
    const malformed = await post(shopUser, '/api/vouchers/redeem', {
      code: 'BS-ABCD-EFGH-!',
      amountCents: 100,
    });
    expect(malformed.statusCode).toBe(422);
    expect(malformed.json().error.details.field).toBe('code');
    const voucher = await issueVoucher();
    const last = voucher.code.at(-1)!;
    const mistyped = voucher.code.slice(0, -1) + (last === '0' ? '1' : '0');
    expect(
      (await post(shopUser, '/api/vouchers/redeem', { code: mistyped, amountCents: 100 })).statusCode,
    ).toBe(422);
    await env.database.db.execute(
      sql`UPDATE vouchers SET valid_until = ${addDays(today, -1)} WHERE id = ${voucher.id}`,
    );
    const expired = await post(shopUser, '/api/vouchers/redeem', { code: voucher.code, amountCents: 100 });
    expect(expired.statusCode).toBe(422);
    expect(expired.json().error.code).toBe('VOUCHER_EXPIRED');
    expect(await balanceOf(voucher.id)).toBe(15_000);
  });

  it('raises a signal when a code is redeemed far from its comune', async () => {
    const voucher = await issueVoucher();
    const user = await env.buildUser({ role: 'esercente', scope: { type: 'all' } });
    // A shop near Crema, about 37 km from Cremona.
    await makeShop('Market lontano', '00488410010', CREMA, user, { latitude: 45.3622, longitude: 9.6853 });
    const far = await env.login(user.email);
    expect(
      (await post(far, '/api/vouchers/redeem', { code: voucher.code, amountCents: 500 })).statusCode,
    ).toBe(200);
    const signals = await env.app.inject({
      method: 'GET',
      url: `/api/programmes/${programmeId}/signals`,
      headers: operator.headers,
    });
    expect(signals.json()).toContainEqual(
      expect.objectContaining({ kind: 'far_redemption', voucherId: voucher.id }),
    );
  });
});

describe('redeemed once under concurrent attempts', () => {
  it('lets exactly one of ten simultaneous full redemptions through', async () => {
    const voucher = await issueVoucher();
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        post(shopUser, '/api/vouchers/redeem', { code: voucher.code, amountCents: 15_000 }),
      ),
    );
    expect(responses.filter((r) => r.statusCode === 200)).toHaveLength(1);
    const refused = responses.filter((r) => r.statusCode === 409);
    expect(refused).toHaveLength(9);
    expect(refused.every((r) => r.json().error.code === 'VOUCHER_FULLY_REDEEMED')).toBe(true);
    const [row] = await queryRows<{ n: number; total: number }>(
      env.database.db,
      sql`SELECT count(*)::int AS n, sum(amount_cents)::int AS total FROM voucher_redemptions WHERE voucher_id = ${voucher.id}`,
    );
    expect(row).toEqual({ n: 1, total: 15_000 });
    expect(await balanceOf(voucher.id)).toBe(0);
  });

  it('never spends more than the balance when partial redemptions race', async () => {
    const voucher = await issueVoucher();
    const responses = await Promise.all(
      Array.from({ length: 8 }, () =>
        post(shopUser, '/api/vouchers/redeem', { code: voucher.code, amountCents: 4_000 }),
      ),
    );
    expect(responses.filter((r) => r.statusCode === 200)).toHaveLength(3);
    const remaining = responses
      .filter((r) => r.statusCode === 200)
      .map((r) => r.json().remainingCents)
      .sort((a, b) => a - b);
    expect(remaining).toEqual([3_000, 7_000, 11_000]);
    const [row] = await queryRows<{ total: number }>(
      env.database.db,
      sql`SELECT sum(amount_cents)::int AS total FROM voucher_redemptions WHERE voucher_id = ${voucher.id}`,
    );
    expect(row!.total).toBe(12_000);
    expect(await balanceOf(voucher.id)).toBe(3_000);
  });
});
