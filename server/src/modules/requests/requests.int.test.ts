import { describe, expect, it } from 'vitest';
import { queryRows, sql } from '../../platform/db/database.js';
import { addDays, dateInRome } from '../../platform/time.js';
import { CREMA, CREMONA, setupTestEnv } from '../../test/harness.js';

const env = await setupTestEnv();
const admin = await env.loginAs('amministratore', { type: 'all' });
const operator = await env.loginAs('operatore');

async function organization(name: string, ambitoId = 'CREMONA'): Promise<string> {
  const response = await env.app.inject({
    method: 'POST',
    url: '/api/organizations',
    headers: admin.headers,
    payload: { name, kind: 'association', ambitoId, comuneCode: null },
  });
  return response.json().id;
}

const auser = await organization('AUSER prova');
const caritas = await organization('Caritas prova');
await env.app.inject({
  method: 'PUT',
  url: '/api/competence-rules',
  headers: admin.headers,
  payload: {
    interventionTypeId: 'groceries_medicines',
    scopeType: 'ambito',
    scopeId: 'CREMONA',
    organizationIds: [auser, caritas],
  },
});

const post = (payload: object, headers = operator.headers) =>
  env.app.inject({ method: 'POST', url: '/api/requests', headers, payload });
const triage = (id: string, payload: object, headers = operator.headers) =>
  env.app.inject({ method: 'POST', url: `/api/requests/${id}/triage`, headers, payload });

describe('help requests', () => {
  it('routes an accepted request to the first competent organisation and creates its task', async () => {
    const beneficiaryId = await env.buildPerson();
    const created = await post({
      channel: 'phone',
      beneficiaryId,
      interventionTypeId: 'groceries_medicines',
      urgency: 'high',
    });
    expect(created.statusCode).toBe(201);
    // Intake answers the new id and state only; the record is read (and audited) on its page.
    expect(Object.keys(created.json()).sort()).toEqual(['comuneCode', 'createdAt', 'id', 'status']);
    expect(created.json()).toMatchObject({ status: 'new', comuneCode: CREMONA });
    const read = await env.app.inject({
      method: 'GET',
      url: `/api/requests/${created.json().id}`,
      headers: operator.headers,
    });
    expect(read.json()).toMatchObject({
      status: 'new',
      createdAt: created.json().createdAt,
      beneficiary: { followedBySocialServices: true },
      events: [{ kind: 'created', details: { channel: 'phone' } }],
    });
    expect(
      read.json().competentOrganizations.map((o: { organizationId: string }) => o.organizationId),
    ).toEqual([auser, caritas]);
    const accepted = await triage(created.json().id, { decision: 'accept' });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', organizationId: auser });
    expect(accepted.json().taskIds).toHaveLength(1);
    expect(accepted.json().events.map((e: { kind: string }) => e.kind)).toEqual(['created', 'accepted']);
  });

  it('asks a reason to route against the protocol', async () => {
    const beneficiaryId = await env.buildPerson();
    const { id } = (
      await post({ channel: 'phone', beneficiaryId, interventionTypeId: 'groceries_medicines' })
    ).json();
    const refused = await triage(id, { decision: 'accept', organizationId: caritas });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('ROUTING_OVERRIDE_REASON_REQUIRED');
    const accepted = await triage(id, {
      decision: 'accept',
      organizationId: caritas,
      overrideReason: 'AUSER senza volontari oggi',
    });
    expect(accepted.json()).toMatchObject({
      organizationId: caritas,
      routingOverrideReason: 'AUSER senza volontari oggi',
    });
  });

  it('creates one task a week for a recurring delivery', async () => {
    const beneficiaryId = await env.buildPerson();
    const start = addDays(dateInRome(), 1);
    const { id } = (
      await post({
        channel: 'phone',
        beneficiaryId,
        interventionTypeId: 'groceries_medicines',
        preferredDate: start,
        recurrence: 'weekly',
        recurrenceUntil: addDays(start, 21),
      })
    ).json();
    expect((await triage(id, { decision: 'accept' })).json().taskIds).toHaveLength(4);
  });

  it('refuses an unknown intervention type and saves nothing', async () => {
    const beneficiaryId = await env.buildPerson();
    const response = await post({ channel: 'phone', beneficiaryId, interventionTypeId: 'teletrasporto' });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('INTERVENTION_TYPE_UNKNOWN');
    const [row] = await queryRows<{ n: number }>(
      env.database.db,
      sql`SELECT count(*)::int AS n FROM help_requests WHERE beneficiary_id = ${beneficiaryId}`,
    );
    expect(row!.n).toBe(0);
  });

  it('warns of an open similar request', async () => {
    const beneficiaryId = await env.buildPerson();
    await post({ channel: 'phone', beneficiaryId, interventionTypeId: 'home_meals' });
    const again = await post({ channel: 'phone', beneficiaryId, interventionTypeId: 'home_meals' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('REQUEST_SIMILAR_OPEN');
    expect(
      (
        await post({
          channel: 'phone',
          beneficiaryId,
          interventionTypeId: 'home_meals',
          confirmSimilar: true,
        })
      ).statusCode,
    ).toBe(201);
  });

  it('says when no organisation is competent', async () => {
    const beneficiaryId = await env.buildPerson();
    const { id } = (
      await post({ channel: 'phone', beneficiaryId, interventionTypeId: 'tablets_pupils' })
    ).json();
    const response = await triage(id, { decision: 'accept' });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('NO_COMPETENT_ORGANIZATION');
  });

  it('needs a reason to reject', async () => {
    const beneficiaryId = await env.buildPerson();
    const { id } = (
      await post({ channel: 'phone', beneficiaryId, interventionTypeId: 'masks_over65' })
    ).json();
    expect((await triage(id, { decision: 'reject' })).statusCode).toBe(422);
    expect((await triage(id, { decision: 'reject', reason: 'Già servito dal vicinato' })).json().status).toBe(
      'rejected',
    );
    expect((await triage(id, { decision: 'accept' })).statusCode).toBe(409);
  });

  it('hides a request of another district with 404', async () => {
    const beneficiaryId = await env.buildPerson({ comune: CREMONA });
    const { id } = (
      await post({ channel: 'phone', beneficiaryId, interventionTypeId: 'food_parcels' })
    ).json();
    const cremasco = await env.loginAs('operatore', { type: 'ambito', id: 'CREMA' });
    expect(
      (await env.app.inject({ method: 'GET', url: `/api/requests/${id}`, headers: cremasco.headers }))
        .statusCode,
    ).toBe(404);
    expect((await triage(id, { decision: 'reject', reason: 'x' }, cremasco.headers)).statusCode).toBe(404);
    const other = await env.buildPerson({ comune: CREMA });
    expect(
      (await post({ channel: 'phone', beneficiaryId: other, interventionTypeId: 'food_parcels' })).statusCode,
    ).toBe(404);
  });

  it('refuses intake to a volunteer and hides the social-services flag from a coordinator', async () => {
    const volunteer = await env.loginAs('volontario');
    const beneficiaryId = await env.buildPerson();
    expect(
      (await post({ channel: 'phone', beneficiaryId, interventionTypeId: 'food_parcels' }, volunteer.headers))
        .statusCode,
    ).toBe(403);
  });
});

describe('competence rules', () => {
  it('keeps every version with who changed it', async () => {
    await env.app.inject({
      method: 'PUT',
      url: '/api/competence-rules',
      headers: admin.headers,
      payload: {
        interventionTypeId: 'home_meals',
        scopeType: 'comune',
        scopeId: CREMONA,
        organizationIds: [caritas],
      },
    });
    await env.app.inject({
      method: 'PUT',
      url: '/api/competence-rules',
      headers: admin.headers,
      payload: {
        interventionTypeId: 'home_meals',
        scopeType: 'comune',
        scopeId: CREMONA,
        organizationIds: [auser, caritas],
      },
    });
    const history = (
      await env.app.inject({
        method: 'GET',
        url: '/api/competence-rules?interventionType=home_meals&history=true',
        headers: admin.headers,
      })
    ).json();
    expect(
      history.map((r: { version: number; retiredAt: string | null }) => [r.version, r.retiredAt === null]),
    ).toEqual([
      [2, true],
      [2, true],
      [1, false],
    ]);
    const resolved = (
      await env.app.inject({
        method: 'GET',
        url: `/api/competence-rules/resolve?interventionType=home_meals&comune=${CREMONA}`,
        headers: operator.headers,
      })
    ).json();
    expect(resolved.map((o: { organizationId: string }) => o.organizationId)).toEqual([auser, caritas]);
  });

  it('lets only an administrator change the protocol', async () => {
    const response = await env.app.inject({
      method: 'PUT',
      url: '/api/competence-rules',
      headers: operator.headers,
      payload: { interventionTypeId: 'home_meals', scopeType: 'all', scopeId: null, organizationIds: [] },
    });
    expect(response.statusCode).toBe(403);
  });

  it('lists the nine intervention types of CremonAiuta without a session', async () => {
    const types = (await env.app.inject({ method: 'GET', url: '/api/intervention-types' })).json();
    expect(types).toHaveLength(9);
    expect(types.find((t: { id: string }) => t.id === 'covid_groceries_medicines')).toMatchObject({
      healthRisk: true,
      requiresCar: true,
    });
  });
});

describe('online requests by citizens', () => {
  async function citizen() {
    const personId = await env.buildPerson();
    const user = await env.buildUser({ role: 'cittadino', scope: { type: 'comune', id: CREMONA } });
    await env.database.db.execute(sql`UPDATE users SET person_id = ${personId} WHERE id = ${user.id}`);
    return { personId, session: await env.login(user.email) };
  }
  const online = (session: { headers: Record<string, string> }, payload: object) =>
    env.app.inject({ method: 'POST', url: '/api/requests/online', headers: session.headers, payload });

  const relative = (overrides: object = {}) => ({
    givenName: 'Teresa',
    familyName: 'Lodi',
    birthDate: '1938-04-02',
    sex: 'F',
    comuneCode: CREMONA,
    address: 'Via Mazzini 4',
    ...overrides,
  });

  it('lets a citizen ask help for a relative of the same territory and follow the request', async () => {
    const { session } = await citizen();
    const created = await online(session, {
      interventionTypeId: 'groceries_medicines',
      description: 'Mia madre non può uscire per la spesa',
      consentPrivacy: true,
      relative: relative(),
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      channel: 'web',
      status: 'new',
      comuneCode: CREMONA,
      beneficiary: { givenName: 'Teresa' },
    });
    expect(created.json().beneficiary.followedBySocialServices).toBeUndefined();
    const mine = (
      await env.app.inject({ method: 'GET', url: '/api/requests/mine', headers: session.headers })
    ).json();
    expect(mine.items.map((r: { id: string }) => r.id)).toEqual([created.json().id]);
    // Registered through the people module: its audit entry, by the citizen.
    const [audit] = await queryRows<{ details: { registeredBy: string } }>(
      env.database.db,
      sql`SELECT details FROM audit_events WHERE action = 'person.create' AND entity_id = ${created.json().beneficiary.id}`,
    );
    expect(audit?.details.registeredBy).toBe('citizen');
    const operatorOfCremona = await env.loginAs('operatore', { type: 'ambito', id: 'CREMONA' });
    const queue = (
      await env.app.inject({
        method: 'GET',
        url: '/api/requests?status=new',
        headers: operatorOfCremona.headers,
      })
    ).json();
    expect(queue.items.map((r: { id: string }) => r.id)).toContain(created.json().id);
  });

  it('refuses a relative outside the citizen’s territory, saving nothing', async () => {
    const { session } = await citizen();
    const before = await queryRows<{ n: number }>(
      env.database.db,
      sql`SELECT count(*)::int AS n FROM people`,
    );
    const response = await online(session, {
      interventionTypeId: 'groceries_medicines',
      description: 'Mia madre non può uscire per la spesa',
      consentPrivacy: true,
      relative: relative({ comuneCode: CREMA }),
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.details.field).toBe('comuneCode');
    const after = await queryRows<{ n: number }>(env.database.db, sql`SELECT count(*)::int AS n FROM people`);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('never hands a citizen a stranger’s record: a known codice fiscale answers with what the citizen typed', async () => {
    // A person of Crema, with her real data, and her codice fiscale.
    const strangerId = await env.buildPerson({
      comune: CREMA,
      givenName: 'Ermenegilda',
      familyName: 'Sconosciuta',
      birthDate: '1941-05-17',
    });
    await env.database.db.execute(
      sql`UPDATE people SET address = 'Via Segreta 77', phone = '0373 998877' WHERE id = ${strangerId}`,
    );
    const [stranger] = await queryRows<{ codice_fiscale: string; address: string; phone: string }>(
      env.database.db,
      sql`SELECT codice_fiscale, address, phone FROM people WHERE id = ${strangerId}`,
    );
    const { session } = await citizen();
    const created = await online(session, {
      interventionTypeId: 'groceries_medicines',
      description: 'Spesa per mia zia',
      consentPrivacy: true,
      relative: relative({
        givenName: 'Ermenegilda',
        familyName: 'Sconosciuta',
        birthDate: '1941-05-17',
        codiceFiscale: stranger!.codice_fiscale,
        address: 'Via Platina 9',
        phone: null,
      }),
    });
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body.beneficiary.id).not.toBe(strangerId);
    expect(body.beneficiary).toMatchObject({ address: 'Via Platina 9', phone: null });
    expect(body.comuneCode).toBe(CREMONA);
    expect(created.body).not.toContain(stranger!.address);
    expect(created.body).not.toContain(stranger!.phone);
    // All the citizen learns: the person is already known and the operator will verify.
    expect(body.events[0].details).toMatchObject({ beneficiaryAlreadyKnown: true });
    // The stranger's record is untouched and no second record takes her codice fiscale.
    const [after] = await queryRows<{ address: string; n: number }>(
      env.database.db,
      sql`SELECT address, (SELECT count(*)::int FROM people WHERE codice_fiscale = ${stranger!.codice_fiscale}) AS n
          FROM people WHERE id = ${strangerId}`,
    );
    expect(after).toEqual({ address: stranger!.address, n: 1 });
  });

  it('refuses an online request without privacy consent', async () => {
    const { session } = await citizen();
    const response = await online(session, {
      interventionTypeId: 'home_meals',
      description: 'Pasti per me',
      consentPrivacy: false,
    });
    expect(response.statusCode).toBe(400);
  });

  it('keeps the online form for citizens and other citizens’ requests private', async () => {
    const a = await citizen();
    const b = await citizen();
    await online(a.session, {
      interventionTypeId: 'home_meals',
      description: 'Pasti per me',
      consentPrivacy: true,
    });
    expect(
      (await env.app.inject({ method: 'GET', url: '/api/requests/mine', headers: b.session.headers })).json()
        .total,
    ).toBe(0);
    expect(
      (
        await online(operator, {
          interventionTypeId: 'home_meals',
          description: 'Pasti per me',
          consentPrivacy: true,
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('the citizen’s own requests', () => {
  async function citizen(phone: string | null = null) {
    const personId = await env.buildPerson();
    await env.database.db.execute(sql`UPDATE people SET phone = ${phone} WHERE id = ${personId}`);
    const user = await env.buildUser({ role: 'cittadino', scope: { type: 'comune', id: CREMONA } });
    await env.database.db.execute(sql`UPDATE users SET person_id = ${personId} WHERE id = ${user.id}`);
    return { personId, session: await env.login(user.email) };
  }
  const ask = async (session: { headers: Record<string, string> }) =>
    (
      await env.app.inject({
        method: 'POST',
        url: '/api/requests/online',
        headers: session.headers,
        payload: {
          interventionTypeId: 'groceries_medicines',
          description: 'La spesa della settimana, grazie',
          preferredDate: addDays(dateInRome(), 2),
          windowStart: '09:00',
          windowEnd: '11:30',
          consentPrivacy: true,
        },
      })
    ).json<{ id: string }>().id;
  const withdraw = (session: { headers: Record<string, string> }, id: string) =>
    env.app.inject({ method: 'POST', url: `/api/requests/mine/${id}/cancel`, headers: session.headers });
  const mine = async (session: { headers: Record<string, string> }) =>
    (await env.app.inject({ method: 'GET', url: '/api/requests/mine', headers: session.headers })).json<{
      items: {
        id: string;
        status: string;
        description: string;
        windowStart: string;
        abilities: { cancel: boolean };
      }[];
    }>().items;

  it('never shows the citizen the notes an operator took on the phone', async () => {
    const { personId, session } = await citizen();
    const taken = await post({
      channel: 'phone',
      beneficiaryId: personId,
      interventionTypeId: 'groceries_medicines',
      notes: 'Al telefono confusa: richiamare la figlia prima di consegnare',
    });
    expect(taken.statusCode).toBe(201);
    const listed = await env.app.inject({
      method: 'GET',
      url: '/api/requests/mine',
      headers: session.headers,
    });
    const own = listed.json<{ items: { id: string; notes: string | null }[] }>().items;
    expect(own.find((r) => r.id === taken.json<{ id: string }>().id)).toMatchObject({ notes: null });
    expect(listed.body).not.toContain('richiamare la figlia');
  });

  it('shows what the citizen wrote and the time slot, and lets them withdraw it while nobody is assigned', async () => {
    const { session } = await citizen();
    const id = await ask(session);
    const [listed] = await mine(session);
    expect(listed).toMatchObject({
      id,
      description: 'La spesa della settimana, grazie',
      windowStart: expect.stringMatching(/^09:00/),
      abilities: { cancel: true },
    });
    const response = await withdraw(session, id);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'cancelled', abilities: { cancel: false } });
    const audit = await queryRows<{ action: string }>(
      env.database.db,
      sql`SELECT action FROM audit_events WHERE entity_id = ${id} ORDER BY id`,
    );
    expect(audit.map((a) => a.action)).toContain('request.cancel');
    const [event] = await queryRows<{ details: { byCitizen?: boolean } }>(
      env.database.db,
      sql`SELECT details FROM help_request_events WHERE request_id = ${id} AND kind = 'cancelled'`,
    );
    expect(event!.details.byCitizen).toBe(true);
  });

  it('refuses to withdraw a request once a volunteer is assigned, leaving it as it was', async () => {
    const { session } = await citizen();
    const id = await ask(session);
    const accepted = await triage(id, { decision: 'accept' });
    const taskId = accepted.json<{ taskIds: string[] }>().taskIds[0]!;
    const volunteerId = await env.buildVolunteer({ organizationId: auser });
    await env.database.db.execute(
      sql`UPDATE tasks SET volunteer_id = ${volunteerId}, status = 'assigned' WHERE id = ${taskId}`,
    );
    expect((await mine(session))[0]!.abilities.cancel).toBe(false);
    const response = await withdraw(session, id);
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('REQUEST_NOT_WITHDRAWABLE');
    expect((await mine(session))[0]!.status).toBe('accepted');
  });

  it('answers 404 for another citizen’s request, which stays open', async () => {
    const a = await citizen();
    const b = await citizen();
    const id = await ask(a.session);
    expect((await withdraw(b.session, id)).statusCode).toBe(404);
    expect((await mine(a.session))[0]!.status).toBe('new');
    expect((await withdraw(operator, id)).statusCode).toBe(403);
  });

  it('gives the citizen the phone on their record for the form, and an operator 403', async () => {
    const { session } = await citizen('333 1234567');
    const response = await env.app.inject({
      method: 'GET',
      url: '/api/me/contact',
      headers: session.headers,
    });
    expect(response.json()).toEqual({ phone: '333 1234567' });
    expect(
      (await env.app.inject({ method: 'GET', url: '/api/me/contact', headers: operator.headers })).statusCode,
    ).toBe(403);
  });
});
