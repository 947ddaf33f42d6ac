import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows, sql } from '../../platform/db/database.js';
import { addDays, dateInRome } from '../../platform/time.js';
import { CREMA, CREMONA, setupTestEnv, type Session } from '../../test/harness.js';

/* Citizens apply online for themselves to their comune's economic-support programmes (issue 12 item 7). */

const env = await setupTestEnv();
const today = dateInRome();

let manager: Session;
let admin: Session;
let operator: Session;
let fund: string;

const rule = {
  residenceComuni: [CREMONA],
  minHouseholdSize: 1,
  maxHouseholdSize: null,
  iseeMaxCents: 900_000,
  iseeRequired: true,
  amountBySizeCents: [30_000, 40_000, 50_000],
  iseeBands: [],
  maxAmountCents: null,
};

async function post(session: Session, url: string, payload: object) {
  return env.app.inject({ method: 'POST', url, headers: session.headers, payload });
}
async function get(session: Session, url: string) {
  return env.app.inject({ method: 'GET', url, headers: session.headers });
}

async function createProgramme(
  name: string,
  comuneCode = CREMONA,
  validFrom = addDays(today, -10),
): Promise<string> {
  const response = await post(comuneCode === CREMONA ? manager : admin, '/api/programmes', {
    kind: 'solidarity_fund',
    name,
    comuneCode,
    rule: { ...rule, residenceComuni: [comuneCode] },
    validFrom,
    validUntil: addDays(validFrom, 40),
    budgetCents: 1_000_000,
    requiredDocuments: ['ISEE', 'Relazione sociale'],
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string }>().id;
}

/** A citizen with an account, a household of `size` in Cremona and, when given, a valid verified ISEE. */
async function citizen(options: { size?: number; iseeCents?: number | null } = {}) {
  const [household] = await queryRows<{ id: string }>(
    env.database.db,
    sql`INSERT INTO households (comune_code, address) VALUES (${CREMONA}, 'Via Platina 3') RETURNING id`,
  );
  const members: string[] = [];
  for (let i = 0; i < (options.size ?? 1); i++) members.push(await env.buildPerson());
  for (const id of members)
    await env.database.db.execute(sql`UPDATE people SET household_id = ${household!.id} WHERE id = ${id}`);
  const personId = members[0]!;
  const iseeCents = options.iseeCents === undefined ? 450_000 : options.iseeCents;
  if (iseeCents !== null)
    await env.database.db.execute(
      sql`INSERT INTO isee_declarations (person_id, comune_code, isee_type, value_cents, dsu_protocol, issued_on, expires_on, verified_at)
          VALUES (${personId}, ${CREMONA}, 'ordinario', ${iseeCents}, ${`INPS-ISEE-${personId.slice(0, 8)}`},
                  ${addDays(today, -30)}, ${addDays(today, 300)}, now())`,
    );
  const user = await env.buildUser({ role: 'cittadino', scope: { type: 'comune', id: CREMONA } });
  await env.database.db.execute(sql`UPDATE users SET person_id = ${personId} WHERE id = ${user.id}`);
  return { personId, members, session: await env.login(user.email) };
}

async function applicationsOf(personId: string) {
  return queryRows<{ id: string; channel: string; household_size: number; isee_cents: number | null }>(
    env.database.db,
    sql`SELECT id, channel, household_size, isee_cents::int AS isee_cents FROM programme_applications WHERE person_id = ${personId}`,
  );
}

beforeAll(async () => {
  manager = await env.loginAs('welfare_manager');
  admin = await env.loginAs('amministratore', { type: 'all' });
  operator = await env.loginAs('operatore');
  fund = await createProgramme('Fondo di solidarietà di prova');
});

describe('online applications by citizens', () => {
  it('lists the open programmes of the citizen’s comune with their documents, not closed ones nor another comune’s', async () => {
    const closed = await createProgramme('Fondo chiuso', CREMONA, addDays(today, -100));
    const crema = await createProgramme('Fondo di Crema', CREMA);
    const { session } = await citizen();
    const response = await get(session, '/api/programmes/open');
    expect(response.statusCode, response.body).toBe(200);
    const open = response.json<{ id: string; requiredDocuments: string[] }[]>();
    expect(open.find((p) => p.id === fund)?.requiredDocuments).toEqual(['ISEE', 'Relazione sociale']);
    expect(open.map((p) => p.id)).not.toContain(closed);
    expect(open.map((p) => p.id)).not.toContain(crema);
    // Budgets and application counts are the Comune's, not the citizen's.
    expect(Object.keys(open[0]!)).not.toContain('budget');
  });

  it('a citizen applies for self with the household and ISEE of their records, and sees it pending', async () => {
    const { personId, session } = await citizen({ size: 3, iseeCents: 450_000 });
    const response = await post(session, `/api/programmes/${fund}/applications/mine`, {
      documents: ['ISEE', 'ISEE', 'Altro'],
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      programmeId: fund,
      channel: 'online',
      householdSize: 3,
      status: 'submitted',
      documents: ['ISEE'],
      missingDocuments: ['Relazione sociale'],
      decisionReason: null,
    });
    expect(response.json()).not.toHaveProperty('iseeCents');
    const [row] = await applicationsOf(personId);
    expect(row).toMatchObject({ channel: 'online', household_size: 3, isee_cents: 450_000 });

    const mine = await get(session, '/api/applications/mine');
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json<{ id: string; status: string }[]>()).toEqual([
      expect.objectContaining({
        id: row!.id,
        status: 'submitted',
        programmeName: 'Fondo di solidarietà di prova',
      }),
    ]);
    const [audit] = await queryRows<{ action: string }>(
      env.database.db,
      sql`SELECT action FROM audit_events WHERE entity_id = ${row!.id}`,
    );
    expect(audit?.action).toBe('programme.application_create');
  });

  it('the operator then sees it among the applications to check, and the citizen sees the decision and its reason', async () => {
    const { personId, session } = await citizen({ iseeCents: 300_000 });
    const created = await post(session, `/api/programmes/${fund}/applications/mine`, { documents: ['ISEE'] });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<{ id: string }>().id;
    const list = await get(operator, `/api/programmes/${fund}/applications?status=submitted`);
    const seen = list.json<{ id: string; personId: string; channel: string; iseeCents: number }[]>();
    expect(seen.find((a) => a.id === id)).toMatchObject({ personId, channel: 'online', iseeCents: 300_000 });
    const decided = await post(operator, `/api/applications/${id}/decision`, {
      decision: 'reject',
      reason: 'Manca la relazione sociale',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const mine = await get(session, '/api/applications/mine');
    expect(mine.json()).toEqual([
      expect.objectContaining({ id, status: 'rejected', decisionReason: 'Manca la relazione sociale' }),
    ]);
  });

  it('cannot apply for another person: the body names nobody, and the desk route is not the citizen’s', async () => {
    const { session } = await citizen();
    const other = await env.buildPerson();
    const named = await post(session, `/api/programmes/${fund}/applications/mine`, { personId: other });
    expect(named.statusCode).toBe(400);
    const desk = await post(session, `/api/programmes/${fund}/applications`, {
      personId: other,
      channel: 'online',
    });
    expect(desk.statusCode).toBe(403);
    expect(await applicationsOf(other)).toEqual([]);
    // Another comune's programme is not found.
    const crema = await createProgramme('Fondo di Crema bis', CREMA);
    expect((await post(session, `/api/programmes/${crema}/applications/mine`, {})).statusCode).toBe(404);
  });

  it('refuses a second application of the same household, whoever of it applies', async () => {
    const first = await citizen({ size: 2 });
    expect((await post(first.session, `/api/programmes/${fund}/applications/mine`, {})).statusCode).toBe(201);
    expect((await post(first.session, `/api/programmes/${fund}/applications/mine`, {})).statusCode).toBe(409);
    const user = await env.buildUser({ role: 'cittadino', scope: { type: 'comune', id: CREMONA } });
    const relative = first.members[1]!;
    await env.database.db.execute(sql`UPDATE users SET person_id = ${relative} WHERE id = ${user.id}`);
    const second = await post(await env.login(user.email), `/api/programmes/${fund}/applications/mine`, {});
    expect(second.statusCode, second.body).toBe(409);
    expect(second.json()).toMatchObject({
      error: { code: 'HOUSEHOLD_ALREADY_APPLIED', details: { field: 'programmeId' } },
    });
    expect(await applicationsOf(first.personId)).toHaveLength(1);
    expect(await applicationsOf(relative)).toEqual([]);
  });

  it('refuses an ineligible citizen with the reason, saving nothing', async () => {
    for (const iseeCents of [1_200_000, null]) {
      const { personId, session } = await citizen({ iseeCents });
      const response = await post(session, `/api/programmes/${fund}/applications/mine`, {});
      expect(response.statusCode, response.body).toBe(422);
      const { error } = response.json<{
        error: { code: string; message: string; details: { field: string; problems: { code: string }[] } };
      }>();
      expect(error).toMatchObject({ code: 'APPLICATION_NOT_ELIGIBLE', details: { field: 'programmeId' } });
      expect(error.message).toMatch(/ISEE/);
      expect(error.details.problems.map((p) => p.code)).toEqual([
        iseeCents === null ? 'ISEE_MISSING' : 'ISEE_TOO_HIGH',
      ]);
      expect(await applicationsOf(personId)).toEqual([]);
    }
  });

  it('refuses a citizen account without a registry record, and lists nothing for it', async () => {
    const session = await env.loginAs('cittadino', { type: 'comune', id: CREMONA });
    const response = await post(session, `/api/programmes/${fund}/applications/mine`, {});
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ error: { code: 'CITIZEN_WITHOUT_RECORD' } });
    expect((await get(session, '/api/applications/mine')).json()).toEqual([]);
  });
});
