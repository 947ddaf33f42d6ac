import { randomBytes } from 'node:crypto';
import { queryRows, sql, type Tx } from '../../platform/db/database.js';
import { addDays } from '../../platform/time.js';
import { voucherCode } from '../vouchers/vouchers.rules.js';
import * as goods from './goods.repository.js';
import * as repo from './distribution.repository.js';
import { periodKey } from './goods.rules.js';
import { MARKET_POINTS_BY_SIZE } from './goods.rules.js';
import { PARCEL_PERIOD } from './parcels.service.js';

/*
 * Demo data of goods going out to people (seeded by goods.demo.ts, system job): parcel templates
 * and who received the month's parcels, the masks campaign for the over-65s (Cremona half done),
 * ten tablets on loan to pupils, and the social market of Cremona with its cards.
 */

const CREMONA = '019036';

export interface DemoHousehold {
  person_id: string;
  household_id: string | null;
  comune_code: string;
  size: number;
}

/** Templates by household size (seed 000's parcels: pasta, milk, tomato, rice, fruit). */
export async function seedParcelTemplates(tx: Tx, food: { id: string; name: string }[]): Promise<void> {
  for (const [name, min, max, quantity] of [
    ['Pacco piccolo (1–2 persone)', 1, 2, 2],
    ['Pacco medio (3–4 persone)', 3, 4, 4],
    ['Pacco famiglia (5 persone e più)', 5, null, 6],
  ] as const)
    await repo.insertTemplate(tx, {
      name,
      min,
      max,
      lines: food.map((f) => ({ itemId: f.id, quantity })),
    });
}

/**
 * Gives each parcel batch of the month to a household of Cremona, at most one per household and
 * week, picked up at the point.
 */
export async function seedParcelRecipients(
  tx: Tx,
  options: {
    parcels: { batchId: string; pointId: string; date: string }[];
    households: readonly DemoHousehold[];
    operator: string | null;
  },
): Promise<void> {
  const cremona = options.households.filter((h) => h.comune_code === CREMONA);
  const given = new Set<string>();
  let next = 0;
  for (const parcel of options.parcels) {
    const week = periodKey(parcel.date, PARCEL_PERIOD);
    let h: DemoHousehold | undefined;
    for (let tries = 0; tries < cremona.length && !h; tries++) {
      const candidate = cremona[next++ % cremona.length]!;
      if (!given.has(`${candidate.household_id ?? candidate.person_id}|${week}`)) h = candidate;
    }
    if (!h) continue;
    const key = h.household_id ?? h.person_id;
    given.add(`${key}|${week}`);
    const id = await repo.insertParcel(tx, {
      personId: h.person_id,
      householdId: h.household_id,
      householdKey: key,
      comuneCode: h.comune_code,
      pointId: parcel.pointId,
      templateId: null,
      batchId: parcel.batchId,
      householdSize: Math.max(1, h.size),
      assembledOn: parcel.date,
      periodKey: week,
      delivery: 'pickup',
      requestId: null,
      overrideReason: null,
      createdBy: options.operator ?? (await anyUser(tx)),
    });
    if (options.operator) await repo.markPickedUp(tx, id, options.operator);
  }
}

async function anyUser(tx: Tx): Promise<string> {
  const [row] = await queryRows<{ id: string }>(tx, sql`SELECT id FROM users ORDER BY email LIMIT 1`);
  return row!.id;
}

/**
 * Masks to the over-65s of the Ambito Cremonese (seed 000: "a tutti gli over 65"): Cremona half
 * done, the other comuni at various stages.
 */
export async function seedMasksCampaign(
  tx: Tx,
  options: {
    masksItemId: string;
    pointId: string;
    today: string;
    operator: string;
    int: (a: number, b: number) => number;
  },
): Promise<void> {
  const comuni = (
    await queryRows<{ istat_code: string }>(
      tx,
      sql`SELECT istat_code FROM comuni WHERE ambito_id = 'CREMONA' ORDER BY istat_code`,
    )
  ).map((c) => c.istat_code);
  const id = await repo.insertCampaign(tx, {
    name: 'Mascherine agli over 65 – Ambito Cremonese',
    comuneCode: CREMONA,
    comuni,
    minAge: 65,
    itemId: options.masksItemId,
    quantityPerPerson: 5,
    startsOn: addDays(options.today, -20),
    endsOn: addDays(options.today, 40),
    createdBy: options.operator,
  });
  const eligible = await queryRows<{ id: string; comune_code: string }>(
    tx,
    sql`SELECT p.id, p.comune_code FROM people p JOIN comuni c ON c.istat_code = p.comune_code
        WHERE c.ambito_id = 'CREMONA' AND p.birth_date <= (${options.today}::date - interval '65 years')::date
        ORDER BY p.comune_code, p.family_name, p.given_name, p.id`,
  );
  const byComune = new Map<string, string[]>();
  for (const p of eligible) byComune.set(p.comune_code, [...(byComune.get(p.comune_code) ?? []), p.id]);
  for (const [comune, people] of byComune) {
    const share = comune === CREMONA ? 0.5 : options.int(0, 10) / 10;
    for (const personId of people.slice(0, Math.floor(people.length * share)))
      await repo.insertDelivery(tx, {
        campaignId: id,
        personId,
        comuneCode: comune,
        channel: options.int(0, 1) === 0 ? 'point' : 'delivery',
        pointId: options.pointId,
        batchId: null,
        deliveredOn: addDays(options.today, -options.int(0, 19)),
        deliveredBy: options.operator,
      });
  }
}

/** Fourteen tablets of the Comune, ten of them lent to the youngest of the Cremonese (two overdue). */
export async function seedTabletLoans(
  tx: Tx,
  options: { organizationId: string; today: string; operator: string },
): Promise<void> {
  const pupils = await queryRows<{ id: string; household_id: string | null; comune_code: string }>(
    tx,
    sql`SELECT p.id, p.household_id, p.comune_code FROM people p JOIN comuni c ON c.istat_code = p.comune_code
        WHERE c.ambito_id = 'CREMONA' ORDER BY p.birth_date DESC, p.id LIMIT 10`,
  );
  const schools = ['I.C. Cremona Uno', 'I.C. Cremona Tre', 'Scuola secondaria Vida'];
  for (let i = 0; i < 14; i++) {
    const assetId = await repo.insertAsset(tx, {
      kind: 'tablet',
      label: 'Tablet 10" per la didattica a distanza',
      serialNumber: `R9CN${String(310_500 + i * 37)}`,
      organizationId: options.organizationId,
      comuneCode: CREMONA,
      condition: 'good',
    });
    const pupil = pupils[i];
    if (!pupil) continue;
    const startedOn = addDays(options.today, i < 2 ? -130 : -20 - i * 3);
    await repo.insertLoan(tx, {
      assetId,
      personId: pupil.id,
      householdId: pupil.household_id,
      comuneCode: pupil.comune_code,
      school: schools[i % schools.length]!,
      startedOn,
      dueDate: addDays(startedOn, 120),
      createdBy: options.operator,
    });
  }
}

/** The social market of Cremona: cards for a dozen households, this month credited, some spent. */
export async function seedSocialMarket(
  tx: Tx,
  options: {
    organizationId: string;
    households: readonly DemoHousehold[];
    today: string;
    operator: string;
    till: string | null;
    int: (a: number, b: number) => number;
  },
): Promise<void> {
  const pointId = await goods.insertPoint(tx, {
    name: 'Emporio solidale di Cremona',
    kind: 'social_market',
    organizationId: options.organizationId,
    comuneCode: CREMONA,
    address: 'Via Milano 5/c, Cremona',
    latitude: 45.1401,
    longitude: 10.0118,
  });
  if (options.till) await repo.addTillUser(tx, pointId, options.till);
  for (const h of options.households.filter((x) => x.comune_code === CREMONA).slice(0, 12))
    await repo.insertAccount(tx, {
      pointId,
      personId: h.person_id,
      householdKey: h.household_id ?? h.person_id,
      comuneCode: h.comune_code,
      cardCode: voucherCode(randomBytes(8), 'EM'),
      householdSize: Math.max(1, h.size),
      validUntil: addDays(options.today, 180),
      createdBy: options.operator,
    });
  await repo.creditMonth(tx, {
    pointId,
    month: options.today.slice(0, 7),
    pointsBySize: MARKET_POINTS_BY_SIZE,
    userId: options.operator,
  });
  const spender = options.till ?? options.operator;
  for (const account of await repo.listAccounts(tx, pointId)) {
    const points = Math.min(account.balance_points, options.int(0, 30));
    if (points === 0) continue;
    await repo.spendFromAccount(tx, {
      accountId: account.id,
      comuneCode: account.comune_code,
      points,
      remaining: account.balance_points - points,
      batchId: null,
      userId: spender,
    });
  }
}
