import { describe, expect, it } from 'vitest';
import { queryRows, sql } from '../../platform/db/database.js';
import { dateInRome } from '../../platform/time.js';
import { CREMA, CREMONA, setupTestEnv, type Session } from '../../test/harness.js';

const env = await setupTestEnv({ jobs: false });
const db = env.database.db;
const today = dateInRome();
const shift = (days: number) =>
  new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const office = await env.loginAs('welfare_manager', { type: 'comune', id: CREMONA });
const cremasco = await env.loginAs('welfare_manager', { type: 'ambito', id: 'CREMA' });

const count = async (
  table: 'commons' | 'pacts' | 'pact_proposals' | 'pact_activities' | 'pact_party_contacts',
) => (await queryRows<{ n: number }>(db, sql.raw(`SELECT count(*)::int AS n FROM ${table}`)))[0]!.n;
const auditOf = (entityId: string) =>
  queryRows<{ action: string; comune_code: string | null }>(
    db,
    sql`SELECT action, comune_code FROM audit_events WHERE entity_id = ${entityId} ORDER BY id`,
  );
const post = (session: Session | null, url: string, payload: unknown) =>
  env.app.inject({ method: 'POST', url, headers: session?.headers ?? {}, payload: payload as object });
const get = (session: Session | null, url: string) =>
  env.app.inject({ method: 'GET', url, headers: session?.headers ?? {} });

const garden = {
  comuneCode: CREMONA,
  name: 'Giardini di Piazza Roma',
  kind: 'garden',
  place: 'Piazza Roma, Cremona',
  latitude: 45.1338,
  longitude: 10.0244,
};
const commonsId = (await post(office, '/api/commons', garden)).json<{ id: string }>().id;

const pactBody = (extra: Record<string, unknown> = {}) => ({
  commonsId,
  title: 'Aiuole fiorite',
  purpose: 'Cura delle aiuole e annaffiatura nei mesi estivi.',
  comuneSupport: 'Attrezzi e assicurazione.',
  startsOn: shift(-30),
  endsOn: shift(335),
  renewal: 'on_request',
  parties: [
    { kind: 'comune', publicName: 'Comune di Cremona', duties: 'Fornisce attrezzi e piantine.' },
    {
      kind: 'group',
      publicName: 'Amici dei giardini',
      duties: 'Cura le aiuole due sabati al mese.',
      contact: { fullName: 'Ottavia Zaniboni', email: 'ottavia@example.org' },
    },
    {
      kind: 'citizen',
      duties: 'Annaffia la sera.',
      contact: { fullName: 'Ercole Martinelli', phone: '0372 555' },
    },
  ],
  ...extra,
});

describe('the register of the commons', () => {
  it('is public, with the place on the map', async () => {
    const response = await get(null, `/api/commons?comune=${CREMONA}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual([
      expect.objectContaining({ id: commonsId, name: garden.name, comuneName: 'Cremona', latitude: 45.1338 }),
    ]);
    expect((await auditOf(commonsId)).map((a) => a.action)).toEqual(['commons.create']);
  });

  it('refuses a place outside the comune with 422, saving nothing', async () => {
    const before = await count('commons');
    const response = await post(office, '/api/commons', {
      ...garden,
      name: 'Piazza Duomo di Crema',
      latitude: 45.363,
      longitude: 9.685,
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toMatchObject({
      code: 'PLACE_OUTSIDE_COMUNE',
      details: { field: 'latitude' },
    });
    expect(await count('commons')).toBe(before);
  });

  it('refuses an operator with 403 and another territory’s office with 404', async () => {
    const operator = await env.loginAs('operatore');
    expect((await post(operator, '/api/commons', { ...garden, name: 'Altro' })).statusCode).toBe(403);
    expect((await post(cremasco, '/api/commons', { ...garden, name: 'Altro' })).statusCode).toBe(404);
    expect((await post(null, '/api/commons', { ...garden, name: 'Altro' })).statusCode).toBe(401);
  });
});

describe('proposals', () => {
  it('lets a citizen propose online, named by the session, and see only their own', async () => {
    const citizen = await env.loginAs('cittadino', { type: 'comune', id: CREMONA });
    const response = await post(citizen, '/api/pacts/proposals', {
      comuneCode: CREMONA,
      commonsName: 'Parco al Po',
      title: 'Orti condivisi',
      description: 'Vorremmo curare un’area del parco con orti condivisi.',
      proposerKind: 'citizen',
      proposerFullName: 'Nome Inventato',
    });
    expect(response.statusCode).toBe(201);
    const proposal = response.json();
    expect(proposal).toMatchObject({ onlineByCitizen: true, status: 'received' });
    expect(proposal.proposerFullName).toMatch(/^Utente cittadino/);
    expect(await auditOf(proposal.id)).toEqual([{ action: 'pact_proposal.create', comune_code: CREMONA }]);
    const own = (await get(citizen, '/api/pacts/proposals')).json<{ id: string }[]>();
    expect(own.map((p) => p.id)).toEqual([proposal.id]);
  });

  it('keeps a citizen to their own comune (404) and wants a commons (422), saving nothing', async () => {
    const before = await count('pact_proposals');
    const cremaCitizen = await env.loginAs('cittadino', { type: 'comune', id: CREMA });
    const body = {
      comuneCode: CREMONA,
      commonsId,
      title: 'Aiuole',
      description: 'Cura delle aiuole del giardino.',
      proposerKind: 'citizen',
    };
    expect((await post(cremaCitizen, '/api/pacts/proposals', body)).statusCode).toBe(404);
    const citizen = await env.loginAs('cittadino', { type: 'comune', id: CREMONA });
    const missing = await post(citizen, '/api/pacts/proposals', { ...body, commonsId: undefined });
    expect(missing.json().error.code).toBe('COMMONS_REQUIRED');
    const group = await post(citizen, '/api/pacts/proposals', { ...body, proposerKind: 'group' });
    expect(group.json().error.code).toBe('GROUP_NAME_REQUIRED');
    expect(await count('pact_proposals')).toBe(before);
  });

  it('lets the office register a proposal on paper only with a contact', async () => {
    const body = {
      comuneCode: CREMONA,
      commonsId,
      title: 'Aiuole',
      description: 'Cura delle aiuole del giardino.',
      proposerKind: 'group',
      groupName: 'Amici dei giardini',
      proposerFullName: 'Ottavia Zaniboni',
    };
    expect((await post(office, '/api/pacts/proposals', body)).json().error.code).toBe('PROPOSER_REQUIRED');
    const created = await post(office, '/api/pacts/proposals', { ...body, proposerPhone: '0372 111' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ onlineByCitizen: false, proposerFullName: 'Ottavia Zaniboni' });
  });
});

describe('pacts', () => {
  const paperProposal = async () =>
    (
      await post(office, '/api/pacts/proposals', {
        comuneCode: CREMONA,
        commonsId,
        title: 'Aiuole fiorite',
        description: 'Cura delle aiuole del giardino.',
        proposerKind: 'group',
        groupName: 'Amici dei giardini',
        proposerFullName: 'Ottavia Zaniboni',
        proposerEmail: 'ottavia@example.org',
      })
    ).json<{ id: string }>().id;

  it('refuses a pact from a proposal not accepted, and wrong parties, saving nothing', async () => {
    const before = await count('pacts');
    const proposalId = await paperProposal();
    const notAccepted = await post(office, '/api/pacts', pactBody({ proposalId }));
    expect(notAccepted.json().error.code).toBe('PROPOSAL_NOT_ACCEPTED');
    const [comune, group] = pactBody().parties;
    const twoComuni = await post(office, '/api/pacts', pactBody({ parties: [comune, comune, group] }));
    expect(twoComuni.json().error).toMatchObject({
      code: 'COMUNE_PARTY_COUNT',
      details: { field: 'parties' },
    });
    const named = await post(
      office,
      '/api/pacts',
      pactBody({
        parties: [comune, { kind: 'citizen', publicName: 'Ercole Martinelli', duties: 'Annaffia.' }],
      }),
    );
    expect(named.json().error.code).toBe('CITIZEN_NAME_PUBLISHED');
    const period = await post(office, '/api/pacts', pactBody({ endsOn: shift(-30) }));
    expect(period.json().error.code).toBe('PERIOD_INVALID');
    expect(await count('pacts')).toBe(before);
  });

  it('signs a pact from an accepted proposal, publishes it without contacts, and renews it once', async () => {
    const proposalId = await paperProposal();
    const decided = await post(office, `/api/pacts/proposals/${proposalId}/decision`, {
      status: 'accepted',
      note: 'Proposta coerente con il regolamento.',
    });
    expect(decided.json().status).toBe('accepted');
    expect(
      (await post(office, `/api/pacts/proposals/${proposalId}/decision`, { status: 'rejected', note: 'No.' }))
        .statusCode,
    ).toBe(409);

    const created = await post(office, '/api/pacts', pactBody({ proposalId }));
    expect(created.statusCode).toBe(201);
    const pact = created.json();
    expect(pact).toMatchObject({ state: 'active', proposalId, abilities: { manage: true, renew: true } });
    expect(pact.parties.map((p: { kind: string; name: string | null }) => [p.kind, p.name])).toEqual([
      ['comune', 'Comune di Cremona'],
      ['group', 'Amici dei giardini'],
      ['citizen', null],
    ]);
    expect(pact.parties[2].contact).toEqual({
      fullName: 'Ercole Martinelli',
      email: null,
      phone: '0372 555',
    });
    expect((await post(office, '/api/pacts', pactBody({ proposalId }))).statusCode).toBe(409);

    const published = await get(null, `/api/public/pacts?comune=${CREMONA}`);
    expect(published.statusCode).toBe(200);
    const listed =
      published.json<{ id: string; parties: { name: string | null }[]; commons: { name: string } }[]>();
    expect(listed.find((p) => p.id === pact.id)).toMatchObject({
      commons: { name: garden.name },
      parties: [{ name: 'Comune di Cremona' }, { name: 'Amici dei giardini' }, { name: null }],
    });
    expect(published.body).not.toMatch(/Martinelli|Zaniboni|ottavia@|0372 555/);
    expect((await get(null, `/api/public/pacts?comune=${CREMA}`)).json()).toEqual([]);

    const renewed = await post(office, `/api/pacts/${pact.id}/renewal`, { endsOn: shift(700) });
    expect(renewed.statusCode).toBe(201);
    expect(renewed.json()).toMatchObject({ renewedFromId: pact.id, startsOn: shift(336), state: 'upcoming' });
    expect(renewed.json().parties).toHaveLength(3);
    const again = await post(office, `/api/pacts/${pact.id}/renewal`, { endsOn: shift(800) });
    expect(again.json().error.code).toBe('ALREADY_RENEWED');
    expect((await auditOf(renewed.json().id)).map((a) => a.action)).toEqual(['pact.renew']);
  });

  it('records the care done within the pact, refusing a future day with nothing saved', async () => {
    const pact = (await post(office, '/api/pacts', pactBody({ renewal: 'none' }))).json<{ id: string }>();
    const before = await count('pact_activities');
    const future = await post(office, `/api/pacts/${pact.id}/activities`, {
      occurredOn: shift(1),
      description: 'Pulizia delle aiuole',
      participants: 4,
      hours: 8,
    });
    expect(future.json().error).toMatchObject({
      code: 'ACTIVITY_IN_FUTURE',
      details: { field: 'occurredOn' },
    });
    expect(await count('pact_activities')).toBe(before);
    const done = await post(office, `/api/pacts/${pact.id}/activities`, {
      occurredOn: shift(-2),
      description: 'Pulizia delle aiuole',
      participants: 4,
      hours: 7.5,
    });
    expect(done.statusCode).toBe(201);
    const listed = (await get(null, '/api/public/pacts')).json<
      { id: string; activities: number; hours: number }[]
    >();
    expect(listed.find((p) => p.id === pact.id)).toMatchObject({ activities: 1, hours: 7.5 });
    const notRenewable = await post(office, `/api/pacts/${pact.id}/renewal`, { endsOn: shift(900) });
    expect(notRenewable.json().error.code).toBe('NOT_RENEWABLE');
  });

  it('lists the office’s pacts in every state, its territory only, without contacts', async () => {
    const sign = async (title: string, startsOn: string, endsOn: string) =>
      (await post(office, '/api/pacts', pactBody({ title, startsOn, endsOn }))).json<{ id: string }>().id;
    const ended = await sign('Aiuole dello scorso anno', shift(-400), shift(-40));
    const inForce = await sign('Aiuole di quest’anno', shift(-10), shift(300));
    const upcoming = await sign('Aiuole del prossimo anno', shift(20), shift(380));
    const listed = await get(office, '/api/pacts');
    expect(listed.statusCode).toBe(200);
    const states = new Map(listed.json<{ id: string; state: string }[]>().map((p) => [p.id, p.state]));
    expect([states.get(ended), states.get(inForce), states.get(upcoming)]).toEqual([
      'ended',
      'active',
      'upcoming',
    ]);
    expect(listed.body).not.toMatch(/Martinelli|Zaniboni|ottavia@|0372 555/);
    const ofCremona = (await get(office, `/api/pacts?comune=${CREMONA}`)).json<{ id: string }[]>();
    expect(ofCremona.map((p) => p.id)).toEqual(expect.arrayContaining([ended, inForce, upcoming]));
    // The public list keeps to the pacts in force.
    const published = (await get(null, `/api/public/pacts?comune=${CREMONA}`)).json<{ id: string }[]>();
    expect(published.map((p) => p.id)).toContain(inForce);
    expect(published.map((p) => p.id)).not.toContain(ended);
    expect(published.map((p) => p.id)).not.toContain(upcoming);

    const foreign = (await get(cremasco, '/api/pacts')).json<{ id: string }[]>().map((p) => p.id);
    expect(foreign.filter((id) => [ended, inForce, upcoming].includes(id))).toEqual([]);
    expect((await get(cremasco, `/api/pacts?comune=${CREMONA}`)).statusCode).toBe(404);
    expect((await get(await env.loginAs('coordinatore'), '/api/pacts')).statusCode).toBe(403);
    expect((await get(null, '/api/pacts')).statusCode).toBe(401);
  });

  it('hides a pact of the Cremonese from the Cremasco with 404, unchanged, and audits the office’s read', async () => {
    const pact = (await post(office, '/api/pacts', pactBody())).json<{ id: string }>();
    expect((await get(cremasco, `/api/pacts/${pact.id}`)).statusCode).toBe(404);
    const activity = await post(cremasco, `/api/pacts/${pact.id}/activities`, {
      occurredOn: shift(-1),
      description: 'Pulizia',
      participants: 1,
      hours: 1,
    });
    expect(activity.statusCode).toBe(404);
    const read = await get(office, `/api/pacts/${pact.id}`);
    expect(read.json().activityLog).toEqual([]);
    expect((await auditOf(pact.id)).map((a) => a.action)).toEqual(['pact.create', 'pact.read']);
    expect((await get(await env.loginAs('coordinatore'), `/api/pacts/${pact.id}`)).statusCode).toBe(403);
  });
});
