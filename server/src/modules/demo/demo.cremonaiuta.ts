import { queryRows, sql, type Tx } from '../../platform/db/database.js';
import { addDays, dateInRome } from '../../platform/time.js';
import { DEMO_COMPETENCE } from './demo.data.js';

interface DemoPerson {
  id: string;
  comune_code: string;
  latitude: number | null;
  longitude: number | null;
  address: string | null;
}

const TYPES = Object.keys(DEMO_COMPETENCE);
const URGENCIES = ['low', 'normal', 'normal', 'high', 'critical'];

/**
 * A month of CremonAiuta in the Cremona district: the protocol, requests of the last 30 days
 * with their deliveries, today's work in progress (some for the demo volunteer) and tomorrow's
 * open deliveries for AUSER Cremona to plan as rounds.
 */
export async function seedCremonAiutaDemo(
  tx: Tx,
  options: { organizationIdsByName: Map<string, string>; demoVolunteerId: string; random: () => number },
): Promise<void> {
  const { random } = options;
  const org = (name: string) => options.organizationIdsByName.get(name)!;
  for (const [type, names] of Object.entries(DEMO_COMPETENCE)) {
    for (const [index, name] of names.entries()) {
      await tx.execute(sql`INSERT INTO competence_rules (intervention_type_id, scope_type, scope_id, organization_id, priority, version)
                           VALUES (${type}, 'ambito', 'CREMONA', ${org(name)}, ${index + 1}, 1)`);
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
  const today = dateInRome();
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

  // The last 30 days: about eight requests a day, nearly all delivered.
  for (let daysAgo = 30; daysAgo >= 1; daysAgo--) {
    const day = addDays(today, -daysAgo);
    for (let n = 0; n < 5 + Math.floor(random() * 7); n++) {
      const type = pick(TYPES);
      const organizationId = org(DEMO_COMPETENCE[type]![0]!);
      const requestId = await insertDemoRequest(
        tx,
        pick(people),
        type,
        pick(URGENCIES),
        `${day} ${8 + Math.floor(random() * 9)}:15`,
        organizationId,
        'completed',
      );
      const failed = random() < 0.06;
      await insertDemoTask(tx, requestId, pick(people), type, organizationId, day, {
        status: failed ? 'failed' : 'done',
        volunteerId: volunteerFor(organizationId),
        outcomeReason: failed ? 'not_home' : null,
        moneyAdvancedCents: type.includes('groceries') ? 1500 + Math.floor(random() * 4000) : 0,
      });
    }
  }

  // Today: new calls waiting for triage, deliveries open, assigned and done.
  for (let n = 0; n < 28; n++) {
    const type = n < 6 ? 'groceries_medicines' : pick(TYPES);
    const person = pick(people);
    const organizationId = org(DEMO_COMPETENCE[type]![0]!);
    const at = `${today} ${8 + Math.floor(n / 4)}:${String((n * 7) % 60).padStart(2, '0')}`;
    if (n >= 20) {
      await insertDemoRequest(tx, person, type, pick(URGENCIES), at, null, 'new');
      continue;
    }
    const requestId = await insertDemoRequest(
      tx,
      person,
      type,
      pick(URGENCIES),
      at,
      organizationId,
      'accepted',
    );
    // The demo volunteer (AUSER Cremona) has today's first grocery deliveries.
    const status = n < 3 ? 'assigned' : n < 10 ? 'done' : n < 14 ? 'assigned' : 'open';
    const volunteerId =
      n < 3 ? options.demoVolunteerId : status === 'open' ? null : volunteerFor(organizationId);
    await insertDemoTask(tx, requestId, person, type, organizationId, today, {
      status,
      volunteerId,
      outcomeReason: null,
      moneyAdvancedCents: 0,
    });
  }

  // Tomorrow: forty deliveries for AUSER Cremona across the district, to plan as rounds.
  const tomorrow = addDays(today, 1);
  for (let n = 0; n < 40; n++) {
    const person = people[(n * 13) % people.length]!;
    const type = n % 5 === 0 ? 'food_parcels' : 'groceries_medicines';
    const requestId = await insertDemoRequest(
      tx,
      person,
      type,
      'normal',
      `${today} 10:00`,
      org('AUSER Cremona'),
      'accepted',
    );
    await insertDemoTask(tx, requestId, person, type, org('AUSER Cremona'), tomorrow, {
      status: 'open',
      volunteerId: null,
      outcomeReason: null,
      moneyAdvancedCents: 0,
    });
  }
}

async function insertDemoRequest(
  tx: Tx,
  person: DemoPerson,
  type: string,
  urgency: string,
  createdAt: string,
  organizationId: string | null,
  status: string,
): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`INSERT INTO help_requests (channel, beneficiary_id, comune_code, intervention_type_id, urgency, status, organization_id,
          created_at, decided_at, completed_at)
        VALUES ('phone', ${person.id}, ${person.comune_code}, ${type}, ${urgency}, ${status}, ${organizationId},
          (${createdAt}::timestamp AT TIME ZONE 'Europe/Rome'),
          CASE WHEN ${status} <> 'new' THEN (${createdAt}::timestamp AT TIME ZONE 'Europe/Rome') + interval '20 minutes' END,
          CASE WHEN ${status} = 'completed' THEN (${createdAt}::timestamp AT TIME ZONE 'Europe/Rome') + interval '6 hours' END)
        RETURNING id`,
  );
  await tx.execute(sql`INSERT INTO help_request_events (request_id, comune_code, kind, at)
                       VALUES (${row!.id}, ${person.comune_code}, 'created', (${createdAt}::timestamp AT TIME ZONE 'Europe/Rome'))`);
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
      CASE WHEN ${state.volunteerId}::uuid IS NOT NULL THEN now() END, ${state.outcomeReason},
      CASE WHEN ${state.status} IN ('done', 'failed') THEN now() END, ${state.moneyAdvancedCents},
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
