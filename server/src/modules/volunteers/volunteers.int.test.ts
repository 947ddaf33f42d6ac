import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { withExplicitScope } from '../../platform/access/access.js';
import { systemContext } from '../../platform/context.js';
import { pgArray, queryRows, sql } from '../../platform/db/database.js';
import { hashPassword } from '../accounts/accounts.passwords.js';
import { insertMembership, insertUser } from '../accounts/accounts.repository.js';
import { DEMO_ORGANIZATIONS } from '../demo/demo.data.js';
import { insertOrganization } from '../organizations/organizations.repository.js';
import { CREMA, CREMONA, TEST_PASSWORD, setupTestEnv, type Session } from '../../test/harness.js';
import { findVolunteer, findVolunteerByUserId, listApprovedVolunteers, seedDemoVolunteers } from './index.js';
import { insertImport } from './volunteers.repository.js';

const env = await setupTestEnv();
const passwordHash = hashPassword(TEST_PASSWORD);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let sequence = 0;

async function makeOrganization(name: string): Promise<string> {
  return insertOrganization(env.database.db, {
    name,
    kind: 'association',
    ambitoId: 'CREMONA',
    comuneCode: null,
  });
}

/** A coordinator of the given organisations over the Ambito Cremonese, logged in. */
async function coordinatorOf(...organizationIds: string[]): Promise<Session> {
  sequence += 1;
  const email = `coordinatore.org.${sequence}.${Date.now()}@test.legami.it`;
  const user = await insertUser(env.database.db, {
    email,
    fullName: `Coordinatore ${sequence}`,
    passwordHash: await passwordHash,
    mustChangePassword: false,
  });
  for (const organizationId of organizationIds) {
    await insertMembership(env.database.db, user.id, {
      organizationId,
      role: 'coordinatore',
      scopeType: 'ambito',
      scopeId: 'CREMONA',
    });
  }
  return env.login(email);
}

const offer = {
  givenName: 'Marta',
  familyName: 'Ferrari',
  phone: '333 765 4321',
  email: 'marta.ferrari@volontari.example',
  comuneCode: CREMONA,
  hasCar: true,
  hasLicence: true,
  languages: ['inglese'],
  skills: ['spesa e farmaci'],
  availability: [{ day: 1, from: '09:00', to: '12:00' }],
  zones: [CREMONA, '019006'],
  neighbourhoods: ['Cambonino'],
  maxTasksPerDay: 3,
  consentPrivacy: true,
};

let offerSequence = 0;
/** Sends an offer through the public form (no session) and returns its id. */
async function makeOffer(overrides: Record<string, unknown> = {}): Promise<string> {
  offerSequence += 1;
  const response = await env.app.inject({
    method: 'POST',
    url: '/api/volunteers/offers',
    payload: { ...offer, familyName: `Offerta${offerSequence}`, ...overrides },
  });
  expect(response.statusCode).toBe(201);
  return response.json().id;
}

async function countVolunteers(): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    env.database.db,
    sql`SELECT count(*)::int AS n FROM volunteers`,
  );
  return row!.n;
}

async function volunteerRow(id: string) {
  const [row] = await queryRows<{
    status: string;
    organization_id: string | null;
    has_car: boolean;
    review_reason: string | null;
  }>(
    env.database.db,
    sql`SELECT status, organization_id, has_car, review_reason FROM volunteers WHERE id = ${id}`,
  );
  return row;
}

async function auditFor(entityId: string) {
  return queryRows<{ action: string; actor_user_id: string | null; details: Record<string, unknown> }>(
    env.database.db,
    sql`SELECT action, actor_user_id, details FROM audit_events WHERE entity_type = 'volunteer' AND entity_id = ${entityId} ORDER BY id`,
  );
}

async function upload(session: Session, body: Buffer | string, contentType: string, query = '') {
  return env.app.inject({
    method: 'POST',
    url: `/api/volunteers/imports${query}`,
    headers: { ...session.headers, 'content-type': contentType },
    payload: body,
  });
}

async function waitForImport(session: Session, importId: string) {
  const seen: number[] = [];
  for (let attempt = 0; attempt < 200; attempt++) {
    const response = await env.app.inject({
      method: 'GET',
      url: `/api/volunteers/imports/${importId}`,
      headers: session.headers,
    });
    expect(response.statusCode).toBe(200);
    const report = response.json();
    seen.push(report.processed);
    if (report.status !== 'running') return { report, seen };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the import did not finish');
}

describe('the public offer form', () => {
  it('refuses an offer without privacy consent with an Italian 422 and saves nothing', async () => {
    const before = await countVolunteers();
    const response = await env.app.inject({
      method: 'POST',
      url: '/api/volunteers/offers',
      payload: { ...offer, familyName: 'SenzaConsenso', consentPrivacy: false },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toMatchObject({
      code: 'VOLUNTEER_CONSENT_REQUIRED',
      details: { field: 'consentPrivacy' },
    });
    expect(response.json().error.message).toMatch(/acconsentire al trattamento dei dati personali/);
    expect(await countVolunteers()).toBe(before);
  });

  it('registers an offer from a citizen without a session as offered, and audits it', async () => {
    const response = await env.app.inject({
      method: 'POST',
      url: '/api/volunteers/offers',
      payload: { ...offer, familyName: 'Nuova' },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ status: 'offered' });
    const id = response.json().id;
    expect(await volunteerRow(id)).toMatchObject({ status: 'offered', organization_id: null, has_car: true });
    expect(await auditFor(id)).toEqual([{ action: 'volunteer.offer', actor_user_id: null, details: {} }]);
  });

  it('refuses a second offer with the same codice fiscale with a 409 that reveals nothing of the first', async () => {
    const identity = { codiceFiscale: 'FRRMRT85C45D150C', birthDate: '1985-03-05', sex: 'F' };
    await makeOffer(identity);
    const again = await env.app.inject({
      method: 'POST',
      url: '/api/volunteers/offers',
      payload: { ...offer, ...identity, comuneCode: CREMA },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toEqual({
      code: 'VOLUNTEER_DUPLICATE',
      message: expect.stringMatching(/già una disponibilità/),
      details: { field: 'codiceFiscale' },
    });
  });

  it('refuses a codice fiscale that disagrees with the declared birth date', async () => {
    const response = await env.app.inject({
      method: 'POST',
      url: '/api/volunteers/offers',
      payload: { ...offer, codiceFiscale: 'GHSPLA70L12D150L', birthDate: '1971-07-12', sex: 'M' },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('CF_BIRTH_DATE_MISMATCH');
  });

  it('rejects an offer without a phone with a 400 naming the field in Italian', async () => {
    const { phone: _omitted, ...withoutPhone } = offer;
    const response = await env.app.inject({
      method: 'POST',
      url: '/api/volunteers/offers',
      payload: withoutPhone,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain('Il campo «telefono» è obbligatorio.');
  });

  it('refuses a slot that ends before it starts', async () => {
    const response = await env.app.inject({
      method: 'POST',
      url: '/api/volunteers/offers',
      payload: { ...offer, availability: [{ day: 2, from: '18:00', to: '09:00' }] },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toMatchObject({
      code: 'AVAILABILITY_INVALID',
      details: { field: 'availability' },
    });
  });
});

describe('access to the volunteer register', () => {
  it('answers 401 to an anonymous list', async () => {
    const response = await env.app.inject({ method: 'GET', url: '/api/volunteers' });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses the list and the record to a volunteer with 403', async () => {
    const id = await makeOffer();
    const volunteer = await env.loginAs('volontario');
    expect(
      (await env.app.inject({ method: 'GET', url: '/api/volunteers', headers: volunteer.headers }))
        .statusCode,
    ).toBe(403);
    expect(
      (await env.app.inject({ method: 'GET', url: `/api/volunteers/${id}`, headers: volunteer.headers }))
        .statusCode,
    ).toBe(403);
  });

  it('refuses a review to an operator with 403', async () => {
    const id = await makeOffer();
    const operator = await env.loginAs('operatore');
    const response = await env.app.inject({
      method: 'POST',
      url: `/api/volunteers/${id}/review`,
      headers: operator.headers,
      payload: { decision: 'approve' },
    });
    expect(response.statusCode).toBe(403);
    expect((await volunteerRow(id))?.status).toBe('offered');
  });

  it('hides a volunteer from a coordinator of another Ambito with 404, leaving the row unchanged', async () => {
    const id = await makeOffer();
    const cremasco = await env.loginAs('coordinatore', { type: 'ambito', id: 'CREMA' });
    expect(
      (await env.app.inject({ method: 'GET', url: `/api/volunteers/${id}`, headers: cremasco.headers }))
        .statusCode,
    ).toBe(404);
    const review = await env.app.inject({
      method: 'POST',
      url: `/api/volunteers/${id}/review`,
      headers: cremasco.headers,
      payload: { decision: 'reject', reason: 'Fuori zona' },
    });
    expect(review.statusCode).toBe(404);
    const update = await env.app.inject({
      method: 'PUT',
      url: `/api/volunteers/${id}`,
      headers: cremasco.headers,
      payload: { hasCar: false },
    });
    expect(update.statusCode).toBe(404);
    expect(await volunteerRow(id)).toEqual({
      status: 'offered',
      organization_id: null,
      has_car: true,
      review_reason: null,
    });
    const list = await env.app.inject({
      method: 'GET',
      url: '/api/volunteers?limit=200',
      headers: cremasco.headers,
    });
    expect(list.json().items.map((v: { id: string }) => v.id)).not.toContain(id);
  });

  it('hides the members of another organisation from a coordinator, but shows him the individual volunteers', async () => {
    const mine = await makeOrganization('Associazione Prova Visibilità A');
    const theirs = await makeOrganization('Associazione Prova Visibilità B');
    const other = await coordinatorOf(theirs);
    const member = await env.app.inject({
      method: 'POST',
      url: '/api/volunteers',
      headers: other.headers,
      payload: { ...offer, familyName: 'Riservata' },
    });
    expect(member.statusCode).toBe(201);
    const individual = await makeOffer();
    const coordinator = await coordinatorOf(mine);
    const read = await env.app.inject({
      method: 'GET',
      url: `/api/volunteers/${member.json().id}`,
      headers: coordinator.headers,
    });
    expect(read.statusCode).toBe(404);
    const list = await env.app.inject({
      method: 'GET',
      url: '/api/volunteers?limit=200',
      headers: coordinator.headers,
    });
    const ids = list.json().items.map((v: { id: string }) => v.id);
    expect(ids).toContain(individual);
    expect(ids).not.toContain(member.json().id);
  });

  it('shows an administrator the volunteers of every organisation in his territory', async () => {
    const org = await makeOrganization('Associazione Prova Amministratore');
    const coordinator = await coordinatorOf(org);
    const member = await env.app.inject({
      method: 'POST',
      url: '/api/volunteers',
      headers: coordinator.headers,
      payload: offer,
    });
    const admin = await env.loginAs('amministratore');
    const list = await env.app.inject({
      method: 'GET',
      url: `/api/volunteers?organizationId=${org}`,
      headers: admin.headers,
    });
    expect(list.json().items.map((v: { id: string }) => v.id)).toEqual([member.json().id]);
  });

  it('audits the read of a volunteer and lists the ids of a search', async () => {
    const id = await makeOffer();
    const coordinator = await env.loginAs('coordinatore');
    const read = await env.app.inject({
      method: 'GET',
      url: `/api/volunteers/${id}`,
      headers: coordinator.headers,
    });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({
      id,
      status: 'offered',
      comuneName: 'Cremona',
      abilities: { review: true, update: false },
    });
    expect((await auditFor(id)).map((e) => e.action)).toEqual(['volunteer.offer', 'volunteer.read']);
    await env.app.inject({
      method: 'GET',
      url: `/api/volunteers?status=offered&q=${encodeURIComponent(read.json().familyName)}`,
      headers: coordinator.headers,
    });
    const [search] = await queryRows<{ details: { ids: string[] } }>(
      env.database.db,
      sql`SELECT details FROM audit_events WHERE action = 'volunteer.search' AND actor_user_id = ${coordinator.userId} ORDER BY id DESC LIMIT 1`,
    );
    expect(search?.details.ids).toEqual([id]);
  });
});

describe('review and management by a coordinator', () => {
  it('approves an offer affiliating it to the coordinator organisation, and audits the review', async () => {
    const org = await makeOrganization('Associazione Prova Revisione');
    const coordinator = await coordinatorOf(org);
    const id = await makeOffer();
    const response = await env.app.inject({
      method: 'POST',
      url: `/api/volunteers/${id}/review`,
      headers: coordinator.headers,
      payload: { decision: 'approve', organizationId: org },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'approved',
      organizationId: org,
      organizationName: 'Associazione Prova Revisione',
    });
    expect(await auditFor(id)).toContainEqual({
      action: 'volunteer.review',
      actor_user_id: coordinator.userId,
      details: { decision: 'approve', organizationId: org },
    });
  });

  it('approves an offer as an individual volunteer when no organisation is given', async () => {
    const coordinator = await env.loginAs('coordinatore');
    const id = await makeOffer();
    const response = await env.app.inject({
      method: 'POST',
      url: `/api/volunteers/${id}/review`,
      headers: coordinator.headers,
      payload: { decision: 'approve', organizationId: null },
    });
    expect(response.json()).toMatchObject({ status: 'approved', organizationId: null });
  });

  it('refuses to reject an offer without a reason and leaves it waiting', async () => {
    const coordinator = await env.loginAs('coordinatore');
    const id = await makeOffer();
    const response = await env.app.inject({
      method: 'POST',
      url: `/api/volunteers/${id}/review`,
      headers: coordinator.headers,
      payload: { decision: 'reject', reason: ' ' },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toMatchObject({
      code: 'REVIEW_REASON_REQUIRED',
      details: { field: 'reason' },
    });
    expect((await volunteerRow(id))?.status).toBe('offered');
  });

  it('rejects an offer with its reason', async () => {
    const coordinator = await env.loginAs('coordinatore');
    const id = await makeOffer();
    const response = await env.app.inject({
      method: 'POST',
      url: `/api/volunteers/${id}/review`,
      headers: coordinator.headers,
      payload: { decision: 'reject', reason: 'Recapito telefonico non raggiungibile' },
    });
    expect(response.statusCode).toBe(200);
    expect(await volunteerRow(id)).toMatchObject({
      status: 'rejected',
      review_reason: 'Recapito telefonico non raggiungibile',
    });
  });

  it('refuses a second review of the same offer with 409', async () => {
    const coordinator = await env.loginAs('coordinatore');
    const id = await makeOffer();
    const review = {
      method: 'POST' as const,
      url: `/api/volunteers/${id}/review`,
      headers: coordinator.headers,
      payload: { decision: 'approve' },
    };
    expect((await env.app.inject(review)).statusCode).toBe(200);
    const again = await env.app.inject(review);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('VOLUNTEER_ALREADY_REVIEWED');
  });

  it('refuses to affiliate a volunteer to an organisation the coordinator does not run', async () => {
    const mine = await makeOrganization('Associazione Prova Mia');
    const theirs = await makeOrganization('Associazione Prova Altrui');
    const coordinator = await coordinatorOf(mine);
    const id = await makeOffer();
    const response = await env.app.inject({
      method: 'POST',
      url: `/api/volunteers/${id}/review`,
      headers: coordinator.headers,
      payload: { decision: 'approve', organizationId: theirs },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('VOLUNTEER_ORGANIZATION_NOT_ALLOWED');
    expect((await volunteerRow(id))?.status).toBe('offered');
  });

  it('registers a volunteer of the coordinator organisation directly as approved, and audits it', async () => {
    const org = await makeOrganization('Associazione Prova Registrazione');
    const coordinator = await coordinatorOf(org);
    const response = await env.app.inject({
      method: 'POST',
      url: '/api/volunteers',
      headers: coordinator.headers,
      payload: { ...offer, familyName: 'Diretta', insuranceValidUntil: '2026-12-31', healthTraining: true },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      status: 'approved',
      organizationId: org,
      healthTraining: true,
      insuranceValidUntil: '2026-12-31',
    });
    expect(await auditFor(response.json().id)).toEqual([
      { action: 'volunteer.create', actor_user_id: coordinator.userId, details: { organizationId: org } },
    ]);
  });

  it('refuses to register a volunteer living outside the coordinator territory', async () => {
    const coordinator = await env.loginAs('coordinatore');
    const response = await env.app.inject({
      method: 'POST',
      url: '/api/volunteers',
      headers: coordinator.headers,
      payload: { ...offer, comuneCode: CREMA },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('COMUNE_OUTSIDE_TERRITORY');
  });

  it('suspends an approved volunteer and audits the fields changed', async () => {
    const coordinator = await env.loginAs('coordinatore');
    const id = await makeOffer();
    await env.app.inject({
      method: 'POST',
      url: `/api/volunteers/${id}/review`,
      headers: coordinator.headers,
      payload: { decision: 'approve' },
    });
    const response = await env.app.inject({
      method: 'PUT',
      url: `/api/volunteers/${id}`,
      headers: coordinator.headers,
      payload: {
        status: 'suspended',
        insuranceValidUntil: '2027-06-30',
        availability: [{ day: 6, from: '09:00', to: '12:00' }],
      },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'suspended',
      insuranceValidUntil: '2027-06-30',
      availability: [{ day: 6, from: '09:00', to: '12:00' }],
    });
    expect((await auditFor(id)).at(-1)).toEqual({
      action: 'volunteer.update',
      actor_user_id: coordinator.userId,
      details: { fields: ['status', 'insuranceValidUntil', 'availability'], status: 'suspended' },
    });
  });

  it('refuses to update an offer that has not been reviewed', async () => {
    const coordinator = await env.loginAs('coordinatore');
    const id = await makeOffer();
    const response = await env.app.inject({
      method: 'PUT',
      url: `/api/volunteers/${id}`,
      headers: coordinator.headers,
      payload: { status: 'approved' },
    });
    expect(response.statusCode).toBe(409);
    expect((await volunteerRow(id))?.status).toBe('offered');
  });
});

const CSV_HEADER =
  'nome;cognome;telefono;email;comune;codice_fiscale;data_nascita;sesso;auto;patente;lingue;zone;disponibilita;max_compiti_giorno;assicurazione_scadenza;formazione_sanitaria';
const CSV_ROWS = [
  'Sara;Longhi;333 1111111;sara@volontari.example;Cremona;LNGSRA92R60D150B;20/10/1992;F;si;si;inglese;Cremona;lun 9-12;;31/12/2026;no',
  'Paolo;Ghisolfi;333 2222222;;019036;GHSPLA70L12D150X;12/07/1970;M;no;si;;;mer 14-18;3;;no',
  'Anna;Tedoldi;333 3333333;;Bonemerse;;;;si;si;;"Bonemerse; Cremona";lun-ven 9-12;4;;si',
  'Bruno;Bonetti;;;Cremona;;;;forse;no;;;;;;',
  'Rosa;Villa;0372 444444;;Persico Dosimo;;;;no;no;francese;;sab 9-12;2;30/06/2027;no',
];

describe('import of a volunteer list', () => {
  it('imports a CSV: good rows become approved volunteers of the organisation, bad rows are reported with the reason', async () => {
    const org = await makeOrganization('Associazione Prova Import CSV');
    const coordinator = await coordinatorOf(org);
    const csv = [CSV_HEADER, ...CSV_ROWS].join('\n');
    const accepted = await upload(coordinator, csv, 'text/csv; charset=utf-8', `?organizationId=${org}`);
    expect(accepted.statusCode).toBe(202);
    const { report, seen } = await waitForImport(coordinator, accepted.json().importId);
    expect(report).toMatchObject({
      status: 'done',
      total: 5,
      processed: 5,
      created: 3,
      rejected: 2,
      organizationId: org,
    });
    expect(seen.at(-1)).toBe(5);
    expect(report.rows.map((r: { row: number; status: string }) => [r.row, r.status])).toEqual([
      [2, 'created'],
      [3, 'rejected'],
      [4, 'created'],
      [5, 'rejected'],
      [6, 'created'],
    ]);
    expect(report.rows[1].reason).toMatch(/^Colonna «codice_fiscale»: Il codice fiscale non è valido/);
    expect(report.rows[3].reason).toContain('Colonna «telefono»: è obbligatoria ed è vuota.');
    expect(report.rows[3].reason).toContain('Colonna «auto»: valore «forse» non valido');
    const created = await queryRows<{
      family_name: string;
      status: string;
      organization_id: string;
      zones: string[];
    }>(
      env.database.db,
      sql`SELECT family_name, status, organization_id, zones::text[] AS zones FROM volunteers WHERE organization_id = ${org} ORDER BY family_name`,
    );
    expect(created.map((v) => v.family_name)).toEqual(['Longhi', 'Tedoldi', 'Villa']);
    expect(created.every((v) => v.status === 'approved')).toBe(true);
    expect(created.find((v) => v.family_name === 'Tedoldi')?.zones).toEqual(['019006', CREMONA]);
    const [stored] = await queryRows<{ pending: number; with_data: number }>(
      env.database.db,
      sql`SELECT count(*) FILTER (WHERE status = 'pending')::int AS pending, count(data)::int AS with_data
          FROM volunteer_import_rows WHERE import_id = ${accepted.json().importId}`,
    );
    expect(stored).toEqual({ pending: 0, with_data: 0 });
  });

  it('imports an Excel workbook too', async () => {
    const org = await makeOrganization('Associazione Prova Import XLSX');
    const coordinator = await coordinatorOf(org);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Volontari');
    sheet.addRow([
      'Nome',
      'Cognome',
      'Telefono',
      'Comune',
      'Auto',
      'Disponibilità',
      'Assicurazione scadenza',
    ]);
    sheet.addRow([
      'Elena',
      'Rinaldi',
      '333 5555555',
      'Cremona',
      'si',
      'mar 9-12; gio 9-12',
      new Date(Date.UTC(2026, 11, 31)),
    ]);
    sheet.addRow(['Davide', 'Marchetti', '333 6666666', 'Atlantide', 'no', '', null]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const accepted = await upload(coordinator, bytes, XLSX);
    expect(accepted.statusCode).toBe(202);
    const { report } = await waitForImport(coordinator, accepted.json().importId);
    expect(report).toMatchObject({ status: 'done', total: 2, created: 1, rejected: 1, organizationId: org });
    expect(report.rows[1]).toMatchObject({
      row: 3,
      status: 'rejected',
      reason: expect.stringMatching(/^Colonna «comune»: comune «Atlantide»/),
    });
    const volunteer = await env.app.inject({
      method: 'GET',
      url: `/api/volunteers/${report.rows[0].volunteerId}`,
      headers: coordinator.headers,
    });
    expect(volunteer.json()).toMatchObject({
      familyName: 'Rinaldi',
      hasCar: true,
      insuranceValidUntil: '2026-12-31',
      availability: [
        { day: 2, from: '09:00', to: '12:00' },
        { day: 4, from: '09:00', to: '12:00' },
      ],
    });
    expect((await auditFor(report.rows[0].volunteerId))[0]).toMatchObject({
      action: 'volunteer.create',
      details: { importId: accepted.json().importId },
    });
  });

  it('rejects a row living outside the coordinator territory', async () => {
    const coordinator = await env.loginAs('coordinatore');
    const accepted = await upload(
      coordinator,
      'nome,cognome,telefono,comune\nLuigi,Serra,333 7777777,Crema\n',
      'text/csv',
    );
    const { report } = await waitForImport(coordinator, accepted.json().importId);
    expect(report.rows).toEqual([
      {
        row: 2,
        status: 'rejected',
        reason: 'Colonna «comune»: Crema non è nel tuo territorio di competenza.',
        volunteerId: null,
      },
    ]);
  });

  it('refuses a file with a wrong header at once with 422 and starts nothing', async () => {
    const coordinator = await env.loginAs('coordinatore');
    const response = await upload(coordinator, 'nome,cognome,cellulare2\nAda,Rossi,333\n', 'text/csv');
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('IMPORT_COLUMNS');
    expect(response.json().error.message).toMatch(
      /mancano le colonne obbligatorie «telefono», «comune»; colonna «cellulare2» non prevista/,
    );
  });

  it('refuses an upload that is not CSV or XLSX with 415', async () => {
    const coordinator = await env.loginAs('coordinatore');
    const response = await env.app.inject({
      method: 'POST',
      url: '/api/volunteers/imports',
      headers: coordinator.headers,
      payload: { nome: 'Ada' },
    });
    expect(response.statusCode).toBe(415);
  });

  it('refuses an import to a volunteer with 403 and to an anonymous caller with 401', async () => {
    const volunteer = await env.loginAs('volontario');
    expect((await upload(volunteer, 'nome,cognome,telefono,comune\n', 'text/csv')).statusCode).toBe(403);
    const anonymous = await env.app.inject({
      method: 'POST',
      url: '/api/volunteers/imports',
      headers: { 'content-type': 'text/csv' },
      payload: 'x',
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('hides an import report from another coordinator with 404', async () => {
    const owner = await env.loginAs('coordinatore');
    const accepted = await upload(
      owner,
      'nome,cognome,telefono,comune\nAda,Gallo,333 8888888,Cremona\n',
      'text/csv',
    );
    await waitForImport(owner, accepted.json().importId);
    const other = await env.loginAs('coordinatore');
    const response = await env.app.inject({
      method: 'GET',
      url: `/api/volunteers/imports/${accepted.json().importId}`,
      headers: other.headers,
    });
    expect(response.statusCode).toBe(404);
  });
});

describe('background processing of imports', () => {
  it('resumes an import whose instance died mid-way: the queue finds the lapsed lease and runs it again', async () => {
    const coordinator = await env.loginAs('coordinatore');
    // An import accepted by an instance that died while processing it: rows stored, job held, lease lapsed.
    const importId = await env.database.db.transaction(async (tx) => {
      const id = await insertImport(tx, {
        createdBy: coordinator.userId,
        organizationId: null,
        fileKind: 'csv',
        scope: { all: false, comuni: [CREMONA] },
        rows: [
          {
            row: 2,
            values: { nome: 'Franca', cognome: 'Superti', telefono: '333 9999999', comune: 'Cremona' },
          },
          { row: 3, values: { nome: 'Carlo', cognome: 'Ruggeri', telefono: '', comune: 'Cremona' } },
        ],
      });
      await tx.execute(
        sql`INSERT INTO jobs (kind, payload, status, attempts, max_attempts, locked_by, locked_until, created_by)
            VALUES ('volunteers.import', jsonb_build_object('importId', ${id}::text), 'running', 1, 3, 'morta',
                    now() - interval '1 second', ${coordinator.userId})`,
      );
      return id;
    });
    const { report } = await waitForImport(coordinator, importId);
    expect(report).toMatchObject({ status: 'done', total: 2, processed: 2, created: 1, rejected: 1 });
    const [job] = await queryRows<{ status: string; attempts: number }>(
      env.database.db,
      sql`SELECT status, attempts FROM jobs WHERE payload->>'importId' = ${importId}`,
    );
    expect(job).toEqual({ status: 'done', attempts: 2 });
  });

  it('returns only the rejected rows when asked', async () => {
    const coordinator = await env.loginAs('coordinatore');
    const accepted = await upload(
      coordinator,
      'nome,cognome,telefono,comune\nAda,Gentile,333 1212121,Cremona\nBea,Gentile,,Cremona\n',
      'text/csv',
    );
    await waitForImport(coordinator, accepted.json().importId);
    const response = await env.app.inject({
      method: 'GET',
      url: `/api/volunteers/imports/${accepted.json().importId}?rows=rejected`,
      headers: coordinator.headers,
    });
    expect(response.json().rows).toEqual([
      {
        row: 3,
        status: 'rejected',
        reason: 'Colonna «telefono»: è obbligatoria ed è vuota.',
        volunteerId: null,
      },
    ]);
  });
});

describe('what the tasks module uses', () => {
  it('finds approved volunteers of given organisations inside the caller scope only', async () => {
    const org = await makeOrganization('Associazione Prova Compiti');
    const coordinator = await coordinatorOf(org);
    const created = await env.app.inject({
      method: 'POST',
      url: '/api/volunteers',
      headers: coordinator.headers,
      payload: { ...offer, familyName: 'Compiti' },
    });
    const id = created.json().id;
    const ctx = systemContext(env.database);
    const cremonese = { all: false as const, comuni: new Set([CREMONA]) };
    const cremasco = { all: false as const, comuni: new Set([CREMA]) };
    const listed = await withExplicitScope(ctx, cremonese, (tx) =>
      listApprovedVolunteers(tx, { organizationIds: [org] }),
    );
    expect(listed.map((v) => v.id)).toEqual([id]);
    expect(listed[0]).toMatchObject({
      organizationId: org,
      hasCar: true,
      zones: [CREMONA, '019006'],
      maxTasksPerDay: 3,
    });
    expect(await withExplicitScope(ctx, cremasco, (tx) => findVolunteer(tx, id))).toBeNull();
    expect((await withExplicitScope(ctx, cremonese, (tx) => findVolunteer(tx, id)))?.familyName).toBe(
      'Compiti',
    );
  });
});

describe('demo volunteers', () => {
  it('seeds volunteers over the CremonAiuta associations, individuals and offers, with the demo volunteer among them', async () => {
    const names = new Map<string, string>();
    await env.database.db.transaction(async (tx) => {
      for (const o of DEMO_ORGANIZATIONS.filter((d) => d.kind === 'association')) {
        names.set(o.name, await insertOrganization(tx, o));
      }
    });
    const user = await env.buildUser({ role: 'volontario' });
    let state = 7;
    const random = () => (state = (state * 16807) % 2147483647) / 2147483647;
    const result = await env.database.db.transaction((tx) =>
      seedDemoVolunteers(tx, { organizationIdsByName: names, volunteerUserId: user.id, random }),
    );
    expect(result).toMatchObject({ approved: 60, individual: 15, offered: 10 });
    const demo = await withExplicitScope(systemContext(env.database), { all: true }, (tx) =>
      findVolunteerByUserId(tx, user.id),
    );
    expect(demo).toMatchObject({
      id: result.demoVolunteerId,
      organizationId: names.get('AUSER Cremona'),
      hasCar: true,
      status: 'approved',
    });
    expect(demo?.availability.map((s) => s.day)).toEqual([1, 2, 3, 4, 5, 6]);
    const [spread] = await queryRows<{ organizations: number; outside: number }>(
      env.database.db,
      sql`SELECT count(DISTINCT organization_id)::int AS organizations,
                 count(*) FILTER (WHERE comune_code NOT IN (SELECT istat_code FROM comuni WHERE ambito_id = 'CREMONA'))::int AS outside
          FROM volunteers WHERE organization_id::text = ANY(${pgArray([...names.values()])}::text[])`,
    );
    expect(spread!.organizations).toBeGreaterThanOrEqual(20);
    expect(spread!.outside).toBe(0);
  });
});
