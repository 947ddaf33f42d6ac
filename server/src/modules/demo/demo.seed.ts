import { CodiceFiscale } from '../people/codice-fiscale.js';
import { queryRows, sql, type Tx } from '../../platform/db/database.js';
import type { Context } from '../../platform/context.js';
import { hashPassword } from '../accounts/accounts.passwords.js';
import { insertMembership, insertUser } from '../accounts/accounts.repository.js';
import { insertOrganization } from '../organizations/organizations.repository.js';
import { randomUUID } from 'node:crypto';
import {
  insertHouseholds,
  insertPeople,
  insertPerson,
  type PersonValues,
} from '../people/people.repository.js';
import { phoneDigits, searchNameOf } from '../people/people.rules.js';
import { importTerritory } from '../territory/territory.service.js';
import { seedDemoVolunteers } from '../volunteers/index.js';
import { seedCremonAiutaDemo } from './demo.cremonaiuta.js';
import { seedFundsDemo } from '../funds/index.js';
import { seedGoodsDemo } from '../goods/goods.demo.js';
import { listAmbiti, listComuni } from '../territory/index.js';
import { PROVINCE_SLUG, seedReportsDemo, territorySlug, unsafeQueuePublication } from '../reports/index.js';
import { dateInRome } from '../../platform/time.js';
import { seedCasesDemo } from '../cases/index.js';
import { seedCatalogDemo } from '../catalog/index.js';
import { seedSiussDemo } from '../siuss/index.js';
import { seedPactsDemo } from '../pacts/index.js';
import { seedCodesignDemo } from '../codesign/index.js';
import { comuneRings } from '../territory/territory.boundaries.js';
import { randomPointInside } from '../../../../shared/src/territory/geometry.js';
import type { Comune } from '../../../../shared/src/territory/territory.schemas.js';
import {
  DEMO_EMAIL_DOMAIN,
  DEMO_ORGANIZATIONS,
  DEMO_PASSWORD,
  DEMO_USERS,
  FAMILY_NAMES,
  GIVEN_NAMES_F,
  GIVEN_NAMES_M,
  STREETS,
} from './demo.data.js';

/** Small seeded PRNG (mulberry32): the same demo data on every fresh database. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)]!;
}

/** A comune drawn in proportion to its resident population. */
function weightedComune(rand: () => number, comuni: Comune[], total: number): Comune {
  let r = rand() * total;
  for (const c of comuni) {
    r -= c.population;
    if (r <= 0) return c;
  }
  return comuni[comuni.length - 1]!;
}

/**
 * A plausible home inside the comune's boundary, drawn from two numbers of the demo sequence (so
 * the rest of the demo data stays the same); the comune's point if the boundary is unknown.
 */
export function demoHomePoint(comune: Comune, u: number, v: number): { latitude: number; longitude: number } {
  const local = random(Math.floor(u * 2 ** 31) ^ Math.floor(v * 2 ** 20));
  return (
    randomPointInside(comuneRings(comune.istatCode), local) ?? {
      latitude: comune.latitude,
      longitude: comune.longitude,
    }
  );
}

export async function isDatabaseEmpty(ctx: Context): Promise<boolean> {
  const [row] = await queryRows<{ n: number }>(ctx.database.db, sql`SELECT count(*)::int AS n FROM users`);
  return (row?.n ?? 0) === 0;
}

/**
 * Seeds an empty database with the real comuni of the province, the organisations of the seeds,
 * one demo user per role and made-up people. System job: bypasses the access layer.
 */
export async function seedDemo(
  ctx: Context,
  options: {
    people?: number;
    seed?: number;
    /** The seed's time (default now): no activity after it. */ now?: Date;
  } = {},
): Promise<void> {
  await importTerritory(ctx);
  const rand = random(options.seed ?? 2020);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await ctx.database.db.transaction(async (tx) => {
    const orgIds = new Map<string, string>();
    for (const org of DEMO_ORGANIZATIONS) orgIds.set(org.name, await insertOrganization(tx, org));
    const comuni = await listComuni(tx);
    const people = await seedPeople(tx, rand, comuni, options.people ?? 200);
    const userIds = new Map<string, string>();
    for (const user of DEMO_USERS) {
      const created = await insertUser(tx, {
        email: `${user.role}@${DEMO_EMAIL_DOMAIN}`,
        fullName: user.fullName,
        passwordHash,
        mustChangePassword: false,
        isDemo: true,
        personId: user.role === 'cittadino' ? people.citizen : null,
      });
      await insertMembership(tx, created.id, {
        organizationId: user.organization ? orgIds.get(user.organization)! : null,
        role: user.role,
        scopeType: user.scope.type,
        scopeId: user.scope.type === 'all' ? null : user.scope.id,
      });
      userIds.set(user.role, created.id);
    }
    const { demoVolunteerId } = await seedDemoVolunteers(tx, {
      organizationIdsByName: orgIds,
      volunteerUserId: userIds.get('volontario')!,
      random: rand,
    });
    await seedCremonAiutaDemo(tx, {
      organizationIdsByName: orgIds,
      demoVolunteerId,
      random: rand,
      now: options.now ?? new Date(),
    });
    const funds = await seedFundsDemo(tx, ctx, { organizationIdsByName: orgIds });
    // The shopping-voucher programme's applicants and vouchers draw on a sequence of their own.
    const voucherRand = random((options.seed ?? 2020) + 1);
    await seedGoodsDemo(tx, {
      userIdsByRole: userIds,
      organizationIdsByName: orgIds,
      today: dateInRome(),
      random: rand,
      voucherRandom: voucherRand,
      addHouseholds: (ambitoId, count) => seedMadeUpHouseholds(tx, voucherRand, comuni, ambitoId, count),
      ctx,
    });
    const catalog = await seedCatalogDemo(tx, {
      organizationIdsByName: orgIds,
      userIdsByRole: userIds,
      passwordHash,
    });
    // This year's open data of every Ambito and of the province, computed by the job queue.
    const year = Number(dateInRome().slice(0, 4));
    for (const territory of [...(await listAmbiti(tx)).map((a) => territorySlug(a.name)), PROVINCE_SLUG])
      await unsafeQueuePublication(tx, { year, territory });
    await seedCasesDemo(tx, ctx, {
      userIdsByRole: userIds,
      passwordHash,
      serviceIdsByName: catalog.serviceIdsByName,
    });
    await seedSiussDemo(tx);
    await seedPactsDemo(tx, { today: dateInRome(), organizationIdsByName: orgIds });
    await seedCodesignDemo(tx, { organizationIdsByName: orgIds, homeCareProjectId: funds.homeCareProjectId });
    // Last years' closed requests and tasks, and the annual social report of last year.
    await seedReportsDemo(tx, dateInRome());
  });
}

/** Where the made-up people's numbers come from: the demo's sequence and the comuni it draws from. */
interface PeopleDraw {
  rand: () => number;
  /** Birth places, in proportion to population. */
  comuni: Comune[];
  total: number;
  /** An adult's age in 2026. */
  age: (rand: () => number) => number;
}

type MadeUpPerson = PersonValues & {
  id: string;
  householdId: string | null;
  householdRelation: string | null;
};

/**
 * One made-up household of `comune`: a single person or (about a third, if `room` allows) a couple
 * sharing a household, as in a real registry. Every number comes from `d.rand` in a fixed order, so
 * the same sequence gives the same people. `first` names the household's first person.
 */
function madeUpHousehold(
  d: PeopleDraw,
  comune: Comune,
  room: number,
  first?: { givenName: string; familyName: string },
): { id: string | null; comuneCode: string; address: string; members: MadeUpPerson[] } {
  const { rand } = d;
  const familyName = pick(rand, FAMILY_NAMES);
  const address = `${pick(rand, STREETS)} ${1 + Math.floor(rand() * 120)}`;
  const couple = room > 1 && rand() < 0.33;
  const householdId = couple ? randomUUID() : null;
  let home: { latitude: number; longitude: number } | null = null;
  const members: MadeUpPerson[] = [];
  for (let member = 0; member < (couple ? 2 : 1); member++) {
    const sex = member === 0 ? (rand() < 0.55 ? 'F' : 'M') : 'M';
    const givenName =
      member === 0 && first ? first.givenName : pick(rand, sex === 'F' ? GIVEN_NAMES_F : GIVEN_NAMES_M);
    const family =
      member === 0 && first ? first.familyName : member === 1 ? pick(rand, FAMILY_NAMES) : familyName;
    const age = d.age(rand);
    const year = 2026 - age;
    const month = 1 + Math.floor(rand() * 12);
    const day = 1 + Math.floor(rand() * 28);
    const birthPlace = weightedComune(rand, d.comuni, d.total);
    const codiceFiscale = CodiceFiscale.compute({
      name: givenName,
      surname: family,
      gender: sex,
      day,
      month,
      year,
      birthplace: birthPlace.name,
      birthplaceProvincia: 'CR',
    });
    // A point inside the comune, shared by a household; one in twenty has no coordinates, as in real
    // registries (their tasks take the comune's point, flagged to be confirmed).
    const located = rand() >= 0.05;
    const phone = `3${Math.floor(10 + rand() * 89)} ${Math.floor(1000000 + rand() * 8999999)}`;
    const point = located ? demoHomePoint(comune, rand(), rand()) : null;
    if (point) home ??= point;
    members.push({
      id: randomUUID(),
      householdId,
      householdRelation: householdId ? (member === 0 ? 'intestatario' : 'coniuge') : null,
      codiceFiscale,
      givenName,
      familyName: family,
      searchName: searchNameOf(givenName, family),
      birthDate: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      sex,
      birthPlace: birthPlace.name,
      comuneCode: comune.istatCode,
      address,
      neighbourhood: null,
      latitude: point ? home!.latitude : null,
      longitude: point ? home!.longitude : null,
      phone,
      phoneDigits: phoneDigits(phone),
      email: null,
      disability: rand() < 0.12,
      livesAlone: !couple && age >= 65 && rand() < 0.5,
      covidPositive: false,
      knownToSocialServices: rand() < 0.3,
      consentPrivacy: true,
      consentContact: rand() < 0.8,
    });
  }
  return { id: householdId, comuneCode: comune.istatCode, address, members };
}

/** Inserts made-up households and their people a few hundred rows a statement. */
async function insertMadeUpHouseholds(
  tx: Tx,
  households: readonly ReturnType<typeof madeUpHousehold>[],
): Promise<void> {
  const rows = households.flatMap((h) => h.members);
  for (let i = 0; i < households.length; i += 250)
    await insertHouseholds(
      tx,
      households
        .slice(i, i + 250)
        .flatMap((h) => (h.id ? [{ id: h.id, comuneCode: h.comuneCode, address: h.address }] : [])),
    );
  for (let i = 0; i < rows.length; i += 250) await insertPeople(tx, rows.slice(i, i + 250), null);
}

// Skewed towards the elderly, who are most of the people a help line serves.
const helpLineAge = (rand: () => number) =>
  rand() < 0.6 ? 65 + Math.floor(rand() * 30) : 18 + Math.floor(rand() * 47);

async function seedPeople(
  tx: Tx,
  rand: () => number,
  comuni: Comune[],
  count: number,
): Promise<{ citizen: string }> {
  const total = comuni.reduce((sum, c) => sum + c.population, 0);
  const cremona = comuni.find((c) => c.istatCode === '019036')!;
  const draw: PeopleDraw = { rand, comuni, total, age: helpLineAge };
  const households: ReturnType<typeof madeUpHousehold>[] = [];
  let made = 0;
  while (made < count) {
    const household =
      made === 0
        ? madeUpHousehold(draw, cremona, count, { givenName: 'Giuseppina', familyName: 'Ferrari' })
        : madeUpHousehold(draw, weightedComune(rand, comuni, total), count - made);
    households.push(household);
    made += household.members.length;
  }
  await insertMadeUpHouseholds(tx, households);
  await seedPupils(tx, cremona);
  return { citizen: households[0]?.members[0]?.id ?? '' };
}

/**
 * Made-up households of an Ambito's comuni (in proportion to population), adults of 18 to 94 only,
 * from their own sequence (so the rest of the demo stays the same however many are asked for): the
 * shopping-voucher programme's applicants. @returns each household by its first person.
 */
async function seedMadeUpHouseholds(
  tx: Tx,
  rand: () => number,
  comuni: Comune[],
  ambitoId: string,
  count: number,
): Promise<{ person_id: string; household_id: string | null; comune_code: string; size: number }[]> {
  const homes = comuni.filter((c) => c.ambitoId === ambitoId);
  const homesTotal = homes.reduce((sum, c) => sum + c.population, 0);
  // Working-age families most of all, as the emergency vouchers of 2020 reached; born 2007 at the
  // latest, so no one is under 18 from 2026 on.
  const draw: PeopleDraw = {
    rand,
    comuni,
    total: comuni.reduce((sum, c) => sum + c.population, 0),
    age: (r) => (r() < 0.85 ? 19 + Math.floor(r() * 46) : 65 + Math.floor(r() * 30)),
  };
  const households = Array.from({ length: count }, () =>
    madeUpHousehold(draw, weightedComune(rand, homes, homesTotal), 2),
  );
  await insertMadeUpHouseholds(tx, households);
  return households.map((h) => ({
    person_id: h.members[0]!.id,
    household_id: h.id,
    comune_code: h.comuneCode,
    size: h.members.length,
  }));
}

/**
 * Two pupils of Cremona (the generated registry holds adults only), aged 12 and 10 this year: the
 * case-file demo follows them with the minor's assessment SIUSS's SINBA flow needs.
 */
async function seedPupils(tx: Tx, cremona: Comune): Promise<void> {
  const year = Number(dateInRome().slice(0, 4));
  const pupils = [
    {
      givenName: 'Matteo',
      familyName: 'Bodini',
      sex: 'M',
      year: year - 12,
      month: 4,
      day: 17,
      phone: '347 5512903',
    },
    {
      givenName: 'Giulia',
      familyName: 'Zanacchi',
      sex: 'F',
      year: year - 10,
      month: 10,
      day: 3,
      phone: '338 2207416',
    },
  ] as const;
  for (const [i, p] of pupils.entries()) {
    const point = demoHomePoint(cremona, 0.3 + i * 0.2, 0.6 - i * 0.2);
    await insertPerson(
      tx,
      {
        codiceFiscale: CodiceFiscale.compute({
          name: p.givenName,
          surname: p.familyName,
          gender: p.sex,
          day: p.day,
          month: p.month,
          year: p.year,
          birthplace: cremona.name,
          birthplaceProvincia: 'CR',
        }),
        givenName: p.givenName,
        familyName: p.familyName,
        searchName: searchNameOf(p.givenName, p.familyName),
        birthDate: `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`,
        sex: p.sex,
        birthPlace: cremona.name,
        comuneCode: cremona.istatCode,
        address: i === 0 ? 'Via Dante 41' : 'Via Mantova 18',
        neighbourhood: null,
        latitude: point.latitude,
        longitude: point.longitude,
        // The family's phone: a volunteer bringing the household a delivery calls it.
        phone: p.phone,
        phoneDigits: phoneDigits(p.phone),
        email: null,
        disability: true,
        livesAlone: false,
        covidPositive: false,
        knownToSocialServices: true,
        consentPrivacy: true,
        consentContact: false,
      },
      null,
    );
  }
}
