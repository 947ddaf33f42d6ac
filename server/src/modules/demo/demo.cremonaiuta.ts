import { queryRows, sql, type Tx } from '../../platform/db/database.js';
import { addDays, dateInRome, weekday } from '../../platform/time.js';
import { DEMO_COMPETENCE, DEMO_PROTOCOLS } from './demo.data.js';

interface DemoPerson {
  id: string;
  comune_code: string;
  latitude: number | null;
  longitude: number | null;
  address: string | null;
}

const TYPES = Object.keys(DEMO_COMPETENCE);
const URGENCIES = ['low', 'normal', 'normal', 'high', 'critical'];

/** The help line's hours (08:00–19:00) and how many calls each hour gets: a morning peak, a lunch dip. */
const FIRST_HOUR = 8;
const CALLS_BY_HOUR = [6, 9, 9, 7, 5, 2, 3, 5, 5, 3, 2];

/** Calls of a day: about twenty on weekdays, fewer on Saturday, a few on Sunday. */
function callsOn(day: string, random: () => number): number {
  const dow = weekday(day);
  const [base, spread] = dow === 7 ? [3, 3] : dow === 6 ? [9, 4] : [18, 6];
  return base + Math.floor(random() * spread);
}

/** Minutes since midnight in Rome of an instant. */
function minutesInRome(instant: Date): number {
  const [h, m] = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Rome',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .format(instant)
    .split(':')
    .map(Number);
  return h! * 60 + m!;
}

const clockTime = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * The time of a call, at the line's hourly rhythm, before `before` minutes of the day (and
 * after `after`); null when the line has not opened yet.
 */
function callTime(random: () => number, before = 24 * 60, after = 0): number | null {
  const hours = CALLS_BY_HOUR.map((weight, i) => ({ hour: FIRST_HOUR + i, weight })).filter(
    (h) => h.hour * 60 < before && (h.hour + 1) * 60 > after,
  );
  const total = hours.reduce((sum, h) => sum + h.weight, 0);
  if (total === 0) return null;
  let r = random() * total;
  const hour = hours.find((h) => (r -= h.weight) < 0) ?? hours.at(-1)!;
  const from = Math.max(hour.hour * 60, after);
  const to = Math.min(hour.hour * 60 + 60, before);
  return from + Math.floor(random() * (to - from));
}

/**
 * A month of CremonAiuta in the province, up to the seed's time and never after it: the protocol
 * of each Ambito, the help line's calls of the last 30 days at its daily and hourly rhythm with
 * their deliveries, today's calls so far, today's deliveries (some for the demo volunteer) and
 * tomorrow's open deliveries for AUSER Cremona to plan as rounds, both asked on earlier days.
 */
export async function seedCremonAiutaDemo(
  tx: Tx,
  options: {
    organizationIdsByName: Map<string, string>;
    demoVolunteerId: string;
    random: () => number;
    /** The seed's time: nothing happens after it. */
    now: Date;
  },
): Promise<void> {
  const { random, now } = options;
  const org = (name: string) => options.organizationIdsByName.get(name)!;
  for (const [ambito, protocol] of Object.entries(DEMO_PROTOCOLS)) {
    for (const [type, names] of Object.entries(protocol)) {
      for (const [index, name] of names.entries()) {
        await tx.execute(sql`INSERT INTO competence_rules (intervention_type_id, scope_type, scope_id, organization_id, priority, version)
                             VALUES (${type}, 'ambito', ${ambito}, ${org(name)}, ${index + 1}, 1)`);
      }
    }
  }
  await addRoundVolunteers(tx, org('AUSER Cremona'), random);
  const people = await queryRows<DemoPerson>(
    tx,
    sql`SELECT p.id, p.comune_code::text, p.latitude, p.longitude, p.address FROM people p JOIN comuni c ON c.istat_code = p.comune_code
        WHERE c.ambito_id = 'CREMONA' AND NOT EXISTS (SELECT 1 FROM users u WHERE u.person_id = p.id) ORDER BY p.codice_fiscale, p.id`,
  );
  // A demo with too few people (tests) keeps the protocol and volunteers, without requests.
  if (people.length < 10) return;
  const volunteersByOrg = new Map<string, string[]>();
  for (const v of await queryRows<{ id: string; organization_id: string | null }>(
    tx,
    sql`SELECT id, organization_id FROM volunteers WHERE status = 'approved' AND has_car ORDER BY family_name, given_name, id`,
  )) {
    const key = v.organization_id ?? 'individual';
    volunteersByOrg.set(key, [...(volunteersByOrg.get(key) ?? []), v.id]);
  }
  const volunteerFor = (organizationId: string): string => {
    const list = volunteersByOrg.get(organizationId) ?? volunteersByOrg.get('individual')!;
    return list[Math.floor(random() * list.length)]!;
  };
  const today = dateInRome(now);
  const nowMinutes = minutesInRome(now);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const at = (day: string, minutes: number) => `${day} ${clockTime(minutes)}`;

  // Each of the last 30 days gets its calls, in order of time. Today's and tomorrow's deliveries
  // were asked on the last working days and take some of their calls; the rest were delivered.
  const days = Array.from({ length: 30 }, (_, i) => addDays(today, i - 30));
  const calls = days.map((day) => ({
    day,
    times: Array.from({ length: callsOn(day, random) }, () => callTime(random)!).sort((a, b) => a - b),
  }));
  const recent = calls.slice(-6).reverse();
  /** The latest call left on one of the last `within` days (round robin by `n`), or on any earlier one. */
  const takeCall = (within: number, n: number): { day: string; minutes: number } => {
    const left = (list: typeof calls) => list.filter((c) => c.times.length > 0);
    const candidates = [recent.slice(0, within), recent, [...calls].reverse()]
      .map(left)
      .find((list) => list.length > 0)!;
    const chosen = candidates[n % candidates.length]!;
    return { day: chosen.day, minutes: chosen.times.pop()! };
  };
  // Calls after the desk closed yesterday that still wait for triage this morning.
  const yesterday = calls.at(-1)!;
  for (let n = 0; n < 3; n++) {
    const minutes = callTime(random, 19 * 60, 18 * 60)!;
    yesterday.times.pop();
    await insertDemoRequest(
      tx,
      pick(people),
      pick(TYPES),
      pick(URGENCIES),
      at(yesterday.day, minutes),
      null,
      'new',
      now,
    );
  }

  // Today's deliveries: asked on the last three working days, assigned, done or still open.
  // The demo volunteer (AUSER Cremona) has today's first grocery deliveries.
  const doneBy = Math.max(0, nowMinutes - 30);
  for (let n = 0; n < 20; n++) {
    const type = n < 6 ? 'groceries_medicines' : pick(TYPES);
    const person = pick(people);
    const organizationId = org(DEMO_COMPETENCE[type]![0]!);
    const call = takeCall(3, n);
    const requestId = await insertDemoRequest(
      tx,
      person,
      type,
      pick(URGENCIES),
      at(call.day, call.minutes),
      organizationId,
      'accepted',
      now,
    );
    // Deliveries are done from half past eight; before then the day's "done" ones are still to do.
    const planned = n < 3 ? 'assigned' : n < 10 ? 'done' : n < 14 ? 'assigned' : 'open';
    const status = planned === 'done' && doneBy < 8 * 60 + 30 ? 'accepted' : planned;
    const volunteerId =
      n < 3 ? options.demoVolunteerId : status === 'open' ? null : volunteerFor(organizationId);
    await insertDemoTask(tx, requestId, person, type, organizationId, today, {
      status,
      volunteerId,
      outcomeReason: null,
      moneyAdvancedCents: 0,
      assignedAt: at(call.day, Math.min(call.minutes + 90, 19 * 60)),
      completedAt:
        status === 'done' ? at(today, 8 * 60 + 30 + Math.floor(random() * (doneBy - 8 * 60 - 30))) : null,
    });
  }

  // Tomorrow: forty deliveries for AUSER Cremona across the district, to plan as rounds.
  const tomorrow = addDays(today, 1);
  for (let n = 0; n < 40; n++) {
    const person = people[(n * 13) % people.length]!;
    const type = n % 5 === 0 ? 'food_parcels' : 'groceries_medicines';
    const call = takeCall(6, n);
    const requestId = await insertDemoRequest(
      tx,
      person,
      type,
      'normal',
      at(call.day, call.minutes),
      org('AUSER Cremona'),
      'accepted',
      now,
    );
    await insertDemoTask(tx, requestId, person, type, org('AUSER Cremona'), tomorrow, {
      status: 'open',
      volunteerId: null,
      outcomeReason: null,
      moneyAdvancedCents: 0,
      assignedAt: null,
      completedAt: null,
    });
  }

  // The other calls of the last 30 days, nearly all delivered the day after (or the same day).
  for (const { day, times } of calls) {
    for (const minutes of times) {
      const type = pick(TYPES);
      const organizationId = org(DEMO_COMPETENCE[type]![0]!);
      const requestId = await insertDemoRequest(
        tx,
        pick(people),
        type,
        pick(URGENCIES),
        at(day, minutes),
        organizationId,
        'completed',
        now,
      );
      const failed = random() < 0.06;
      const deliveredOn = day === yesterday.day || minutes < 11 * 60 ? day : addDays(day, 1);
      await insertDemoTask(tx, requestId, pick(people), type, organizationId, deliveredOn, {
        status: failed ? 'failed' : 'done',
        volunteerId: volunteerFor(organizationId),
        outcomeReason: failed ? 'not_home' : null,
        moneyAdvancedCents: type.includes('groceries') ? 1500 + Math.floor(random() * 4000) : 0,
        assignedAt: at(day, Math.min(minutes + 60, 19 * 60 + 30)),
        completedAt: at(deliveredOn, deliveredOn === day ? Math.min(minutes + 180, 21 * 60) : 11 * 60),
      });
    }
  }

  // Today's calls so far, at the line's rhythm: the last hour's wait for triage, the earlier ones
  // were accepted for a delivery the day after tomorrow (tomorrow's rounds are already planned).
  const sofar = Array.from({ length: callsOn(today, random) }, () => callTime(random))
    .filter((m): m is number => m !== null && m < nowMinutes)
    .sort((a, b) => a - b);
  for (const minutes of sofar) {
    const type = pick(TYPES);
    const person = pick(people);
    if (nowMinutes - minutes < 60) {
      await insertDemoRequest(tx, person, type, pick(URGENCIES), at(today, minutes), null, 'new', now);
      continue;
    }
    const organizationId = org(DEMO_COMPETENCE[type]![0]!);
    const requestId = await insertDemoRequest(
      tx,
      person,
      type,
      pick(URGENCIES),
      at(today, minutes),
      organizationId,
      'accepted',
      now,
    );
    await insertDemoTask(tx, requestId, person, type, organizationId, addDays(today, 2), {
      status: 'open',
      volunteerId: null,
      outcomeReason: null,
      moneyAdvancedCents: 0,
      assignedAt: null,
      completedAt: null,
    });
  }
}

/** A call received at `createdAt` (Rome time), triaged 20 minutes later and closed hours later, never after `now`. */
async function insertDemoRequest(
  tx: Tx,
  person: DemoPerson,
  type: string,
  urgency: string,
  createdAt: string,
  organizationId: string | null,
  status: string,
  now: Date,
): Promise<string> {
  const created = sql`(${createdAt}::timestamp AT TIME ZONE 'Europe/Rome')`;
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`INSERT INTO help_requests (channel, beneficiary_id, comune_code, intervention_type_id, urgency, status, organization_id,
          created_at, decided_at, completed_at)
        VALUES ('phone', ${person.id}, ${person.comune_code}, ${type}, ${urgency}, ${status}, ${organizationId},
          ${created},
          CASE WHEN ${status} <> 'new' THEN least(${created} + interval '20 minutes', ${now.toISOString()}::timestamptz) END,
          CASE WHEN ${status} = 'completed' THEN least(${created} + interval '6 hours', ${now.toISOString()}::timestamptz) END)
        RETURNING id`,
  );
  await tx.execute(sql`INSERT INTO help_request_events (request_id, comune_code, kind, at)
                       VALUES (${row!.id}, ${person.comune_code}, 'created', ${created})`);
  return row!.id;
}

async function insertDemoTask(
  tx: Tx,
  requestId: string,
  person: DemoPerson,
  type: string,
  organizationId: string,
  dueDate: string,
  state: {
    status: string;
    volunteerId: string | null;
    outcomeReason: string | null;
    moneyAdvancedCents: number;
    /** Rome times, `YYYY-MM-DD HH:MM`. */
    assignedAt: string | null;
    completedAt: string | null;
  },
): Promise<void> {
  const [comune] = await queryRows<{ latitude: number; longitude: number }>(
    tx,
    sql`SELECT latitude, longitude FROM comuni WHERE istat_code = ${person.comune_code}`,
  );
  const located = person.latitude !== null && person.longitude !== null;
  await tx.execute(sql`
    INSERT INTO tasks (request_id, organization_id, comune_code, intervention_type_id, due_date, window_start, window_end, address,
      latitude, longitude, approximate_location, service_minutes, load, requires_car, status, volunteer_id, assigned_at, outcome_reason,
      completed_at, money_advanced_cents, money_reimbursed_cents)
    SELECT ${requestId}, ${organizationId}, ${person.comune_code}, ${type}, ${dueDate}, '09:00', '18:00', ${person.address},
      ${located ? person.latitude : comune!.latitude}, ${located ? person.longitude : comune!.longitude}, ${!located},
      t.default_service_minutes, t.default_load, t.requires_car, ${state.status}, ${state.volunteerId},
      CASE WHEN ${state.volunteerId}::uuid IS NOT NULL THEN (${state.assignedAt}::timestamp AT TIME ZONE 'Europe/Rome') END,
      ${state.outcomeReason},
      (${state.completedAt}::timestamp AT TIME ZONE 'Europe/Rome'), ${state.moneyAdvancedCents},
      CASE WHEN ${dueDate}::date < now()::date - 7 THEN ${state.moneyAdvancedCents} ELSE 0 END
    FROM intervention_types t WHERE t.id = ${type}`);
}

/** Eight more AUSER drivers, so that tomorrow's deliveries make several rounds. */
async function addRoundVolunteers(tx: Tx, organizationId: string, random: () => number): Promise<void> {
  const availability = JSON.stringify(
    [1, 2, 3, 4, 5, 6].flatMap((day) => [
      { day, from: '08:00', to: '13:00' },
      { day, from: '14:00', to: '18:00' },
    ]),
  );
  const names = [
    'Gino Ruggeri',
    'Lina Bonetti',
    'Aldo Tedoldi',
    'Ivana Superti',
    'Sergio Longhi',
    'Piera Galli',
    'Renato Villa',
    'Milena Serra',
  ];
  for (const name of names) {
    const [given, family] = name.split(' ') as [string, string];
    await tx.execute(sql`
      INSERT INTO volunteers (organization_id, given_name, family_name, phone, comune_code, status, has_car, has_licence, zones,
        availability, health_training, max_tasks_per_day, consent_privacy, insurance_valid_until)
      SELECT ${organizationId}, ${given}, ${family}, ${`33${Math.floor(10000000 + random() * 89999999)}`}, '019036', 'approved', true, true,
        array_agg(istat_code::text), ${availability}::jsonb, false, 12, true, make_date(extract(year FROM now())::int, 12, 31)
      FROM comuni WHERE ambito_id = 'CREMONA'`);
  }
}
