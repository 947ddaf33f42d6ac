import { pgArray, queryRows, sql, type Database } from '../platform/db/database.js';
import { addDays, dateInRome } from '../platform/time.js';
import { insertPerson } from '../modules/people/people.repository.js';
import { searchNameOf } from '../modules/people/people.rules.js';
import { CodiceFiscale } from '../modules/people/codice-fiscale.js';
import { createProcessUser, type HttpClient } from './server-process.js';

/*
 * A day of CremonAiuta work for the crash, several-instances and backup tests: an organisation
 * competent for food parcels in the Ambito Cremonese, made-up beneficiaries and volunteers, and a
 * write load that takes requests through intake, triage, assignment, completion with money
 * advanced and reimbursement — recording every write the server acknowledged with a 2xx.
 */

const CREMONA = '019036';

export interface Workload {
  adminEmail: string;
  operatorEmail: string;
  organizationId: string;
  beneficiaryIds: string[];
  volunteerIds: string[];
}

/** Inserts the organisation, its competence rule, people, volunteers and two users. */
export async function prepareWorkload(
  database: Database,
  size: { people?: number; volunteers?: number } = {},
): Promise<Workload> {
  const [org] = await queryRows<{ id: string }>(
    database.db,
    sql`INSERT INTO organizations (name, kind, ambito_id) VALUES ('Associazione Prova Carico', 'association', 'CREMONA') RETURNING id`,
  );
  const organizationId = org!.id;
  await database.db.execute(
    sql`INSERT INTO competence_rules (intervention_type_id, scope_type, scope_id, organization_id, priority, version)
        VALUES ('food_parcels', 'ambito', 'CREMONA', ${organizationId}, 1, 1)`,
  );
  const beneficiaryIds: string[] = [];
  for (let i = 0; i < (size.people ?? 20); i++) {
    const familyName = `Carico${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26))}`;
    const birthDate = `19${40 + (i % 50)}-0${1 + (i % 9)}-1${i % 9}`;
    const [year, month, day] = birthDate.split('-').map(Number) as [number, number, number];
    beneficiaryIds.push(
      await insertPerson(
        database.db,
        {
          codiceFiscale: CodiceFiscale.compute({
            name: 'Anna',
            surname: familyName,
            gender: 'F',
            day,
            month,
            year,
            birthplace: 'Cremona',
            birthplaceProvincia: 'CR',
          }),
          givenName: 'Anna',
          familyName,
          searchName: searchNameOf('Anna', familyName),
          birthDate,
          sex: 'F',
          birthPlace: 'Cremona',
          comuneCode: CREMONA,
          address: 'Via Roma 1',
          neighbourhood: null,
          latitude: null,
          longitude: null,
          phone: '0372 123456',
          phoneDigits: '0372123456',
          email: null,
          disability: false,
          livesAlone: true,
          covidPositive: false,
          knownToSocialServices: false,
          consentPrivacy: true,
          consentContact: true,
        },
        null,
      ),
    );
  }
  const availability = JSON.stringify(
    [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, from: '07:00', to: '21:00' })),
  );
  const volunteerIds: string[] = [];
  for (let i = 0; i < (size.volunteers ?? 12); i++) {
    const [row] = await queryRows<{ id: string }>(
      database.db,
      sql`INSERT INTO volunteers (organization_id, given_name, family_name, phone, email, comune_code, status, has_car, has_licence,
            zones, availability, health_training, max_tasks_per_day, consent_privacy)
          VALUES (${organizationId}, 'Volontario', ${`Carico ${i}`}, '333 000 0000', ${`volontario.${i}@test.legami.it`}, ${CREMONA},
            'approved', true, true, ${pgArray([])}::text[], ${availability}::jsonb, false, 50, true)
          RETURNING id`,
    );
    volunteerIds.push(row!.id);
  }
  return {
    adminEmail: await createProcessUser(database, 'amministratore', { scope: 'all' }),
    operatorEmail: await createProcessUser(database, 'operatore'),
    organizationId,
    beneficiaryIds,
    volunteerIds,
  };
}

/** What the server acknowledged (2xx) for one help request, step by step. */
export interface AckedChain {
  requestId: string;
  accepted?: boolean;
  taskId?: string;
  assignedTo?: string;
  advancedCents?: number;
  reimbursedCents?: number;
}

/**
 * Drives the write load until `stop()` resolves true: `workers` loops, each taking one request
 * at a time through every step. A step that fails (a refused connection, the server killed) ends
 * that chain; its outcome is unknown and not recorded. The loop moves to the next instance of
 * `clients` at each chain, so several instances share the load.
 */
export function runWriteLoad(
  workload: Workload,
  clients: { operator: HttpClient; admin: HttpClient }[],
  options: { workers: number; shouldStop: () => boolean; maxChains?: number },
): { acked: AckedChain[]; failures: unknown[]; done: Promise<void> } {
  const acked: AckedChain[] = [];
  const tomorrow = addDays(dateInRome(), 1);
  let sequence = 0;
  const ok = (status: number) => status >= 200 && status < 300;
  const chain = async (n: number): Promise<void> => {
    const { operator, admin } = clients[n % clients.length]!;
    const intake = await operator.send('POST', '/api/requests', {
      channel: 'phone',
      beneficiaryId: workload.beneficiaryIds[n % workload.beneficiaryIds.length],
      interventionTypeId: 'food_parcels',
      preferredDate: tomorrow,
      confirmSimilar: true,
    });
    if (!ok(intake.status)) throw new Error(`intake answered ${intake.status}`);
    const record: AckedChain = { requestId: (intake.body as { id: string }).id };
    acked.push(record);
    const triage = await operator.send('POST', `/api/requests/${record.requestId}/triage`, {
      decision: 'accept',
    });
    if (!ok(triage.status)) throw new Error(`triage answered ${triage.status}`);
    record.accepted = true;
    const tasks = await admin.send('GET', `/api/tasks?requestId=${record.requestId}`);
    const taskId = (tasks.body as { items: { id: string }[] }).items[0]!.id;
    record.taskId = taskId;
    const volunteerId = workload.volunteerIds[n % workload.volunteerIds.length]!;
    const assign = await admin.send('POST', `/api/tasks/${taskId}/assign`, { volunteerId });
    if (!ok(assign.status)) throw new Error(`assign answered ${assign.status}`);
    record.assignedTo = volunteerId;
    const cents = 1000 + (n % 50) * 137;
    const complete = await admin.send('POST', `/api/tasks/${taskId}/complete`, {
      outcome: 'done',
      moneyAdvancedCents: cents,
    });
    if (!ok(complete.status)) throw new Error(`complete answered ${complete.status}`);
    record.advancedCents = cents;
    const reimburse = await admin.send('POST', `/api/tasks/${taskId}/reimburse`, { amountCents: cents });
    if (!ok(reimburse.status)) throw new Error(`reimburse answered ${reimburse.status}`);
    record.reimbursedCents = cents;
  };
  const failures: unknown[] = [];
  const done = Promise.all(
    Array.from({ length: options.workers }, async () => {
      while (!options.shouldStop() && (options.maxChains === undefined || sequence < options.maxChains)) {
        await chain(sequence++).catch((error: unknown) => failures.push(error));
      }
    }),
  ).then(() => undefined);
  return { acked, failures, done };
}

/**
 * Checks, on the database, that every acknowledged write is there and that nothing is half-done:
 * each request has its creation event and audit entry, each accepted one its task, event and
 * audit entry, each assigned/closed/reimbursed task its audit entry, money never reimbursed beyond
 * what was advanced, and every notification its delivery job. @returns the problems found
 */
export async function checkWorkload(database: Database, acked: AckedChain[]): Promise<string[]> {
  const problems: string[] = [];
  const requests = new Map(
    (
      await queryRows<{ id: string; status: string }>(database.db, sql`SELECT id, status FROM help_requests`)
    ).map((r) => [r.id, r]),
  );
  const tasks = new Map(
    (
      await queryRows<{
        id: string;
        request_id: string;
        status: string;
        volunteer_id: string | null;
        money_advanced_cents: number;
        money_reimbursed_cents: number;
      }>(
        database.db,
        sql`SELECT id, request_id, status, volunteer_id, money_advanced_cents, money_reimbursed_cents FROM tasks`,
      )
    ).map((t) => [t.id, t]),
  );
  const events = new Set(
    (
      await queryRows<{ key: string }>(
        database.db,
        sql`SELECT request_id || ':' || kind AS key FROM help_request_events`,
      )
    ).map((e) => e.key),
  );
  const audits = new Set(
    (
      await queryRows<{ key: string }>(
        database.db,
        sql`SELECT entity_id || ':' || action AS key FROM audit_events WHERE entity_id IS NOT NULL`,
      )
    ).map((a) => a.key),
  );
  // Acknowledged writes are all there.
  for (const chain of acked) {
    const request = requests.get(chain.requestId);
    if (!request) {
      problems.push(`acknowledged request ${chain.requestId} is missing`);
      continue;
    }
    if (chain.accepted && !['accepted', 'completed'].includes(request.status))
      problems.push(`acknowledged triage of ${chain.requestId} is missing (${request.status})`);
    const task = chain.taskId ? tasks.get(chain.taskId) : undefined;
    if (chain.taskId && !task) problems.push(`task ${chain.taskId} is missing`);
    if (!task) continue;
    if (chain.assignedTo && task.volunteer_id !== chain.assignedTo)
      problems.push(`acknowledged assignment of ${task.id} is missing`);
    if (
      chain.advancedCents !== undefined &&
      (task.status !== 'done' || task.money_advanced_cents !== chain.advancedCents)
    )
      problems.push(`acknowledged completion of ${task.id} is missing`);
    if (chain.reimbursedCents !== undefined && task.money_reimbursed_cents !== chain.reimbursedCents)
      problems.push(`acknowledged reimbursement of ${task.id} is missing`);
  }
  // Nothing is half-done, acknowledged or not.
  for (const request of requests.values()) {
    if (!events.has(`${request.id}:created`) || !audits.has(`${request.id}:request.create`))
      problems.push(`request ${request.id} lacks its creation event or audit entry`);
    if (request.status !== 'new') {
      if (!audits.has(`${request.id}:request.triage`))
        problems.push(`request ${request.id} lacks its triage audit`);
      if (request.status !== 'rejected' && ![...tasks.values()].some((t) => t.request_id === request.id))
        problems.push(`accepted request ${request.id} has no task`);
    }
  }
  for (const task of tasks.values()) {
    if (!requests.has(task.request_id)) problems.push(`task ${task.id} has no request`);
    if (task.volunteer_id && !audits.has(`${task.id}:task.assign`))
      problems.push(`task ${task.id} lacks its assignment audit`);
    if (['done', 'failed'].includes(task.status) && !audits.has(`${task.id}:task.complete`))
      problems.push(`task ${task.id} lacks its completion audit`);
    if (task.money_reimbursed_cents > 0 && !audits.has(`${task.id}:task.reimburse`))
      problems.push(`task ${task.id} lacks its reimbursement audit`);
    if (task.money_reimbursed_cents > task.money_advanced_cents)
      problems.push(`task ${task.id} reimbursed more than advanced`);
  }
  const [orphans] = await queryRows<{ n: number }>(
    database.db,
    sql`SELECT count(*)::int AS n FROM notifications n
        WHERE NOT EXISTS (SELECT 1 FROM jobs j WHERE j.kind = 'notification.deliver' AND (j.payload->>'notificationId')::bigint = n.id)`,
  );
  if (orphans!.n > 0) problems.push(`${orphans!.n} notifications have no delivery job`);
  return problems;
}
