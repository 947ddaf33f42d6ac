import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { queryRows, sql } from '../../platform/db/database.js';
import { addDays, dateInRome } from '../../platform/time.js';
import { CREMA, CREMONA, setupTestEnv, type Session } from '../../test/harness.js';

const env = await setupTestEnv({ jobs: false });
const today = dateInRome();
const from = addDays(today, -30);
const XSD = readFileSync(
  new URL('../../../../reference-data/siuss/PS_PSA_SINA201812.xsd', import.meta.url),
  'utf8',
);

let admin: Session;
let cremaAdmin: Session;
let operator: Session;
let key: string;
let rentFund: string;
let solidarityFund: string;

const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(env.database.db, query);

async function call(session: Session | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
  return env.app.inject({ method, url, headers: session?.headers ?? {}, ...(payload ? { payload } : {}) });
}

const waas = (method: 'GET' | 'POST', url: string, payload?: object, bearer: string | null = key) =>
  env.app.inject({
    method,
    url,
    headers: bearer ? { authorization: `Bearer ${bearer}` } : {},
    ...(payload ? { payload } : {}),
  });

async function programme(kind: string): Promise<string> {
  const [row] = await rows<{ id: string }>(
    sql`INSERT INTO support_programmes (kind, name, comune_code, rule, valid_from, valid_until, budget_cents)
        VALUES (${kind}, ${`Programma ${kind} ${Date.now()}`}, ${CREMONA}, '{}'::jsonb, ${from}, ${addDays(today, 30)}, 100000000)
        RETURNING id`,
  );
  return row!.id;
}

/** A contribution paid today to the person (an economic benefit). */
async function paid(programmeId: string, personId: string, amountCents: number): Promise<string> {
  const [row] = await rows<{ id: string }>(
    sql`INSERT INTO programme_applications (programme_id, person_id, household_key, comune_code, channel, household_size, status,
                                            amount_cents, paid_at, payment_reference)
        VALUES (${programmeId}, ${personId}, gen_random_uuid(), ${CREMONA}, 'desk', 1, 'paid', ${amountCents}, now(), 'MAND-1')
        RETURNING id`,
  );
  return row!.id;
}

const SINA = {
  Mobilita: '3',
  AttivitaVitaQuotidiana: '3',
  DisturbiAreaCognitiva: '2',
  DisturbiComportamentali: '1',
  AreaReddituale: '2',
  AreaSupporto: '2',
  FonteDerivazioneValutazione: '2',
  StrumentoValutazione: '7',
};

/** A case with an assessment and a personal-budget expense of Fare Legami. */
async function budgetExpense(personId: string, responsibleId: string): Promise<string> {
  const [team] = await rows<{ id: string }>(
    sql`INSERT INTO social_teams (name, comune_code) VALUES (${`Equipe ${Date.now()}`}, ${CREMONA}) RETURNING id`,
  );
  const [file] = await rows<{ id: string }>(
    sql`INSERT INTO cases (person_id, comune_code, area, source, reason, responsible_user_id, team_id, opened_on)
        VALUES (${personId}, ${CREMONA}, 'elderly', 'self', 'Non autosufficienza', ${responsibleId}, ${team!.id}, ${from})
        RETURNING id`,
  );
  await env.database.db.execute(
    sql`INSERT INTO case_assessments (case_id, comune_code, form_id, form_version, assessed_on, answers, scores, sina)
        VALUES (${file!.id}, ${CREMONA}, 'multidimensionale', 1, ${from}, '{}'::jsonb, '{}'::jsonb, ${JSON.stringify(SINA)}::jsonb)`,
  );
  const [plan] = await rows<{ id: string }>(
    sql`INSERT INTO case_plans (case_id, comune_code, kind, title) VALUES (${file!.id}, ${CREMONA}, 'inclusion_pact', 'Patto')
        RETURNING id`,
  );
  const [budget] = await rows<{ id: string }>(
    sql`INSERT INTO case_budgets (plan_id, case_id, comune_code, programme, cap_cents)
        VALUES (${plan!.id}, ${file!.id}, ${CREMONA}, 'fare_legami', 200000) RETURNING id`,
  );
  const [expense] = await rows<{ id: string }>(
    sql`INSERT INTO case_budget_expenses (budget_id, comune_code, spent_on, supplier, document_ref, amount_cents)
        VALUES (${budget!.id}, ${CREMONA}, ${addDays(today, -2)}, 'Cooperativa', 'FT-1', 48000) RETURNING id`,
  );
  return expense!.id;
}

async function xsdErrors(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'flow.xml', contents: xml }],
    schema: [{ fileName: 'PS_PSA_SINA201812.xsd', contents: XSD }],
  });
  return result.errors.map((e) => e.message);
}

const cfOf = async (personId: string) =>
  (await rows<{ cf: string }>(sql`SELECT codice_fiscale AS cf FROM people WHERE id = ${personId}`))[0]!.cf;

const people: Record<string, string> = {};
const benefits: Record<string, string> = {};

beforeAll(async () => {
  admin = await env.loginAs('amministratore', { type: 'all' });
  cremaAdmin = await env.loginAs('amministratore', { type: 'ambito', id: 'CREMA' });
  operator = await env.loginAs('operatore');
  const social = await env.buildUser({ role: 'assistente_sociale' });
  rentFund = await programme('rent_fund');
  solidarityFund = await programme('solidarity_fund');
  people.rent = await env.buildPerson({ birthDate: '1958-04-12' });
  people.noCf = await env.buildPerson({ birthDate: '1961-02-03' });
  await env.database.db.execute(sql`UPDATE people SET codice_fiscale = NULL WHERE id = ${people.noCf}`);
  people.unmapped = await env.buildPerson({ birthDate: '1970-07-07' });
  people.cared = await env.buildPerson({ birthDate: '1940-09-09' });
  benefits.rent = await paid(rentFund, people.rent, 25_000);
  benefits.noCf = await paid(rentFund, people.noCf, 30_000);
  benefits.unmapped = await paid(solidarityFund, people.unmapped, 15_000);
  benefits.expense = await budgetExpense(people.cared, social.id);
});

describe('SIUSS configuration', () => {
  it('answers 401 without a session and 403 to an operator', async () => {
    expect((await call(null, 'GET', '/api/siuss/codes')).statusCode).toBe(401);
    expect((await call(operator, 'GET', `/api/siuss/export?from=${from}&to=${today}`)).statusCode).toBe(403);
    expect(
      (
        await call(operator, 'PUT', `/api/siuss/entes/${CREMONA}`, {
          cfOperatore: '00297960197',
          denominazione: 'X',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('configures Cremona, hides it from the Cremasco’s administrator (404, unchanged) and audits the change', async () => {
    const body = { cfOperatore: '00297960197', denominazione: 'Comune di Cremona' };
    const set = await call(admin, 'PUT', `/api/siuss/entes/${CREMONA}`, body);
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ comuneCode: CREMONA, hasKey: false });
    const other = await call(cremaAdmin, 'PUT', `/api/siuss/entes/${CREMONA}`, {
      ...body,
      denominazione: 'Altro',
    });
    expect(other.statusCode).toBe(404);
    const [row] = await rows<{ denominazione: string }>(
      sql`SELECT denominazione FROM siuss_entes WHERE comune_code = ${CREMONA}`,
    );
    expect(row!.denominazione).toBe('Comune di Cremona');
    const [audit] = await rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'siuss.ente_update' AND entity_id = ${CREMONA}`,
    );
    expect(audit!.n).toBe(1);
    const made = await call(admin, 'POST', `/api/siuss/entes/${CREMONA}/key`);
    expect(made.statusCode, made.body).toBe(201);
    key = made.json<{ key: string }>().key;
    const [stored] = await rows<{ token_hash: string }>(
      sql`SELECT token_hash FROM siuss_entes WHERE comune_code = ${CREMONA}`,
    );
    expect(stored!.token_hash).not.toContain(key);
  });

  it('lets only an administrator of the whole installation map a kind of benefit to an INPS code', async () => {
    const body = {
      codicePrestazione: 'Z9.01',
      denominazione: 'Prestazione di prova per i test',
      presenzaProvaMezzi: '4',
      carattere: '2',
      areaUtenza: null,
      note: 'Codice di prova',
    };
    const refused = await call(cremaAdmin, 'PUT', '/api/siuss/codes/budget:fare_legami', body);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('SIUSS_CODES_INSTALLATION_WIDE');
    const done = await call(admin, 'PUT', '/api/siuss/codes/budget:fare_legami', body);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ benefitKind: 'budget:fare_legami', codicePrestazione: 'Z9.01' });
    expect((await call(admin, 'PUT', '/api/siuss/codes/budget:nessuno', body)).statusCode).toBe(404);
    const list = await call(cremaAdmin, 'GET', '/api/siuss/codes');
    expect(list.json<{ benefitKind: string; codicePrestazione: string | null }[]>()).toContainEqual(
      expect.objectContaining({ benefitKind: 'programme:rent_fund', codicePrestazione: 'A2.16' }),
    );
  });
});

describe('SIUSS bulk export', () => {
  let xml = '';
  let report: {
    valid: boolean;
    exported: number;
    firstExported: number;
    problems: { sourceId: string; code: string; message: string }[];
  };

  beforeAll(async () => {
    const response = await call(admin, 'GET', `/api/siuss/export?from=${from}&to=${today}`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<{ files: { comuneCode: string; xml: string }[]; report: typeof report }>();
    xml = body.files.find((f) => f.comuneCode === CREMONA)!.xml;
    report = body.report;
  });

  it('produces a file that validates against PS_PSA_SINA201812.xsd, with the SINA block from the assessment', async () => {
    expect(report.valid).toBe(true);
    expect(await xsdErrors(xml)).toEqual([]);
    expect(xml).toContain(`CodiceFiscale="${await cfOf(people.rent!)}"`);
    expect(xml).toContain('CodicePrestazione="A2.16"');
    const cared = xml.slice(xml.indexOf(`CodiceFiscale="${await cfOf(people.cared!)}"`));
    const sina = /<SINA [^>]*>/.exec(cared.slice(0, cared.indexOf('</Beneficiario>')))?.[0] ?? '';
    for (const [name, code] of Object.entries(SINA)) expect(sina).toContain(`${name}="${code}"`);
    expect(report).toMatchObject({ exported: 2, firstExported: 2 });
  });

  it('reports a beneficiary without codice fiscale and an unmapped benefit, and leaves them out', async () => {
    expect(report.problems).toContainEqual(
      expect.objectContaining({ sourceId: benefits.noCf, code: 'MISSING_CODICE_FISCALE' }),
    );
    expect(report.problems).toContainEqual(
      expect.objectContaining({ sourceId: benefits.unmapped, code: 'UNMAPPED_PRESTAZIONE' }),
    );
    expect(xml).not.toContain(benefits.noCf!.replaceAll('-', ''));
    expect(xml).not.toContain(await cfOf(people.unmapped!));
    const [made] = await rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM siuss_records WHERE source_id IN (${benefits.noCf}, ${benefits.unmapped})`,
    );
    expect(made!.n).toBe(0);
  });

  it('gives the same file again, marks its records sent once, and audits the export', async () => {
    const again = await call(admin, 'GET', `/api/siuss/export?from=${from}&to=${today}`);
    expect(again.json().report).toMatchObject({ exported: 2, firstExported: 0 });
    const states = await rows<{ state: string; channel: string }>(
      sql`SELECT state, channel FROM siuss_records WHERE source_id IN (${benefits.rent}, ${benefits.expense})`,
    );
    expect(states).toEqual([
      { state: 'sent', channel: 'bulk' },
      { state: 'sent', channel: 'bulk' },
    ]);
    const [audit] = await rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'siuss.export'`,
    );
    expect(audit!.n).toBe(2);
  });

  it('shows the Cremasco’s administrator none of Cremona’s records', async () => {
    const response = await call(cremaAdmin, 'GET', `/api/siuss/export?from=${from}&to=${today}`);
    expect(response.statusCode).toBe(200);
    expect(response.json().files).toEqual([]);
    expect((await call(cremaAdmin, 'GET', '/api/siuss/records')).json()).toEqual([]);
  });

  it('corrects a changed benefit with a cancellation and a new insertion', async () => {
    await env.database.db.execute(
      sql`UPDATE programme_applications SET amount_cents = 27500 WHERE id = ${benefits.rent}`,
    );
    const response = await call(admin, 'GET', `/api/siuss/export?from=${from}&to=${today}`);
    const file = response
      .json<{ files: { comuneCode: string; xml: string }[] }>()
      .files.find((f) => f.comuneCode === CREMONA)!;
    expect(await xsdErrors(file.xml)).toEqual([]);
    const records = await rows<{
      operation: string;
      cancels_record_id: string | null;
      corrects_record_id: string | null;
    }>(
      sql`SELECT operation, cancels_record_id, corrects_record_id FROM siuss_records WHERE source_id = ${benefits.rent} ORDER BY ts_flusso`,
    );
    expect(records.map((r) => r.operation)).toEqual(['I', 'C', 'I']);
    expect(records[1]!.cancels_record_id).not.toBeNull();
    expect(records[2]!.corrects_record_id).toBe(records[1]!.cancels_record_id);
    expect(file.xml).toContain('TipoOperazione="C"');
    expect(file.xml).toContain('ImportoPrestazione="275.00"');
  });

  it('refuses a reversed period', async () => {
    const response = await call(admin, 'GET', `/api/siuss/export?from=${today}&to=${from}`);
    expect(response.statusCode).toBe(422);
  });
});

describe('SIUSS WaaS API (INPS’s client)', () => {
  const newFlows: string[] = [];

  beforeAll(async () => {
    people.w1 = await env.buildPerson({ birthDate: '1950-01-01' });
    people.w2 = await env.buildPerson({ birthDate: '1951-01-01' });
    await paid(rentFund, people.w1, 10_000);
    await paid(rentFund, people.w2, 11_000);
  });

  it('answers 401 as problem+json without a key or with a wrong one', async () => {
    const none = await waas('GET', '/api/siuss/waas/flussi?since=0', undefined, null);
    expect(none.statusCode).toBe(401);
    expect(none.headers['content-type']).toContain('application/problem+json');
    const wrong = await waas(
      'GET',
      '/api/siuss/waas/flussi?since=0',
      undefined,
      'waas_not-a-real-key-000000000000',
    );
    expect(wrong.statusCode).toBe(401);
    expect((await waas('POST', '/api/siuss/waas/esiti', { elenco_esiti: [] }, null)).statusCode).toBe(401);
  });

  it('answers bad input as problem+json too, with the key or without one', async () => {
    for (const [method, url, body] of [
      ['GET', '/api/siuss/waas/flussi?since=-5', undefined],
      ['POST', '/api/siuss/waas/esiti', { elenco_esiti: 'x' }],
      ['GET', '/api/siuss/waas/status?q=a%00b', undefined],
    ] as const) {
      const res = await waas(method, url, body);
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type'], url).toContain('application/problem+json');
      expect(res.json(), url).toMatchObject({
        status: 400,
        title: 'VALIDATION_FAILED',
        detail: expect.any(String),
      });
    }
  });

  it('returns each flow once, oldest first, paging by since', async () => {
    const first = await waas('GET', '/api/siuss/waas/flussi?since=0&limit=1');
    expect(first.statusCode, first.body).toBe(200);
    const page1 = first.json<{
      elenco_flussi: { id_flusso: string; ts_flusso: string; flusso: string; codice_ente: string }[];
    }>().elenco_flussi;
    expect(page1).toHaveLength(1);
    expect(page1[0]!.codice_ente).toMatch(/^[A-Z][0-9]{3}$/);
    const decoded = Buffer.from(page1[0]!.flusso, 'base64').toString('utf8');
    expect(await xsdErrors(decoded)).toEqual([]);
    expect(decoded.match(/<PrestazioniSociali /g)).toHaveLength(1);
    const since = Date.parse(page1[0]!.ts_flusso);
    const second = (await waas('GET', `/api/siuss/waas/flussi?since=${since}&limit=10`)).json<{
      elenco_flussi: { id_flusso: string }[];
    }>().elenco_flussi;
    expect(second).toHaveLength(1);
    newFlows.push(page1[0]!.id_flusso, second[0]!.id_flusso);
    expect(new Set(newFlows).size).toBe(2);
    // The bulk file's records never come through WaaS, and a flow delivered is not delivered again.
    const fromStart = (await waas('GET', '/api/siuss/waas/flussi?since=0')).json().elenco_flussi;
    expect(fromStart).toEqual([]);
    const [audit] = await rows<{ actor_roles: string[]; actor_email: string }>(
      sql`SELECT actor_roles, actor_email FROM audit_events WHERE action = 'siuss.flows_sent' ORDER BY id LIMIT 1`,
    );
    expect(audit).toMatchObject({
      actor_roles: ['partner:inps_waas'],
      actor_email: `INPS WaaS · ${CREMONA}`,
    });
  });

  it('records INPS’s outcomes: accepted, and refused with the reason the operator reads', async () => {
    const at = new Date().toISOString();
    const response = await waas('POST', '/api/siuss/waas/esiti', {
      elenco_esiti: [
        {
          id_flusso: newFlows[0],
          tipo: 'PS_PSA_SINA',
          ts_flusso: at,
          ts_acquisizione: at,
          codice_esito: 'OK',
          id_acquisizione_siuss: '22738',
        },
        {
          id_flusso: newFlows[1],
          tipo: 'PS_PSA_SINA',
          ts_flusso: at,
          ts_acquisizione: at,
          codice_esito: 'RICHIESTA_INVALIDA',
          descrizione_esito: 'Codice fiscale non presente in anagrafe tributaria',
        },
        {
          id_flusso: 'H501.PS.20210520.0000002',
          tipo: 'PS_PSA_SINA',
          ts_flusso: at,
          ts_acquisizione: at,
          codice_esito: 'OK',
        },
      ],
    });
    expect(response.statusCode, response.body).toBe(204);
    const refused = await call(admin, 'GET', '/api/siuss/records?state=refused');
    expect(refused.json()).toEqual([
      expect.objectContaining({
        idFlusso: newFlows[1],
        state: 'refused',
        esito: expect.objectContaining({
          code: 'RICHIESTA_INVALIDA',
          description: 'Codice fiscale non presente in anagrafe tributaria',
        }),
      }),
    ]);
    const accepted = await call(admin, 'GET', '/api/siuss/records?state=accepted');
    expect(accepted.json()).toEqual([
      expect.objectContaining({
        idFlusso: newFlows[0],
        esito: expect.objectContaining({ idAcquisizioneSiuss: '22738' }),
      }),
    ]);
  });

  it('does not resend a refused record that has not changed', async () => {
    expect((await waas('GET', '/api/siuss/waas/flussi?since=0')).json().elenco_flussi).toEqual([]);
  });

  it('reports its status without a key', async () => {
    const response = await env.app.inject({ method: 'GET', url: '/api/siuss/waas/status' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 200, title: 'OK' });
  });

  it('serves a comune’s flows to its own key only', async () => {
    const made = await call(admin, 'PUT', `/api/siuss/entes/${CREMA}`, {
      cfOperatore: '00297960197',
      denominazione: 'Comune di Crema',
    });
    expect(made.statusCode).toBe(200);
    const cremaKey = (await call(admin, 'POST', `/api/siuss/entes/${CREMA}/key`)).json<{ key: string }>().key;
    const response = await waas('GET', '/api/siuss/waas/flussi?since=0', undefined, cremaKey);
    expect(response.json().elenco_flussi).toEqual([]);
    const esito = await waas(
      'POST',
      '/api/siuss/waas/esiti',
      {
        elenco_esiti: [
          {
            id_flusso: newFlows[0],
            tipo: 'PS_PSA_SINA',
            ts_flusso: today + 'T00:00:00Z',
            ts_acquisizione: today + 'T00:00:00Z',
            codice_esito: 'ERRORE_GENERICO',
          },
        ],
      },
      cremaKey,
    );
    expect(esito.statusCode).toBe(204);
    const [row] = await rows<{ state: string }>(
      sql`SELECT state FROM siuss_records WHERE id_flusso = ${newFlows[0]}`,
    );
    expect(row!.state).toBe('accepted');
  });
});
