import { queryRows, sql, type Tx } from '../../platform/db/database.js';
import type { AvailabilitySlot } from '../../../../shared/src/volunteers/volunteers.schemas.js';
import {
  DEMO_EMAIL_DOMAIN,
  DEMO_ORGANIZATIONS,
  DEMO_USERS,
  FAMILY_NAMES,
  GIVEN_NAMES_F,
  GIVEN_NAMES_M,
} from '../demo/demo.data.js';
import { foldName } from '../people/people.rules.js';
import { insertVolunteer, type VolunteerValues } from './volunteers.repository.js';
import { normalizeAvailability } from './volunteers.rules.js';
import { todayInRome } from '../../platform/time.js';

/*
 * Demo volunteers of CremonAiuta: made-up people living in the comuni of the Ambito Cremonese.
 * System seed: runs in the demo seed's transaction, outside the access layer.
 */

const APPROVED_IN_ASSOCIATIONS = 60;
const APPROVED_INDIVIDUALS = 15;
const OFFERED = 10;
// The demo volunteer covers the comuni around Cremona within this distance.
const DEMO_RADIUS_KM = 12;

const SKILLS = [
  'spesa e farmaci',
  'consegna pasti',
  'accompagnamento in ospedale',
  'supporto informatico',
  'ascolto telefonico',
  'magazzino e pacchi',
];
const LANGUAGES = ['inglese', 'francese', 'spagnolo', 'rumeno', 'arabo', 'albanese'];

interface DemoComune {
  istatCode: string;
  name: string;
  population: number;
  latitude: number;
  longitude: number;
}

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

function weighted(random: () => number, comuni: readonly DemoComune[], total: number): DemoComune {
  let r = random() * total;
  for (const c of comuni) {
    r -= c.population;
    if (r <= 0) return c;
  }
  return comuni[comuni.length - 1]!;
}

function distanceKm(a: DemoComune, b: DemoComune): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 12_742 * Math.asin(Math.sqrt(h));
}

function randomAvailability(random: () => number): AvailabilitySlot[] {
  const shifts = [
    ['09:00', '12:00'],
    ['14:00', '18:00'],
    ['08:30', '13:00'],
    ['15:00', '19:00'],
  ] as const;
  const slots: AvailabilitySlot[] = [];
  const count = 1 + Math.floor(random() * 4);
  for (let i = 0; i < count; i++) {
    const [from, to] = pick(random, shifts);
    slots.push({ day: 1 + Math.floor(random() * 6), from, to });
  }
  return normalizeAvailability(slots);
}

function endOfYear(offset: number): string {
  return `${Number(todayInRome().slice(0, 4)) + offset}-12-31`;
}

/**
 * Seeds ~60 approved volunteers spread over the CremonAiuta associations, ~15 individual ones and
 * ~10 offers waiting for review, plus the demo volunteer (AUSER Cremona, with a car, Monday to Saturday).
 * @param options.organizationIdsByName the demo organisations, by name (from the demo seed)
 * @param options.volunteerUserId the user volontario@demo.legami.it, linked to the demo volunteer
 * @param options.random a seeded generator, so every fresh database gets the same people
 * @returns the demo volunteer's id and how many of each kind were made
 */
export async function seedDemoVolunteers(
  tx: Tx,
  options: { organizationIdsByName: Map<string, string>; volunteerUserId: string; random: () => number },
): Promise<{ demoVolunteerId: string; approved: number; individual: number; offered: number }> {
  const { random } = options;
  const comuni = await queryRows<DemoComune>(
    tx,
    sql`SELECT istat_code::text AS "istatCode", name, population, latitude, longitude
        FROM comuni WHERE ambito_id = 'CREMONA' ORDER BY istat_code`,
  );
  if (comuni.length === 0)
    throw new Error('seedDemoVolunteers: the comuni of the Ambito Cremonese are not loaded');
  const total = comuni.reduce((sum, c) => sum + c.population, 0);
  const cremona = comuni.find((c) => c.istatCode === '019036') ?? comuni[0]!;
  const associations = DEMO_ORGANIZATIONS.filter((o) => o.kind === 'association' && o.ambitoId === 'CREMONA')
    .map((o) => ({ name: o.name, id: options.organizationIdsByName.get(o.name) }))
    .filter((o): o is { name: string; id: string } => o.id !== undefined);
  const auser = options.organizationIdsByName.get('AUSER Cremona');
  if (!auser || associations.length === 0)
    throw new Error('seedDemoVolunteers: the CremonAiuta associations are not seeded');

  const demoName = (DEMO_USERS.find((u) => u.role === 'volontario')?.fullName ?? 'Luca Manfredini').split(
    ' ',
  );
  const demo: VolunteerValues = {
    userId: options.volunteerUserId,
    organizationId: auser,
    status: 'approved',
    consentPrivacy: true,
    givenName: demoName[0]!,
    familyName: demoName.slice(1).join(' '),
    codiceFiscale: null,
    birthDate: '1978-04-16',
    phone: '333 555 0142',
    email: `volontario@${DEMO_EMAIL_DOMAIN}`,
    comuneCode: cremona.istatCode,
    hasCar: true,
    hasLicence: true,
    languages: ['inglese'],
    skills: ['spesa e farmaci', 'consegna pasti'],
    zones: comuni.filter((c) => distanceKm(cremona, c) <= DEMO_RADIUS_KM).map((c) => c.istatCode),
    neighbourhoods: [],
    availability: [1, 2, 3, 4, 5, 6].map((day) => ({ day, from: '08:30', to: '19:00' })),
    maxTasksPerDay: 8,
    insuranceValidUntil: endOfYear(1),
    healthTraining: true,
    notes: null,
  };
  const demoVolunteerId = (await insertVolunteer(tx, demo, null))!;

  const made = { approved: 0, individual: 0, offered: 0 };
  const kinds: ('approved' | 'individual' | 'offered')[] = [
    ...Array<'approved'>(APPROVED_IN_ASSOCIATIONS).fill('approved'),
    ...Array<'individual'>(APPROVED_INDIVIDUALS).fill('individual'),
    ...Array<'offered'>(OFFERED).fill('offered'),
  ];
  for (const [i, kind] of kinds.entries()) {
    const sex = random() < 0.5 ? 'F' : 'M';
    const givenName = pick(random, sex === 'F' ? GIVEN_NAMES_F : GIVEN_NAMES_M);
    const familyName = pick(random, FAMILY_NAMES);
    const home = weighted(random, comuni, total);
    const organization = kind === 'approved' ? associations[i % associations.length]! : null;
    const hasCar = random() < 0.6;
    const zones =
      random() < 0.5
        ? []
        : [
            home.istatCode,
            ...comuni.filter((c) => c !== home && distanceKm(home, c) <= 10).map((c) => c.istatCode),
          ].slice(0, 5);
    const year = 1950 + Math.floor(random() * 55);
    const handle = foldName(`${givenName}.${familyName}`).replace(/[^a-z.]/g, '');
    await insertVolunteer(
      tx,
      {
        userId: null,
        organizationId: organization?.id ?? null,
        status: kind === 'offered' ? 'offered' : 'approved',
        consentPrivacy: true,
        givenName,
        familyName,
        codiceFiscale: null,
        birthDate: `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`,
        phone: `3${Math.floor(10 + random() * 89)} ${Math.floor(1_000_000 + random() * 8_999_999)}`,
        // Reserved domain (RFC 2606): no mail can ever reach a real person.
        email: random() < 0.8 ? `${handle}${i}@volontari.example` : null,
        comuneCode: home.istatCode,
        hasCar,
        hasLicence: hasCar || random() < 0.5,
        languages: random() < 0.3 ? [pick(random, LANGUAGES)] : [],
        skills: [pick(random, SKILLS)],
        zones,
        neighbourhoods: [],
        availability: randomAvailability(random),
        maxTasksPerDay: 3 + Math.floor(random() * 6),
        insuranceValidUntil:
          kind === 'offered' ? null : organization ? endOfYear(0) : random() < 0.6 ? endOfYear(0) : null,
        // The Red Cross trains its volunteers for health risk; a few others are trained too.
        healthTraining: organization?.name.startsWith('Croce Rossa') === true || random() < 0.15,
        notes: null,
      },
      null,
    );
    if (kind === 'approved') made.approved++;
    else if (kind === 'individual') made.individual++;
    else made.offered++;
  }
  return { demoVolunteerId, ...made };
}
