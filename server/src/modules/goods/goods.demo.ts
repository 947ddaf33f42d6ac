import { randomBytes } from 'node:crypto';
import { queryRows, sql, type Tx } from '../../platform/db/database.js';
import { addDays } from '../../platform/time.js';
import type { Context } from '../../platform/context.js';
import { ledgerOf } from '../vouchers/vouchers.budget.js';
import * as vouchers from '../vouchers/vouchers.repository.js';
import { openBudgetLine } from '../vouchers/vouchers.service.js';
import { amountFor, isFarRedemption, voucherCode } from '../vouchers/vouchers.rules.js';
import type { ProgrammeRule } from '../../../../shared/src/vouchers/vouchers.schemas.js';
import * as goods from './goods.repository.js';
import { chooseLotsFefo } from './goods.rules.js';
import {
  seedMasksCampaign,
  seedParcelRecipients,
  seedParcelTemplates,
  seedSocialMarket,
  seedTabletLoans,
  type DemoHousehold,
} from './distribution.demo.js';

/*
 * Demo data of goods and vouchers, seeded by demo.seed.ts on an empty database (system job, no RLS).
 * Companies and shops are made up; their partite IVA carry a valid check digit and are nobody's.
 * Applicants are the demo registry's own (made-up) people of the Ambito Cremonese.
 */

const CREMONA = '019036';

/** Made-up 11-digit partita IVA with a correct check digit, from a 10-digit base. */
export function demoVatNumber(base: string): string {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const digit = Number(base[i]);
    sum += i % 2 === 0 ? digit : digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
  }
  return `${base}${(10 - (sum % 10)) % 10}`;
}

export const DEMO_SHOPS = [
  {
    name: 'Alimentari Bergamaschi',
    base: '9900000101',
    address: 'Via Mazzini 14',
    lat: 45.1347,
    lon: 10.0256,
  },
  { name: 'Minimarket Porta Po', base: '9900000202', address: 'Via del Sale 40', lat: 45.1268, lon: 10.0317 },
  {
    name: 'Forno e Drogheria Zaist',
    base: '9900000303',
    address: 'Via Giuseppina 7',
    lat: 45.1421,
    lon: 10.0103,
  },
] as const;

const DONORS = [
  { name: 'Pastificio Padano S.r.l. (demo)', base: '9900001101' },
  { name: 'Latteria Cremonese Soc. Coop. (demo)', base: '9900001202' },
  { name: 'Ortofrutta del Po S.p.A. (demo)', base: '9900001303' },
  { name: 'Supermercati Torrazzo S.r.l. (demo)', base: '9900001404' },
] as const;

const ITEMS = [
  { name: 'Pasta di semola 500 g', category: 'food', unit: 'conf', perishable: true, shelfDays: 300 },
  { name: 'Latte UHT 1 l', category: 'food', unit: 'l', perishable: true, shelfDays: 90 },
  { name: 'Passata di pomodoro 700 g', category: 'food', unit: 'conf', perishable: true, shelfDays: 400 },
  { name: 'Riso 1 kg', category: 'food', unit: 'conf', perishable: true, shelfDays: 365 },
  { name: 'Mele', category: 'food', unit: 'kg', perishable: true, shelfDays: 12 },
  { name: 'Mascherine chirurgiche', category: 'ppe', unit: 'pz', perishable: false, shelfDays: 0 },
  { name: 'Detersivo piatti', category: 'hygiene', unit: 'pz', perishable: false, shelfDays: 0 },
] as const;

// Shaped on the 2020 emergency food vouchers of Lombard comuni: an amount by household size, an ISEE ceiling.
const VOUCHER_RULE: ProgrammeRule = {
  residenceComuni: null,
  minHouseholdSize: 1,
  maxHouseholdSize: null,
  iseeMaxCents: 1_500_000,
  iseeRequired: false,
  amountBySizeCents: [15_000, 25_000, 35_000, 45_000, 50_000],
  iseeBands: [],
  maxAmountCents: null,
};
const SOLIDARITY_RULE: ProgrammeRule = {
  ...VOUCHER_RULE,
  residenceComuni: [CREMONA],
  iseeMaxCents: 900_000,
  iseeRequired: true,
  amountBySizeCents: [30_000, 40_000, 50_000, 60_000],
  iseeBands: [
    { upToCents: 500_000, percent: 100 },
    { upToCents: 900_000, percent: 60 },
  ],
};
const RENT_RULE: ProgrammeRule = {
  ...SOLIDARITY_RULE,
  amountBySizeCents: [120_000, 150_000, 180_000],
  maxAmountCents: 180_000,
};

export async function seedGoodsDemo(
  tx: Tx,
  options: {
    userIdsByRole: ReadonlyMap<string, string>;
    organizationIdsByName: ReadonlyMap<string, string>;
    today: string;
    random: () => number;
    /** The voucher programme's own sequence (its applicants and vouchers). */
    voucherRandom: () => number;
    /** Adds made-up households (adults only) of an Ambito's comuni to the registry: the demo seed's. */
    addHouseholds: (ambitoId: string, count: number) => Promise<DemoHousehold[]>;
    /** Books the programmes' budgets on the funds ledger (audited as the system). */
    ctx: Context;
  },
): Promise<void> {
  const { today, random } = options;
  const operator = options.userIdsByRole.get('operatore') ?? null;
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));

  // Two distribution points in Cremona, run by associations of CremonAiuta (seed 000).
  const organization = (name: string) =>
    options.organizationIdsByName.get(name) ?? [...options.organizationIdsByName.values()][0]!;
  const points = [
    await goods.insertPoint(tx, {
      name: 'Magazzino CremonAiuta – Via Brescia',
      kind: 'warehouse',
      organizationId: organization('Comune di Cremona – Protezione Civile'),
      comuneCode: CREMONA,
      address: 'Via Brescia 28, Cremona',
      latitude: 45.1457,
      longitude: 10.0431,
    }),
    await goods.insertPoint(tx, {
      name: 'Punto di distribuzione Caritas – Via Stenico',
      kind: 'point',
      organizationId: organization('CARITAS Diocesana'),
      comuneCode: CREMONA,
      address: 'Via Stenico 2, Cremona',
      latitude: 45.1362,
      longitude: 10.0209,
    }),
  ];
  const items = [];
  for (const item of ITEMS) items.push({ ...item, id: (await goods.insertItem(tx, item)).id });
  const donors = [];
  for (const donor of DONORS)
    donors.push(
      await goods.insertDonor(tx, {
        kind: 'company',
        name: donor.name,
        vatNumber: demoVatNumber(donor.base),
        comuneCode: CREMONA,
      }),
    );

  // A month of company donations into the warehouse, two or three a week.
  for (let day = -30; day <= 0; day += int(2, 4)) {
    const date = addDays(today, day);
    const batchId = await goods.insertBatch(tx, {
      kind: 'donation',
      pointId: points[0]!,
      toPointId: null,
      comuneCode: CREMONA,
      donorId: donors[int(0, donors.length - 1)]!,
      occurredOn: date,
      reason: null,
      reversesBatchId: null,
      withReceipt: true,
      createdBy: operator,
    });
    for (const item of items.filter(() => random() < 0.6)) {
      // Apples arrive near their date: a few lots end up flagged on the point's page.
      const expiry = item.perishable ? addDays(date, item.shelfDays + int(-5, 20)) : null;
      const lotId = await goods.insertLot(tx, {
        itemId: item.id,
        lotCode: `L${date.replace(/-/g, '')}${int(10, 99)}`,
        expiryDate: expiry !== null && expiry < today ? addDays(today, int(1, 6)) : expiry,
        receivedOn: date,
        donorId: null,
      });
      await goods.appendMovement(tx, {
        batchId,
        pointId: points[0]!,
        lotId,
        comuneCode: CREMONA,
        quantity: int(40, 200),
      });
    }
  }

  // Weekly transfers to the Caritas point, and parcels out of it, FEFO.
  const parcelLines = items.filter((i) => i.category === 'food').map((i) => ({ itemId: i.id, quantity: 2 }));
  const parcels: { batchId: string; pointId: string; date: string }[] = [];
  // The shelf is tracked in memory while seeding (one query per movement, none per read).
  const shelf = new Map<
    string,
    { lotId: string; itemId: string; quantity: number; expiryDate: string | null; receivedOn: string }[]
  >();
  for (const pointId of points)
    shelf.set(
      pointId,
      (await goods.stockAtPoint(tx, pointId)).map((l) => ({
        lotId: l.lot_id,
        itemId: l.item_id,
        quantity: l.quantity,
        expiryDate: l.expiry_date,
        receivedOn: l.received_on,
      })),
    );
  const withdraw = async (
    pointId: string,
    batchId: string,
    lines: { itemId: string; quantity: number }[],
  ) => {
    const moved: {
      lotId: string;
      itemId: string;
      quantity: number;
      expiryDate: string | null;
      receivedOn: string;
    }[] = [];
    const lots = shelf.get(pointId)!;
    for (const line of lines) {
      const ofItem = lots.filter((l) => l.itemId === line.itemId && l.quantity > 0);
      if (ofItem.reduce((sum, l) => sum + l.quantity, 0) < line.quantity) continue;
      for (const take of chooseLotsFefo(ofItem, line.quantity, today)) {
        await goods.appendMovement(tx, {
          batchId,
          pointId,
          lotId: take.lotId,
          comuneCode: CREMONA,
          quantity: -take.quantity,
        });
        const lot = lots.find((l) => l.lotId === take.lotId)!;
        lot.quantity -= take.quantity;
        moved.push({ ...lot, quantity: take.quantity });
      }
    }
    return moved;
  };
  for (let day = -28; day <= 0; day += 7) {
    const transfer = await goods.insertBatch(tx, {
      kind: 'transfer',
      pointId: points[0]!,
      toPointId: points[1]!,
      comuneCode: CREMONA,
      donorId: null,
      occurredOn: addDays(today, day),
      reason: null,
      reversesBatchId: null,
      withReceipt: false,
      createdBy: operator,
    });
    const moved = await withdraw(
      points[0]!,
      transfer,
      parcelLines.map((l) => ({ ...l, quantity: 40 })),
    );
    for (const m of moved) {
      await goods.appendMovement(tx, {
        batchId: transfer,
        pointId: points[1]!,
        lotId: m.lotId,
        comuneCode: CREMONA,
        quantity: m.quantity,
      });
      const there = shelf.get(points[1]!)!;
      const lot = there.find((l) => l.lotId === m.lotId);
      if (lot) lot.quantity += m.quantity;
      else there.push({ ...m });
    }
    for (let parcel = 0; parcel < int(6, 9); parcel++) {
      const occurredOn = addDays(today, Math.min(0, day + int(0, 6)));
      const batch = await goods.insertBatch(tx, {
        kind: 'parcel',
        pointId: points[1]!,
        toPointId: null,
        comuneCode: CREMONA,
        donorId: null,
        occurredOn,
        reason: 'Pacco alimentare',
        reversesBatchId: null,
        withReceipt: false,
        createdBy: operator,
      });
      await withdraw(points[1]!, batch, parcelLines);
      parcels.push({ batchId: batch, pointId: points[1]!, date: occurredOn });
    }
  }

  const households = await seedVoucherHouseholds(tx, { today, addHouseholds: options.addHouseholds });
  const staff = operator ?? options.userIdsByRole.get('welfare_manager')!;
  await seedParcelTemplates(
    tx,
    items.filter((i) => i.category === 'food'),
  );
  await seedParcelRecipients(tx, { parcels, households, operator });
  await seedMasksCampaign(tx, {
    masksItemId: items.find((i) => i.category === 'ppe')!.id,
    pointId: points[1]!,
    today,
    operator: staff,
    int,
  });
  await seedTabletLoans(tx, {
    organizationId: organization('Comune di Cremona – Protezione Civile'),
    today,
    operator: staff,
  });
  await seedSocialMarket(tx, {
    organizationId: organization('CARITAS Diocesana'),
    households,
    today,
    operator: staff,
    till: options.userIdsByRole.get('esercente') ?? null,
    int,
  });

  await seedProgrammesDemo(tx, { ...options, operator, int, households });
}

// Seed 000's shopping vouchers reached a few hundred households of the Cremonese in the first weeks.
const DEMO_VOUCHERS = 320;

/**
 * Every made-up household of the Ambito Cremonese in the demo registry, through an adult: the one
 * who applies for a voucher or a fund and collects the parcels (never the demo's pupils, whose
 * benefits would go to INPS as SINBA flows). The registry's own come first; made-up households are
 * added until there are enough for the voucher programme (one voucher per household).
 */
async function seedVoucherHouseholds(
  tx: Tx,
  options: { today: string; addHouseholds: (ambitoId: string, count: number) => Promise<DemoHousehold[]> },
): Promise<DemoHousehold[]> {
  const ofAmbito = () =>
    queryRows<DemoHousehold>(
      tx,
      sql`SELECT DISTINCT ON (coalesce(p.household_id, p.id)) p.id AS person_id, p.household_id, p.comune_code,
                 (SELECT count(*)::int FROM people m WHERE m.household_id = p.household_id) AS size
          FROM people p JOIN comuni c ON c.istat_code = p.comune_code
          WHERE c.ambito_id = 'CREMONA' AND p.birth_date <= (${options.today}::date - interval '18 years')::date
          ORDER BY coalesce(p.household_id, p.id), p.birth_date`,
    );
  const registry = await ofAmbito();
  if (registry.length >= DEMO_VOUCHERS) return registry;
  return [...registry, ...(await options.addHouseholds('CREMONA', DEMO_VOUCHERS - registry.length))];
}

async function seedProgrammesDemo(
  tx: Tx,
  options: {
    userIdsByRole: ReadonlyMap<string, string>;
    today: string;
    random: () => number;
    operator: string | null;
    int: (a: number, b: number) => number;
    households: readonly DemoHousehold[];
    voucherRandom: () => number;
    ctx: Context;
  },
): Promise<void> {
  const { today, operator, int, households } = options;
  const shops: { id: string; lat: number; lon: number }[] = [];
  for (const [i, shop] of DEMO_SHOPS.entries()) {
    const id = await vouchers.insertShop(tx, {
      name: shop.name,
      vatNumber: demoVatNumber(shop.base),
      comuneCode: CREMONA,
      address: shop.address,
      latitude: shop.lat,
      longitude: shop.lon,
      accreditedOn: addDays(today, -40),
    });
    shops.push({ id, lat: shop.lat, lon: shop.lon });
    // The demo shop account works the till of the first shop.
    const esercente = options.userIdsByRole.get('esercente');
    if (i === 0 && esercente) await vouchers.addShopUser(tx, id, esercente);
  }

  const createdBy = operator ?? options.userIdsByRole.get('welfare_manager')!;
  const programme = async (
    kind: 'voucher' | 'solidarity_fund' | 'rent_fund',
    name: string,
    rule: ProgrammeRule,
    budgetCents: number,
    docs: string[],
  ) => {
    const id = await vouchers.insertProgramme(
      tx,
      {
        kind,
        name,
        comuneCode: CREMONA,
        rule,
        validFrom: addDays(today, -30),
        validUntil: addDays(today, 60),
        budgetCents,
        requiredDocuments: docs,
      },
      createdBy,
    );
    await openBudgetLine(tx, options.ctx, { all: true }, id, { name, comuneCode: CREMONA, budgetCents });
    return id;
  };
  /** Books a voucher or a payment on the programme's budget line; false when the budget is spent. */
  const book = async (programmeId: string, amountCents: number, kind: 'voucher' | 'payment', id: string) => {
    const row = (await vouchers.findProgramme(tx, programmeId))!;
    return (await ledgerOf(row).commit(tx, options.ctx, row, amountCents, { kind, id })) === null;
  };
  const voucherProgramme = await programme(
    'voucher',
    'Buoni spesa solidarietà alimentare 2026',
    VOUCHER_RULE,
    15_000_000,
    ['Autocertificazione'],
  );
  const solidarity = await programme(
    'solidarity_fund',
    'Fondo di solidarietà per le emergenze sociali',
    SOLIDARITY_RULE,
    3_000_000,
    ['ISEE', 'Relazione sociale'],
  );
  const rent = await programme('rent_fund', 'Fondo sociale affitti', RENT_RULE, 6_000_000, [
    'ISEE',
    'Contratto di locazione',
  ]);

  await seedVouchers(tx, {
    programmeId: voucherProgramme,
    households,
    shops,
    issuedBy: createdBy,
    till: options.userIdsByRole.get('esercente') ?? createdBy,
    today,
    random: options.voucherRandom,
    ctx: options.ctx,
  });

  // The two funds: a few applications in each state (seed 003: "accompagnamento sociale accanto alle erogazioni").
  const states = ['submitted', 'submitted', 'approved', 'rejected', 'paid', 'paid'] as const;
  // The demo citizen's household applies online itself (and so does its browser journey): no desk
  // application of the funds is made up for it.
  const citizenUser = options.userIdsByRole.get('cittadino');
  const [citizen] = citizenUser
    ? await queryRows<{ key: string }>(
        tx,
        sql`SELECT coalesce(p.household_id, p.id)::text AS key FROM users u JOIN people p ON p.id = u.person_id WHERE u.id = ${citizenUser}`,
      )
    : [];
  for (const [programmeId, rule, offset] of [
    [solidarity, SOLIDARITY_RULE, 0],
    [rent, RENT_RULE, 12],
  ] as const) {
    const used = new Set<string>();
    for (const [i, state] of [...states, ...states].entries()) {
      const h = households[(offset + i * 3) % households.length];
      if (!h || used.has(h.household_id ?? h.person_id) || (h.household_id ?? h.person_id) === citizen?.key)
        continue;
      used.add(h.household_id ?? h.person_id);
      const size = Math.max(1, h.size);
      const isee = int(150_000, 880_000);
      const applicationId = await vouchers.insertApplication(tx, {
        programmeId,
        personId: h.person_id,
        householdId: h.household_id,
        householdKey: h.household_id ?? h.person_id,
        comuneCode: h.comune_code,
        channel: 'desk',
        householdSize: size,
        iseeCents: isee,
        documents:
          i % 4 === 0
            ? ['ISEE']
            : ['ISEE', programmeId === rent ? 'Contratto di locazione' : 'Relazione sociale'],
        duplicateOf: null,
        createdBy,
      });
      if (state === 'submitted') continue;
      const amount = amountFor(rule, { householdSize: size, iseeCents: isee });
      await vouchers.decideApplication(tx, applicationId, {
        status: state === 'rejected' ? 'rejected' : 'approved',
        amountCents: state === 'rejected' ? null : amount,
        reason:
          state === 'rejected'
            ? 'Manca il contratto di locazione registrato'
            : 'Requisiti verificati, progetto di accompagnamento concordato',
        decidedBy: createdBy,
      });
      if (state === 'paid' && (await book(programmeId, amount, 'payment', applicationId)))
        await vouchers.markPaid(tx, applicationId, `MAND-${today.slice(0, 4)}-${100 + i}`);
    }
  }
}

/**
 * One voucher per household, approved at the desk and booked one by one on the programme's budget
 * line as issuing does (the line refuses once the budget is spent); about one in ten still unspent,
 * one in seven spent to the cent over a few visits, the rest partly, at the three shops. Applications,
 * vouchers and redemptions go in a few statements: the demo seed runs at every start on an empty database.
 */
async function seedVouchers(
  tx: Tx,
  o: {
    programmeId: string;
    households: readonly DemoHousehold[];
    shops: readonly { id: string; lat: number; lon: number }[];
    issuedBy: string;
    till: string;
    today: string;
    random: () => number;
    ctx: Context;
  },
): Promise<void> {
  const int = (min: number, max: number) => min + Math.floor(o.random() * (max - min + 1));
  const validity = { validFrom: addDays(o.today, -30), validUntil: addDays(o.today, 60) };
  const applications = o.households.map((h) => {
    const householdSize = Math.max(1, h.size);
    const iseeCents = int(0, 1_400_000);
    return {
      programmeId: o.programmeId,
      personId: h.person_id,
      householdId: h.household_id,
      householdKey: h.household_id ?? h.person_id,
      comuneCode: h.comune_code,
      channel: o.random() < 0.7 ? 'desk' : 'online',
      householdSize,
      iseeCents,
      documents: ['Autocertificazione'],
      duplicateOf: null,
      createdBy: o.issuedBy,
      amountCents: amountFor(VOUCHER_RULE, { householdSize, iseeCents }),
    };
  });
  const applicationIds = new Map(
    (await vouchers.insertApplications(tx, applications)).map((a) => [a.household_key, a.id]),
  );
  const decided = applications.map((a) => ({ ...a, id: applicationIds.get(a.householdKey)! }));
  await vouchers.decideApplications(tx, decided, {
    status: 'approved',
    reason: 'Requisiti verificati allo sportello',
    decidedBy: o.issuedBy,
  });

  /** What a voucher's household spent of it, visit by visit, at the three shops. */
  const spending = (amountCents: number) => {
    let balance = amountCents;
    const spends: { amountCents: number; balanceAfterCents: number; shop: (typeof o.shops)[number] }[] = [];
    const spend = (cents: number) => {
      balance -= cents;
      spends.push({
        amountCents: cents,
        balanceAfterCents: balance,
        shop: o.shops[int(0, o.shops.length - 1)]!,
      });
    };
    const fate = o.random();
    if (fate < 0.9) {
      // A shopping trip of €10–90, leaving at least a euro unless the voucher is spent to the cent.
      for (let visit = 0, visits = int(1, 3); visit < visits; visit++) {
        const cents = Math.min(balance - 100, int(10, 89) * 100 + int(0, 99));
        if (cents > 0) spend(cents);
      }
      if (fate < 0.14) spend(balance);
    }
    return { balance, spends };
  };
  const programme = (await vouchers.findProgramme(tx, o.programmeId))!;
  const comuni = new Map(
    (
      await queryRows<{ istat_code: string; latitude: number; longitude: number }>(
        tx,
        sql`SELECT istat_code, latitude, longitude FROM comuni WHERE ambito_id = 'CREMONA'`,
      )
    ).map((c) => [c.istat_code, { lat: c.latitude, lon: c.longitude }]),
  );
  // Issued in four weekly rounds since the programme opened, each booked as one commitment (the
  // determina of the round) rather than hundreds: the demo seed runs at every start.
  const issued = [];
  const round = Math.ceil(decided.length / 4);
  for (let first = 0; first < decided.length; first += round) {
    const wave = decided.slice(first, first + round);
    const label = `emessi il ${addDays(o.today, -30 + (first / round) * 7)} (${wave.length})`;
    const total = wave.reduce((sum, a) => sum + a.amountCents, 0);
    if (
      (await ledgerOf(programme).commit(tx, o.ctx, programme, total, { kind: 'vouchers', id: label })) !==
      null
    )
      break;
    for (const a of wave)
      issued.push({ application: a, code: voucherCode(randomBytes(8)), ...spending(a.amountCents) });
  }
  const voucherIds = new Map(
    (
      await vouchers.insertVouchers(
        tx,
        issued.map((v) => ({
          programmeId: o.programmeId,
          applicationId: v.application.id,
          householdKey: v.application.householdKey,
          comuneCode: v.application.comuneCode,
          code: v.code,
          amountCents: v.application.amountCents,
          balanceCents: v.balance,
          ...validity,
          issuedBy: o.issuedBy,
        })),
      )
    ).map((v) => [v.application_id, v.id]),
  );
  const redemptions = issued.flatMap((v) =>
    v.spends.map((s) => ({
      voucherId: voucherIds.get(v.application.id)!,
      shopId: s.shop.id,
      comuneCode: v.application.comuneCode,
      amountCents: s.amountCents,
      balanceAfterCents: s.balanceAfterCents,
      far: isFarRedemption(comuni.get(v.application.comuneCode)!, s.shop),
      userId: o.till,
    })),
  );
  for (let i = 0; i < redemptions.length; i += 300)
    await vouchers.insertRedemptions(tx, redemptions.slice(i, i + 300));
}
