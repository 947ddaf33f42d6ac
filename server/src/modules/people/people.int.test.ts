import { describe, expect, it } from 'vitest';
import { queryRows, sql } from '../../platform/db/database.js';
import { CREMA, CREMONA, setupTestEnv } from '../../test/harness.js';

const env = await setupTestEnv();

const newPerson = {
  codiceFiscale: 'BNCLRA85T45D142A',
  givenName: 'Laura',
  familyName: 'Bianchi',
  birthDate: '1985-12-05',
  sex: 'F',
  comuneCode: CREMONA,
  address: 'Via Solferino 3',
  phone: '333 1234567',
};

async function countPeople(): Promise<number> {
  const [row] = await queryRows<{ n: number }>(env.database.db, sql`SELECT count(*)::int AS n FROM people`);
  return row!.n;
}

async function auditFor(entityId: string) {
  return queryRows<{ action: string; actor_user_id: string }>(
    env.database.db,
    sql`SELECT action, actor_user_id FROM audit_events WHERE entity_id = ${entityId} ORDER BY id`,
  );
}

describe('people registry over HTTP', () => {
  it('answers 401 without a session', async () => {
    const response = await env.app.inject({ method: 'GET', url: '/api/people' });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses the registry to a volunteer with 403', async () => {
    const volunteer = await env.loginAs('volontario');
    const id = await env.buildPerson();
    expect(
      (await env.app.inject({ method: 'GET', url: '/api/people', headers: volunteer.headers })).statusCode,
    ).toBe(403);
    expect(
      (await env.app.inject({ method: 'GET', url: `/api/people/${id}`, headers: volunteer.headers }))
        .statusCode,
    ).toBe(403);
  });

  it('hides a person of another district from an operator with 404, leaving the row unchanged', async () => {
    const id = await env.buildPerson({ comune: CREMONA });
    const cremasco = await env.loginAs('operatore', { type: 'ambito', id: 'CREMA' });
    const read = await env.app.inject({ method: 'GET', url: `/api/people/${id}`, headers: cremasco.headers });
    expect(read.statusCode).toBe(404);
    const write = await env.app.inject({
      method: 'PUT',
      url: `/api/people/${id}`,
      headers: cremasco.headers,
      payload: { ...newPerson, codiceFiscale: null, comuneCode: CREMA, version: 1 },
    });
    expect(write.statusCode).toBe(404);
    const [row] = await queryRows<{ comune_code: string; version: number }>(
      env.database.db,
      sql`SELECT comune_code, version FROM people WHERE id = ${id}`,
    );
    expect(row).toEqual({ comune_code: CREMONA, version: 1 });
    const search = await env.app.inject({
      method: 'GET',
      url: '/api/people?limit=200',
      headers: cremasco.headers,
    });
    expect(search.json().items.map((p: { id: string }) => p.id)).not.toContain(id);
  });

  it('rejects a wrong check character with an Italian message and saves nothing', async () => {
    const operator = await env.loginAs('operatore');
    const before = await countPeople();
    const response = await env.app.inject({
      method: 'POST',
      url: '/api/people',
      headers: operator.headers,
      payload: { ...newPerson, codiceFiscale: 'BNCLRA85T45D142X' },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toMatchObject({
      code: 'CF_CHECK_CHARACTER',
      details: { field: 'codiceFiscale' },
    });
    expect(response.json().error.message).toMatch(/codice fiscale non è valido/);
    expect(await countPeople()).toBe(before);
  });

  it('records who took the privacy consent, when and how, keeps it while given and clears it when withdrawn', async () => {
    const operator = await env.loginAs('operatore');
    const person = { ...newPerson, codiceFiscale: null, givenName: 'Consolata', familyName: 'Consensi' };
    const created = await env.app.inject({
      method: 'POST',
      url: '/api/people',
      headers: operator.headers,
      payload: { ...person, consentPrivacy: true, consentMethod: 'phone' },
    });
    expect(created.statusCode).toBe(201);
    const record = created.json().consentRecord;
    expect(record).toMatchObject({ method: 'phone', recordedBy: expect.stringMatching(/^Utente operatore/) });
    expect(Math.abs(Date.parse(record.recordedAt) - Date.now())).toBeLessThan(60_000);

    const update = (version: number, changes: Record<string, unknown>) =>
      env.app.inject({
        method: 'PUT',
        url: `/api/people/${created.json().id}`,
        headers: operator.headers,
        payload: { ...person, ...changes, version },
      });
    const kept = await update(1, { consentPrivacy: true, consentMethod: 'written' });
    expect(kept.json().consentRecord).toEqual(record);
    const withdrawn = await update(2, { consentPrivacy: false });
    expect(withdrawn.json()).toMatchObject({ consentPrivacy: false, consentRecord: null });
  });

  it('rejects a missing field with a 400 naming it in Italian', async () => {
    const operator = await env.loginAs('operatore');
    const { givenName: _omitted, ...withoutName } = newPerson;
    const response = await env.app.inject({
      method: 'POST',
      url: '/api/people',
      headers: operator.headers,
      payload: withoutName,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain('Il campo «nome» è obbligatorio.');
  });

  it('reports a bad phone once, saying what a phone looks like', async () => {
    const operator = await env.loginAs('operatore');
    const response = await env.app.inject({
      method: 'POST',
      url: '/api/people',
      headers: operator.headers,
      payload: { ...newPerson, phone: 'chiamami' },
    });
    expect(response.statusCode).toBe(400);
    const { message, details } = response.json().error;
    expect(message).toBe(
      'Il campo «telefono» non è valido: usa solo cifre, spazi e i segni + . / ( ) -, per esempio 0372 407111 o +39 333 1234567.',
    );
    expect(details.fields).toHaveLength(1);
  });

  it('creates a person, audits the creation and the read, and finds them by name, code and phone', async () => {
    const operator = await env.loginAs('operatore');
    const created = await env.app.inject({
      method: 'POST',
      url: '/api/people',
      headers: operator.headers,
      payload: newPerson,
    });
    expect(created.statusCode).toBe(201);
    const person = created.json();
    expect(person).toMatchObject({
      codiceFiscale: 'BNCLRA85T45D142A',
      comuneName: 'Cremona',
      abilities: { update: true },
    });
    await env.app.inject({ method: 'GET', url: `/api/people/${person.id}`, headers: operator.headers });
    expect(await auditFor(person.id)).toEqual([
      { action: 'person.create', actor_user_id: operator.userId },
      { action: 'person.read', actor_user_id: operator.userId },
    ]);
    for (const q of ['laura bianchi', 'BIANCHI', 'bnclra85', '1234567']) {
      const found = await env.app.inject({
        method: 'GET',
        url: `/api/people?q=${encodeURIComponent(q)}`,
        headers: operator.headers,
      });
      expect(
        found.json().items.map((p: { id: string }) => p.id),
        q,
      ).toContain(person.id);
    }
  });

  it('refuses a second person with the same codice fiscale', async () => {
    const operator = await env.loginAs('operatore');
    const payload = {
      ...newPerson,
      codiceFiscale: 'VRDGPP40A01D150Z',
      givenName: 'Giuseppe',
      familyName: 'Verdi',
      birthDate: '1940-01-01',
      sex: 'M',
    };
    expect(
      (await env.app.inject({ method: 'POST', url: '/api/people', headers: operator.headers, payload }))
        .statusCode,
    ).toBe(201);
    const again = await env.app.inject({
      method: 'POST',
      url: '/api/people',
      headers: operator.headers,
      payload,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('PERSON_DUPLICATE_CF');
  });

  it('refuses a codice fiscale already registered in another district without revealing the record', async () => {
    const cremasco = await env.loginAs('operatore', { type: 'ambito', id: 'CREMA' });
    const payload = {
      ...newPerson,
      codiceFiscale: 'NREGNN50A01D142H',
      givenName: 'Gianni',
      familyName: 'Neri',
      birthDate: '1950-01-01',
      sex: 'M',
    };
    expect(
      (
        await env.app.inject({
          method: 'POST',
          url: '/api/people',
          headers: (await env.loginAs('operatore')).headers,
          payload,
        })
      ).statusCode,
    ).toBe(201);
    const response = await env.app.inject({
      method: 'POST',
      url: '/api/people',
      headers: cremasco.headers,
      payload: { ...payload, comuneCode: CREMA },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toEqual({
      code: 'PERSON_DUPLICATE_CF',
      message: expect.any(String),
      details: { field: 'codiceFiscale' },
    });
  });

  it('warns of a same-name same-birth person and saves after confirmation', async () => {
    const operator = await env.loginAs('operatore');
    await env.buildPerson({ givenName: 'Franca', familyName: 'Superti', birthDate: '1950-05-05' });
    const payload = {
      ...newPerson,
      codiceFiscale: null,
      givenName: 'Franca',
      familyName: 'Supertì',
      birthDate: '1950-05-05',
    };
    const warned = await env.app.inject({
      method: 'POST',
      url: '/api/people',
      headers: operator.headers,
      payload,
    });
    expect(warned.statusCode).toBe(409);
    expect(warned.json().error.code).toBe('PERSON_POSSIBLE_DUPLICATE');
    expect(warned.json().error.details.candidates).toHaveLength(1);
    const confirmed = await env.app.inject({
      method: 'POST',
      url: '/api/people',
      headers: operator.headers,
      payload: { ...payload, confirmNotDuplicate: true },
    });
    expect(confirmed.statusCode).toBe(201);
  });

  it('refuses to register a person in a comune outside the operator territory', async () => {
    const operator = await env.loginAs('operatore');
    const response = await env.app.inject({
      method: 'POST',
      url: '/api/people',
      headers: operator.headers,
      payload: { ...newPerson, codiceFiscale: null, familyName: 'Fuori', comuneCode: CREMA },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('COMUNE_OUTSIDE_TERRITORY');
  });

  it('refuses a stale update with 409 and keeps the newer data', async () => {
    const operator = await env.loginAs('operatore');
    const id = await env.buildPerson({ givenName: 'Rosa', familyName: 'Tedoldi', birthDate: '1945-03-03' });
    const base = {
      codiceFiscale: null,
      givenName: 'Rosa',
      familyName: 'Tedoldi',
      birthDate: '1945-03-03',
      sex: 'F',
      comuneCode: CREMONA,
    };
    const first = await env.app.inject({
      method: 'PUT',
      url: `/api/people/${id}`,
      headers: operator.headers,
      payload: { ...base, phone: '111', version: 1 },
    });
    expect(first.statusCode).toBe(200);
    const stale = await env.app.inject({
      method: 'PUT',
      url: `/api/people/${id}`,
      headers: operator.headers,
      payload: { ...base, phone: '222', version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    const [row] = await queryRows<{ phone: string }>(
      env.database.db,
      sql`SELECT phone FROM people WHERE id = ${id}`,
    );
    expect(row!.phone).toBe('111');
  });

  it('hides health and social-services markers from a welfare manager', async () => {
    const id = await env.buildPerson({ birthDate: '1944-05-17' }); // over 65
    const manager = await env.loginAs('welfare_manager');
    const social = await env.loginAs('assistente_sociale');
    const seenByManager = (
      await env.app.inject({ method: 'GET', url: `/api/people/${id}`, headers: manager.headers })
    ).json();
    const seenBySocial = (
      await env.app.inject({ method: 'GET', url: `/api/people/${id}`, headers: social.headers })
    ).json();
    expect(seenByManager.fragility).toEqual({ over65: true, livesAlone: true });
    expect(seenBySocial.fragility).toMatchObject({ disability: true, knownToSocialServices: true });
  });

  it('groups people into a household', async () => {
    const operator = await env.loginAs('operatore');
    const a = await env.buildPerson();
    const b = await env.buildPerson();
    const household = await env.app.inject({
      method: 'POST',
      url: '/api/households',
      headers: operator.headers,
      payload: { comuneCode: CREMONA, address: 'Via Roma 1' },
    });
    expect(household.statusCode).toBe(201);
    const householdId = household.json().id;
    await env.app.inject({
      method: 'PUT',
      url: `/api/people/${a}/household`,
      headers: operator.headers,
      payload: { householdId, relation: 'intestatario' },
    });
    const joined = await env.app.inject({
      method: 'PUT',
      url: `/api/people/${b}/household`,
      headers: operator.headers,
      payload: { householdId, relation: 'coniuge' },
    });
    expect(joined.statusCode).toBe(200);
    expect(
      joined
        .json()
        .household.members.map((m: { id: string }) => m.id)
        .sort(),
    ).toEqual([a, b].sort());
  });

  it('creates a household with its first member in one call', async () => {
    const operator = await env.loginAs('operatore');
    const id = await env.buildPerson();
    const response = await env.app.inject({
      method: 'PUT',
      url: `/api/people/${id}/household`,
      headers: operator.headers,
      payload: { householdId: null, relation: 'intestatario', newHouseholdAddress: 'Via Dante 9' },
    });
    expect(response.json().household).toMatchObject({
      address: 'Via Dante 9',
      members: [{ id, relation: 'intestatario' }],
    });
  });

  it('keeps the social worker’s markers when a welfare manager saves the person', async () => {
    const id = await env.buildPerson({ givenName: 'Ada', familyName: 'Marchetti', birthDate: '1944-02-02' });
    const manager = await env.loginAs('welfare_manager');
    const seen = (
      await env.app.inject({ method: 'GET', url: `/api/people/${id}`, headers: manager.headers })
    ).json();
    const saved = await env.app.inject({
      method: 'PUT',
      url: `/api/people/${id}`,
      headers: manager.headers,
      payload: {
        codiceFiscale: seen.codiceFiscale,
        givenName: 'Ada',
        familyName: 'Marchetti',
        birthDate: '1944-02-02',
        sex: 'F',
        comuneCode: CREMONA,
        knownToSocialServices: false,
        version: seen.version,
      },
    });
    expect(saved.statusCode).toBe(200);
    const [row] = await queryRows<{ disability: boolean; known: boolean }>(
      env.database.db,
      sql`SELECT disability, known_to_social_services AS known FROM people WHERE id = ${id}`,
    );
    expect(row).toEqual({ disability: true, known: true });
  });

  it('keeps another district out even when a query forgets the filter (row-level security)', async () => {
    const id = await env.buildPerson({ comune: CREMONA });
    const rows = await env.database.db.transaction(async (tx) => {
      await tx.execute(
        sql`SELECT set_config('legami.scope_all', 'off', true), set_config('legami.comuni', ${CREMA}, true)`,
      );
      await tx.execute(sql`SET LOCAL ROLE legami_app`);
      return queryRows<{ id: string }>(tx, sql`SELECT id FROM people WHERE id = ${id}`);
    });
    expect(rows).toEqual([]);
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const operator = await env.loginAs('operatore');
    const response = await env.app.inject({
      method: 'POST',
      url: '/api/people',
      headers: { cookie: operator.cookie },
      payload: newPerson,
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('CSRF_FAILED');
  });
});
