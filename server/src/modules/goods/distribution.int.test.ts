import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows, sql } from '../../platform/db/database.js';
import { addDays, dateInRome } from '../../platform/time.js';
import { CREMA, CREMONA, setupTestEnv, type Session } from '../../test/harness.js';
import { sendLoanReminders } from './loans.service.js';

const env = await setupTestEnv();
const today = dateInRome();
// Pieve San Giacomo, in the Ambito Cremonese.
const PIEVE = '019075';

let operator: Session;
let cremaOperator: Session;
let orgId: string;
let pasta: string;
let milk: string;
let masks: string;
let point: string;
let market: string;

async function post(session: Session | null, url: string, payload: unknown) {
  return env.app.inject({ method: 'POST', url, headers: session?.headers ?? {}, payload: payload as object });
}
async function get(session: Session | null, url: string) {
  return env.app.inject({ method: 'GET', url, headers: session?.headers ?? {} });
}
async function created<T>(session: Session, url: string, payload: unknown): Promise<T> {
  const response = await post(session, url, payload);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<T>();
}
async function count(query: ReturnType<typeof sql>): Promise<number> {
  const [row] = await queryRows<{ n: number }>(env.database.db, query);
  return row!.n;
}

/** A household of `size` made-up people in a comune; returns the first member's id. */
async function household(size: number, comune = CREMONA): Promise<string> {
  const [h] = await queryRows<{ id: string }>(
    env.database.db,
    sql`INSERT INTO households (comune_code, address) VALUES (${comune}, 'Via Platina 3') RETURNING id`,
  );
  const ids: string[] = [];
  for (let i = 0; i < size; i++) ids.push(await env.buildPerson({ comune }));
  for (const id of ids)
    await env.database.db.execute(sql`UPDATE people SET household_id = ${h!.id} WHERE id = ${id}`);
  return ids[0]!;
}

async function newPoint(name: string, kind = 'point', comuneCode = CREMONA): Promise<string> {
  const session = comuneCode === CREMA ? cremaOperator : operator;
  return (
    await created<{ id: string }>(session, '/api/goods/points', {
      name,
      kind,
      organizationId: orgId,
      comuneCode,
      address: 'Via Dante 1',
    })
  ).id;
}

beforeAll(async () => {
  operator = await env.loginAs('operatore');
  cremaOperator = await env.loginAs('operatore', { type: 'ambito', id: 'CREMA' });
  const [org] = await queryRows<{ id: string }>(
    env.database.db,
    sql`INSERT INTO organizations (name, kind, comune_code) VALUES ('Banco di solidarietà (prova)', 'association', ${CREMONA}) RETURNING id`,
  );
  orgId = org!.id;
  const item = async (name: string, category: string, perishable: boolean) =>
    (await created<{ id: string }>(operator, '/api/goods/items', { name, category, unit: 'pz', perishable }))
      .id;
  pasta = await item('Pasta (prova)', 'food', true);
  milk = await item('Latte (prova)', 'food', true);
  masks = await item('Mascherine (prova)', 'ppe', false);
  const donor = await created<{ id: string }>(operator, '/api/goods/donors', {
    kind: 'drive',
    name: 'Raccolta di quartiere (prova)',
  });
  point = await newPoint('Punto pacchi di prova');
  market = await newPoint('Emporio di prova', 'social_market');
  for (const at of [point, market])
    await created(operator, '/api/stock/donations', {
      pointId: at,
      donorId: donor.id,
      lines: [
        { itemId: pasta, quantity: 40, expiryDate: addDays(today, 60) },
        { itemId: pasta, quantity: 5, expiryDate: addDays(today, 3) },
        { itemId: milk, quantity: 40, expiryDate: addDays(today, 20) },
        { itemId: masks, quantity: 500 },
      ],
    });
  await created(operator, '/api/goods/parcel-templates', {
    name: 'Pacco piccolo (prova)',
    minHouseholdSize: 1,
    maxHouseholdSize: 2,
    lines: [
      { itemId: pasta, quantity: 2 },
      { itemId: milk, quantity: 2 },
    ],
  });
  await created(operator, '/api/goods/parcel-templates', {
    name: 'Pacco famiglia (prova)',
    minHouseholdSize: 3,
    maxHouseholdSize: null,
    lines: [
      { itemId: pasta, quantity: 6 },
      { itemId: milk, quantity: 4 },
    ],
  });
});

describe('food parcels', () => {
  it('assembles a parcel by household size from the lots expiring first, and delivers it as a task', async () => {
    const person = await household(4);
    const parcel = await created<{
      id: string;
      templateName: string;
      householdSize: number;
      requestId: string;
      taskIds: string[];
      lines: { itemName: string; quantity: number; expiryDate: string }[];
    }>(operator, '/api/parcels', { pointId: point, personId: person, delivery: 'delivery' });
    expect(parcel.templateName).toBe('Pacco famiglia (prova)');
    expect(parcel.householdSize).toBe(4);
    // FEFO: the 5 pasta expiring in three days go first, then 1 from the later lot.
    const pastaLines = parcel.lines.filter((l) => l.itemName === 'Pasta (prova)');
    expect(pastaLines).toEqual([
      expect.objectContaining({ quantity: 5, expiryDate: addDays(today, 3) }),
      expect.objectContaining({ quantity: 1, expiryDate: addDays(today, 60) }),
    ]);
    expect(parcel.taskIds).toHaveLength(1);
    const [task] = await queryRows<{
      intervention_type_id: string;
      due_date: string;
      organization_id: string;
      status: string;
    }>(
      env.database.db,
      sql`SELECT intervention_type_id, to_char(due_date, 'YYYY-MM-DD') AS due_date, organization_id, status FROM tasks WHERE id = ${parcel.taskIds[0]!}`,
    );
    expect(task).toEqual({
      intervention_type_id: 'food_parcels',
      due_date: addDays(today, 1),
      organization_id: orgId,
      status: 'open',
    });
    const [request] = await queryRows<{ status: string; beneficiary_id: string }>(
      env.database.db,
      sql`SELECT status, beneficiary_id FROM help_requests WHERE id = ${parcel.requestId}`,
    );
    expect(request).toEqual({ status: 'accepted', beneficiary_id: person });
    const [audit] = await queryRows<{ n: number }>(
      env.database.db,
      sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'parcel.create' AND entity_id = ${parcel.id}`,
    );
    expect(audit!.n).toBe(1);
  });

  it('refuses a second parcel to the same household this week with 409, then allows it with a reason', async () => {
    const person = await household(2);
    const [other] = await queryRows<{ id: string }>(
      env.database.db,
      sql`SELECT id FROM people WHERE household_id = (SELECT household_id FROM people WHERE id = ${person}) AND id <> ${person}`,
    );
    await created(operator, '/api/parcels', { pointId: point, personId: person, delivery: 'pickup' });
    const before = await count(sql`SELECT count(*)::int AS n FROM stock_movements`);
    const again = await post(operator, '/api/parcels', {
      pointId: point,
      personId: other!.id,
      delivery: 'pickup',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('PARCEL_ALREADY_IN_PERIOD');
    expect(await count(sql`SELECT count(*)::int AS n FROM stock_movements`)).toBe(before);
    const blank = await post(operator, '/api/parcels', {
      pointId: point,
      personId: other!.id,
      delivery: 'pickup',
      overrideReason: '  ',
    });
    expect(blank.statusCode).toBe(400);
    const overridden = await created<{ overrideReason: string }>(operator, '/api/parcels', {
      pointId: point,
      personId: other!.id,
      delivery: 'pickup',
      overrideReason: 'Nucleo con un neonato, scorte finite',
    });
    expect(overridden.overrideReason).toBe('Nucleo con un neonato, scorte finite');
    const history = await get(operator, `/api/parcels?person=${person}`);
    expect(history.json()).toHaveLength(2);
  });

  it('lets one of two desks give the household its weekly parcel when both try at once', async () => {
    const person = await household(1);
    const responses = await Promise.all(
      Array.from({ length: 4 }, () =>
        post(operator, '/api/parcels', { pointId: point, personId: person, delivery: 'pickup' }),
      ),
    );
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409]);
    expect(await count(sql`SELECT count(*)::int AS n FROM parcels WHERE person_id = ${person}`)).toBe(1);
  });

  it('confirms a pick-up once, and hides the parcel from another Ambito with 404', async () => {
    const person = await household(1);
    const parcel = await created<{ id: string }>(operator, '/api/parcels', {
      pointId: point,
      personId: person,
      delivery: 'pickup',
    });
    expect((await post(cremaOperator, `/api/parcels/${parcel.id}/pickup`, {})).statusCode).toBe(404);
    expect((await get(cremaOperator, `/api/parcels/${parcel.id}`)).statusCode).toBe(404);
    const picked = await post(operator, `/api/parcels/${parcel.id}/pickup`, {});
    expect(picked.statusCode, picked.body).toBe(200);
    expect(picked.json().pickedUpAt).not.toBeNull();
    expect((await post(operator, `/api/parcels/${parcel.id}/pickup`, {})).statusCode).toBe(409);
    expect((await get(null, `/api/parcels/${parcel.id}`)).statusCode).toBe(401);
  });
});

describe('distribution campaigns', () => {
  let campaign: string;
  let turns65Today: string;
  let turns65Tomorrow: string;

  beforeAll(async () => {
    const [y, m, d] = today.split('-').map(Number) as [number, number, number];
    const birth = (offset: number) =>
      addDays(`${y - 65}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`, offset);
    turns65Today = await env.buildPerson({ comune: CREMONA, birthDate: birth(0) });
    turns65Tomorrow = await env.buildPerson({ comune: CREMONA, birthDate: birth(1) });
    await env.buildPerson({ comune: PIEVE, birthDate: '1940-03-10', familyName: 'Bodini' });
    await env.buildPerson({ comune: CREMA, birthDate: '1940-03-11', familyName: 'Zucchi' });
    campaign = (
      await created<{ id: string }>(operator, '/api/goods/campaigns', {
        name: 'Mascherine agli over 65 (prova)',
        comuneCode: CREMONA,
        comuni: [CREMONA, PIEVE],
        minAge: 65,
        itemId: masks,
        quantityPerPerson: 5,
        startsOn: addDays(today, -5),
      })
    ).id;
  });

  it('draws the eligible population from the registry: 65 today is in, 65 tomorrow is not', async () => {
    const notReached = await get(operator, `/api/goods/campaigns/${campaign}/not-reached?limit=500`);
    expect(notReached.statusCode, notReached.body).toBe(200);
    const ids = notReached.json<{ items: { id: string }[] }>().items.map((p) => p.id);
    expect(ids).toContain(turns65Today);
    expect(ids).not.toContain(turns65Tomorrow);
    const refused = await post(operator, `/api/goods/campaigns/${campaign}/deliveries`, {
      personId: turns65Tomorrow,
      channel: 'point',
      pointId: point,
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('NOT_ELIGIBLE');
  });

  it('reaches a person once, however many desks try at once, taking the masks from the point', async () => {
    const stockBefore = await count(
      sql`SELECT coalesce(sum(b.quantity), 0)::int AS n FROM stock_balances b JOIN stock_lots l ON l.id = b.lot_id WHERE b.point_id = ${point} AND l.item_id = ${masks}`,
    );
    const responses = await Promise.all(
      Array.from({ length: 5 }, () =>
        post(operator, `/api/goods/campaigns/${campaign}/deliveries`, {
          personId: turns65Today,
          channel: 'point',
          pointId: point,
        }),
      ),
    );
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409, 409]);
    expect(
      responses
        .filter((r) => r.statusCode === 409)
        .every((r) => r.json().error.code === 'CAMPAIGN_ALREADY_REACHED'),
    ).toBe(true);
    const stockAfter = await count(
      sql`SELECT coalesce(sum(b.quantity), 0)::int AS n FROM stock_balances b JOIN stock_lots l ON l.id = b.lot_id WHERE b.point_id = ${point} AND l.item_id = ${masks}`,
    );
    expect(stockBefore - stockAfter).toBe(5);
    const notReached = await get(operator, `/api/goods/campaigns/${campaign}/not-reached?limit=500`);
    expect(notReached.json<{ items: { id: string }[] }>().items.map((p) => p.id)).not.toContain(turns65Today);
  });

  it('shows progress per comune of the territory, counting reached among eligible', async () => {
    const response = await get(operator, `/api/goods/campaigns/${campaign}`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<{
      campaign: { eligible: number; reached: number };
      comuni: { comuneCode: string; eligible: number; reached: number; permille: number }[];
    }>();
    const expected = await queryRows<{ comune_code: string; n: number }>(
      env.database.db,
      sql`SELECT comune_code, count(*)::int AS n FROM people WHERE comune_code IN (${CREMONA}, ${PIEVE})
            AND birth_date <= (${today}::date - interval '65 years')::date GROUP BY comune_code ORDER BY comune_code`,
    );
    const cremona = body.comuni.find((c) => c.comuneCode === CREMONA)!;
    expect(cremona.eligible).toBe(expected.find((e) => e.comune_code === CREMONA)!.n);
    expect(cremona.reached).toBe(1);
    expect(cremona.permille).toBe(Math.floor(1000 / cremona.eligible));
    expect(body.comuni.find((c) => c.comuneCode === PIEVE)!.eligible).toBe(
      expected.find((e) => e.comune_code === PIEVE)!.n,
    );
    expect(body.campaign.reached).toBe(1);
    expect((await get(cremaOperator, `/api/goods/campaigns/${campaign}`)).statusCode).toBe(404);
  });

  it('refuses a campaign over a comune outside the territory with 404, creating nothing', async () => {
    const response = await post(operator, '/api/goods/campaigns', {
      name: 'Campagna fuori territorio (prova)',
      comuneCode: CREMONA,
      comuni: [CREMA],
      startsOn: today,
    });
    expect(response.statusCode).toBe(404);
    expect(
      await count(
        sql`SELECT count(*)::int AS n FROM distribution_campaigns WHERE name = 'Campagna fuori territorio (prova)'`,
      ),
    ).toBe(0);
  });

  it('delivers at home as a task in tomorrow’s rounds, taking the masks from the point, and needs the point', async () => {
    const person = await env.buildPerson({ comune: CREMONA, birthDate: '1948-05-20' });
    const url = `/api/goods/campaigns/${campaign}/deliveries`;
    const refused = await post(operator, url, { personId: person, channel: 'delivery' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('POINT_REQUIRED');
    expect(
      await count(sql`SELECT count(*)::int AS n FROM help_requests WHERE beneficiary_id = ${person}`),
    ).toBe(0);

    const delivery = await created<{
      channel: string;
      requestId: string;
      taskIds: string[];
      batchId: string;
    }>(operator, url, { personId: person, channel: 'delivery', pointId: point });
    expect(delivery.channel).toBe('delivery');
    expect(delivery.taskIds).toHaveLength(1);
    const [task] = await queryRows<{
      intervention_type_id: string;
      due_date: string;
      organization_id: string;
    }>(
      env.database.db,
      sql`SELECT intervention_type_id, to_char(due_date, 'YYYY-MM-DD') AS due_date, organization_id FROM tasks
          WHERE id = ${delivery.taskIds[0]!}`,
    );
    expect(task).toEqual({
      intervention_type_id: 'masks_over65',
      due_date: addDays(today, 1),
      organization_id: orgId,
    });
    const [request] = await queryRows<{ status: string; beneficiary_id: string }>(
      env.database.db,
      sql`SELECT status, beneficiary_id FROM help_requests WHERE id = ${delivery.requestId}`,
    );
    expect(request).toEqual({ status: 'accepted', beneficiary_id: person });
    expect(
      await count(
        sql`SELECT (-sum(quantity))::int AS n FROM stock_movements WHERE batch_id = ${delivery.batchId}`,
      ),
    ).toBe(5);
    const [row] = await queryRows<{ request_id: string }>(
      env.database.db,
      sql`SELECT request_id FROM campaign_deliveries WHERE campaign_id = ${campaign} AND person_id = ${person}`,
    );
    expect(row!.request_id).toBe(delivery.requestId);
  });
});

describe('equipment on loan', () => {
  let tablet: string;

  beforeAll(async () => {
    tablet = (
      await created<{ id: string }>(operator, '/api/assets', {
        kind: 'tablet',
        label: 'Tablet 10" (prova)',
        serialNumber: 'TAB-PROVA-0001',
        organizationId: orgId,
        comuneCode: CREMONA,
      })
    ).id;
  });

  it('lends a tablet for a school term by default, and not twice at once', async () => {
    const pupil = await env.buildPerson({ birthDate: '2014-05-05' });
    const loan = await created<{ dueDate: string; state: string }>(operator, '/api/loans', {
      assetId: tablet,
      personId: pupil,
      school: 'I.C. Cremona Uno',
      startedOn: addDays(today, -10),
    });
    expect(loan.dueDate).toBe(addDays(today, 110));
    expect(loan.state).toBe('out');
    const again = await post(operator, '/api/loans', { assetId: tablet, personId: await env.buildPerson() });
    expect(again.statusCode).toBe(409);
    const assets = await get(operator, '/api/assets?state=out');
    expect(assets.json<{ id: string }[]>().map((a) => a.id)).toContain(tablet);
  });

  it('reminds from three days before the due date through the outbox, once a day, and takes it back with its condition', async () => {
    const wheelchair = await created<{ id: string }>(operator, '/api/assets', {
      kind: 'wheelchair',
      label: 'Carrozzina pieghevole (prova)',
      serialNumber: 'WC-PROVA-0001',
      organizationId: orgId,
      comuneCode: CREMONA,
    });
    const person = await env.buildPerson();
    await env.database.db.execute(
      sql`UPDATE people SET email = 'famiglia.prova@example.org' WHERE id = ${person}`,
    );
    const loan = await created<{ id: string; dueDate: string }>(operator, '/api/loans', {
      assetId: wheelchair.id,
      personId: person,
      startedOn: addDays(today, -30),
      days: 32,
    });
    expect(loan.dueDate).toBe(addDays(today, 2));
    const reminders = () =>
      count(
        sql`SELECT count(*)::int AS n FROM notifications WHERE kind = 'loan.reminder' AND recipient_email = 'famiglia.prova@example.org'`,
      );
    await env.database.db.transaction((tx) => sendLoanReminders(tx, today));
    await env.database.db.transaction((tx) => sendLoanReminders(tx, today));
    expect(await reminders()).toBe(1);
    const back = await post(operator, `/api/loans/${loan.id}/return`, {
      condition: 'worn',
      notes: 'Ruota da sistemare',
    });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toMatchObject({ state: 'returned', returnCondition: 'worn', returnedOn: today });
    expect((await post(operator, `/api/loans/${loan.id}/return`, { condition: 'good' })).statusCode).toBe(
      409,
    );
    const available = await get(operator, '/api/assets?state=available');
    expect(
      available.json<{ id: string; condition: string }[]>().find((a) => a.id === wheelchair.id)?.condition,
    ).toBe('worn');
    await env.database.db.transaction((tx) => sendLoanReminders(tx, addDays(today, 1)));
    expect(await reminders()).toBe(1);
  });

  it('hides a loan from another Ambito with 404 and leaves it open', async () => {
    const asset = await created<{ id: string }>(operator, '/api/assets', {
      kind: 'telecare',
      label: 'Telesoccorso (prova)',
      serialNumber: 'TS-PROVA-0001',
      organizationId: orgId,
      comuneCode: CREMONA,
    });
    const loan = await created<{ id: string }>(operator, '/api/loans', {
      assetId: asset.id,
      personId: await env.buildPerson(),
    });
    expect(
      (await post(cremaOperator, `/api/loans/${loan.id}/return`, { condition: 'good' })).statusCode,
    ).toBe(404);
    expect(
      await count(
        sql`SELECT count(*)::int AS n FROM asset_loans WHERE id = ${loan.id} AND returned_on IS NULL`,
      ),
    ).toBe(1);
  });
});

describe('social market points', () => {
  let till: Session;
  let card: string;
  const month = today.slice(0, 7);

  beforeAll(async () => {
    const user = await env.buildUser({ role: 'esercente' });
    await env.database.db.execute(
      sql`INSERT INTO market_till_users (point_id, user_id) VALUES (${market}, ${user.id})`,
    );
    till = await env.login(user.email);
    const account = await created<{ cardCode: string; monthlyPoints: number }>(
      operator,
      '/api/market/accounts',
      {
        pointId: market,
        personId: await household(3),
        validUntil: addDays(today, 200),
      },
    );
    expect(account.monthlyPoints).toBe(75);
    card = account.cardCode;
  });

  it('credits a month by household size once, however many times it runs', async () => {
    const first = await post(operator, '/api/market/credits', { pointId: market, month });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ credited: 1, points: 75, alreadyCredited: 0 });
    const again = await Promise.all([
      post(operator, '/api/market/credits', { pointId: market, month }),
      post(operator, '/api/market/credits', { pointId: market, month }),
    ]);
    expect(again.map((r) => r.json().credited)).toEqual([0, 0]);
    expect(await count(sql`SELECT balance_points AS n FROM market_accounts WHERE card_code = ${card}`)).toBe(
      75,
    );
  });

  it('never spends the same points twice when the till sends a purchase concurrently', async () => {
    const responses = await Promise.all(
      Array.from({ length: 6 }, () =>
        post(till, '/api/market/spend', {
          cardCode: card.toLowerCase(),
          points: 20,
          lines: [{ itemId: milk, quantity: 1 }],
        }),
      ),
    );
    const ok = responses.filter((r) => r.statusCode === 200);
    expect(ok).toHaveLength(3);
    expect(ok.map((r) => r.json().remainingPoints).sort((a, b) => a - b)).toEqual([15, 35, 55]);
    const refused = responses.filter((r) => r.statusCode === 409);
    expect(refused).toHaveLength(3);
    expect(refused.every((r) => r.json().error.code === 'MARKET_POINTS_INSUFFICIENT')).toBe(true);
    expect(await count(sql`SELECT balance_points AS n FROM market_accounts WHERE card_code = ${card}`)).toBe(
      15,
    );
    expect(
      await count(
        sql`SELECT coalesce(sum(-points), 0)::int AS n FROM market_point_movements m JOIN market_accounts a ON a.id = m.account_id
            WHERE a.card_code = ${card} AND m.kind = 'spend'`,
      ),
    ).toBe(60);
    expect(
      await count(
        sql`SELECT count(*)::int AS n FROM stock_batches WHERE kind = 'market' AND point_id = ${market}`,
      ),
    ).toBe(3);
  });

  it('refuses a mistyped card, a card of another market, and a user without a till', async () => {
    const mistyped = card.slice(0, -1) + (card.endsWith('0') ? '1' : '0');
    expect((await post(till, '/api/market/spend', { cardCode: mistyped, points: 1 })).json().error.code).toBe(
      'CARD_CODE_MALFORMED',
    );
    const other = await newPoint('Altro emporio (prova)', 'social_market');
    const otherUser = await env.buildUser({ role: 'esercente' });
    await env.database.db.execute(
      sql`INSERT INTO market_till_users (point_id, user_id) VALUES (${other}, ${otherUser.id})`,
    );
    const elsewhere = await post(await env.login(otherUser.email), '/api/market/spend', {
      cardCode: card,
      points: 1,
    });
    expect(elsewhere.statusCode).toBe(404);
    const noTill = await env.login((await env.buildUser({ role: 'esercente' })).email);
    expect((await post(noTill, '/api/market/spend', { cardCode: card, points: 1 })).statusCode).toBe(403);
    expect((await post(operator, '/api/market/spend', { cardCode: card, points: 1 })).statusCode).toBe(403);
    expect(await count(sql`SELECT balance_points AS n FROM market_accounts WHERE card_code = ${card}`)).toBe(
      15,
    );
  });
});
