import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { queryRows, sql } from '../../platform/db/database.js';
import { addDays, dateInRome } from '../../platform/time.js';
import { buildApprovedService, buildProvider } from '../../test/catalog-factories.js';
import { CREMONA, setupTestEnv, type Session } from '../../test/harness.js';
import { seedOrder } from '../catalog/index.js';

/*
 * A minor's benefits go to INPS as SINBA flows, from the minor's assessment the social worker
 * records in the case file: reported to the operator while it is missing or incomplete, then sent
 * once, validated against SINBA.xsd, corrected by a superseding record.
 */

const env = await setupTestEnv({ jobs: false });
const today = dateInRome();
const from = addDays(today, -30);
const SINBA_XSD = readFileSync(
  new URL('../../../../reference-data/siuss/SINBA.xsd', import.meta.url),
  'utf8',
);

let admin: Session;
let social: Session;
let operator: Session;
let caseId: string;
let minor: string;
let benefit: string;

const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(env.database.db, query);
const call = (session: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  env.app.inject({ method, url, headers: session.headers, ...(payload ? { payload } : {}) });

interface ExportBody {
  files: { fileName: string; xml: string; records: number }[];
  report: {
    valid: boolean;
    firstExported: number;
    problems: { sourceId: string; code: string; message: string }[];
    xsdErrors: unknown[];
  };
}
const exportNow = async () => {
  const response = await call(admin, 'GET', `/api/siuss/export?from=${from}&to=${today}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<ExportBody>();
};
const sinbaFiles = (body: ExportBody) => body.files.filter((f) => f.fileName.includes('.SINBA.'));
const problemsOf = (body: ExportBody) => body.report.problems.filter((p) => p.sourceId === benefit);

async function xsdErrors(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'sinba.xml', contents: xml }],
    schema: [{ fileName: 'SINBA.xsd', contents: SINBA_XSD }],
  });
  return result.errors.map((e) => e.message);
}

const REQUIRED = {
  MinoreStranieroNoAcc: '2',
  CondizioneMinore: '1',
  LuogoVita: '1',
  ScuolaFrequentata: '6',
  CondizioneLavoro: '1',
  Disabilita: '2',
  DataPrimaSegnalazione: '09/2025',
  FonteSegnalazione: '13',
  ValutazioneMinore: '13',
  ValutazioneFamigliaMinore: '12',
  SegnalazioneAutoritaGiudiziaria: '2',
  ProvvedimentoGiudiziario: '2',
};

beforeAll(async () => {
  admin = await env.loginAs('amministratore', { type: 'all' });
  operator = await env.loginAs('operatore');
  const worker = await env.buildUser({ role: 'assistente_sociale' });
  social = await env.login(worker.email);
  expect(
    (
      await call(admin, 'PUT', `/api/siuss/entes/${CREMONA}`, {
        cfOperatore: '00297960197',
        denominazione: 'Comune di Cremona',
      })
    ).statusCode,
  ).toBe(200);
  minor = await env.buildPerson({ birthDate: '2013-03-14' });
  const [team] = await rows<{ id: string }>(
    sql`INSERT INTO social_teams (name, comune_code) VALUES (${`Equipe minori ${Date.now()}`}, ${CREMONA}) RETURNING id`,
  );
  const [file] = await rows<{ id: string }>(
    sql`INSERT INTO cases (person_id, comune_code, area, source, reason, responsible_user_id, team_id, opened_on)
        VALUES (${minor}, ${CREMONA}, 'minors_family', 'school', 'Dispersione scolastica', ${worker.id}, ${team!.id}, ${from})
        RETURNING id`,
  );
  caseId = file!.id;
  const [programme] = await rows<{ id: string }>(
    sql`INSERT INTO support_programmes (kind, name, comune_code, rule, valid_from, valid_until, budget_cents)
        VALUES ('rent_fund', ${`Fondo affitti ${Date.now()}`}, ${CREMONA}, '{}'::jsonb, ${from}, ${addDays(today, 30)}, 100000000)
        RETURNING id`,
  );
  const [paid] = await rows<{ id: string }>(
    sql`INSERT INTO programme_applications (programme_id, person_id, household_key, comune_code, channel, household_size, status,
                                            amount_cents, paid_at, payment_reference)
        VALUES (${programme!.id}, ${minor}, gen_random_uuid(), ${CREMONA}, 'desk', 3, 'paid', 40000, now(), 'MAND-7')
        RETURNING id`,
  );
  benefit = paid!.id;
});

describe("a minor's assessment in the case file", () => {
  it('is refused to an operator (403) and to a value outside SINBA.xsd (422), nothing saved', async () => {
    const body = { assessedOn: today, attributes: REQUIRED, famiglia: ['1'] };
    expect((await call(operator, 'POST', `/api/cases/${caseId}/minor-assessments`, body)).statusCode).toBe(
      403,
    );
    expect((await call(operator, 'GET', `/api/cases/${caseId}/minor-assessments`)).statusCode).toBe(403);
    const bad = await call(social, 'POST', `/api/cases/${caseId}/minor-assessments`, {
      ...body,
      attributes: { ...REQUIRED, LuogoVita: '9' },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error).toEqual({
      code: 'MINOR_ASSESSMENT_INVALID',
      message: 'Luogo di vita: valore non previsto dal flusso SINBA (INPS).',
      details: { field: 'attributes.LuogoVita' },
    });
    const [count] = await rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM case_minor_assessments WHERE case_id = ${caseId}`,
    );
    expect(count!.n).toBe(0);
  });

  it('is refused for a person of age (422)', async () => {
    const adult = await env.buildPerson({ birthDate: '1990-06-01' });
    const [file] = await rows<{ id: string }>(
      sql`INSERT INTO cases (person_id, comune_code, area, source, reason, responsible_user_id, team_id, opened_on)
          SELECT ${adult}, comune_code, 'adults', 'self', 'Prova', responsible_user_id, team_id, opened_on
          FROM cases WHERE id = ${caseId} RETURNING id`,
    );
    const refused = await call(social, 'POST', `/api/cases/${file!.id}/minor-assessments`, {
      assessedOn: today,
      attributes: REQUIRED,
      famiglia: ['1'],
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({
      code: 'MINOR_ASSESSMENT_FOR_ADULT',
      details: { field: 'assessedOn' },
    });
  });

  it('reports the minor to the operator while the assessment is missing, and sends nothing', async () => {
    const body = await exportNow();
    expect(problemsOf(body)).toEqual([
      expect.objectContaining({
        code: 'SINBA_ASSESSMENT_MISSING',
        message: expect.stringContaining('manca la valutazione del minore'),
      }),
    ]);
    expect(sinbaFiles(body)).toEqual([]);
  });

  it('keeps an incomplete assessment, shows what is missing, and the export names it', async () => {
    const { LuogoVita: _l, FonteSegnalazione: _f, ...partial } = REQUIRED;
    const saved = await call(social, 'POST', `/api/cases/${caseId}/minor-assessments`, {
      assessedOn: today,
      attributes: partial,
      famiglia: ['1', '3'],
    });
    expect(saved.statusCode, saved.body).toBe(201);
    expect(saved.json().missing).toEqual(['Luogo di vita', 'Fonte della segnalazione']);
    expect(problemsOf(await exportNow())).toEqual([
      expect.objectContaining({
        code: 'SINBA_ASSESSMENT_INCOMPLETE',
        message: expect.stringContaining('Mancano: Luogo di vita, Fonte della segnalazione.'),
      }),
    ]);
    const [audit] = await rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'case.update' AND entity_id = ${caseId}
            AND details->>'part' = 'minor_assessment'`,
    );
    expect(audit!.n).toBe(1);
  });
});

describe('the SINBA flow', () => {
  let firstRecord: string;

  it('sends a complete assessment as a SINBA file valid against SINBA.xsd, under a pseudonym', async () => {
    const saved = await call(social, 'POST', `/api/cases/${caseId}/minor-assessments`, {
      assessedOn: today,
      attributes: REQUIRED,
      famiglia: ['1', '3'],
    });
    expect(saved.statusCode, saved.body).toBe(201);
    expect(saved.json().missing).toEqual([]);
    const body = await exportNow();
    expect(problemsOf(body)).toEqual([]);
    expect(body.report.valid).toBe(true);
    const [file] = sinbaFiles(body);
    expect(file!.records).toBe(1);
    expect(await xsdErrors(file!.xml)).toEqual([]);
    const [person] = await rows<{ cf: string; family_name: string }>(
      sql`SELECT codice_fiscale AS cf, family_name FROM people WHERE id = ${minor}`,
    );
    expect(file!.xml).not.toContain(person!.cf);
    expect(file!.xml).not.toContain(person!.family_name);
    expect(file!.xml).toMatch(/IDBeneficiario="[0-9A-F]{20}"/);
    expect(file!.xml).toContain('AnnoNascita="2013"');
    expect(file!.xml).toContain('LuogoVita="1"');
    expect(file!.xml).toContain('<CodicePrestazione>A2.16</CodicePrestazione>');
    expect(file!.xml.match(/<ComposizioneFamiglia>/g)).toHaveLength(2);
    const records = await rows<{ id: string; tipo: string; state: string; id_flusso: string }>(
      sql`SELECT id, tipo, state, id_flusso FROM siuss_records WHERE source_id = ${benefit}`,
    );
    expect(records).toEqual([
      expect.objectContaining({
        tipo: 'SINBA',
        state: 'sent',
        id_flusso: expect.stringMatching(/\.SINBA\.\d{8}\.\d{7}$/),
      }),
    ]);
    firstRecord = records[0]!.id;
  });

  it('never makes the same record twice', async () => {
    const body = await exportNow();
    expect(body.report.firstExported).toBe(0);
    const [count] = await rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM siuss_records WHERE source_id = ${benefit}`,
    );
    expect(count!.n).toBe(1);
  });

  it('corrects a changed assessment with a new record that supersedes the one sent (SINBA has no TipoOperazione)', async () => {
    const saved = await call(social, 'POST', `/api/cases/${caseId}/minor-assessments`, {
      assessedOn: today,
      attributes: { ...REQUIRED, LuogoVita: '3' },
      famiglia: ['3'],
    });
    expect(saved.statusCode, saved.body).toBe(201);
    const body = await exportNow();
    expect(body.report.valid).toBe(true);
    const records = await rows<{
      id: string;
      operation: string;
      corrects_record_id: string | null;
      cancelled_by_record_id: string | null;
    }>(
      sql`SELECT id, operation, corrects_record_id, cancelled_by_record_id FROM siuss_records
          WHERE source_id = ${benefit} ORDER BY ts_flusso`,
    );
    expect(records).toHaveLength(2);
    expect(records.every((r) => r.operation === 'I')).toBe(true);
    expect(records[0]).toMatchObject({ id: firstRecord, cancelled_by_record_id: records[1]!.id });
    expect(records[1]).toMatchObject({ corrects_record_id: firstRecord, cancelled_by_record_id: null });
    const xml = sinbaFiles(body)
      .map((f) => f.xml)
      .join('\n');
    expect(xml).toContain('LuogoVita="3"');
  });

  it('reports a benefit withdrawn after it was sent, as SINBA cannot cancel it, and sends nothing more', async () => {
    const providerId = await buildProvider(env, { comuni: [CREMONA] });
    const serviceId = await buildApprovedService(env, providerId, {
      comuni: [CREMONA],
      categoryId: 'trasporto_disabili',
      listPriceCents: 1500,
      cappedPriceCents: 1200,
    });
    const order = await seedOrder(
      env.database.db,
      {
        serviceId,
        personId: minor,
        comuneCode: CREMONA,
        quantity: 5,
        startDate: today,
        unitPriceCents: 300,
        tariff: {},
        assisted: null,
        status: 'confirmed',
      },
      (await env.buildUser({ role: 'amministratore' })).id,
    );
    const sent = await exportNow();
    expect(sent.report.problems.filter((p) => p.sourceId === order)).toEqual([]);
    const countOf = async () =>
      (
        await rows<{ n: number }>(
          sql`SELECT count(*)::int AS n FROM siuss_records WHERE source_id = ${order}`,
        )
      )[0]!.n;
    expect(await countOf()).toBe(1);
    await env.database.db.execute(sql`UPDATE catalog_orders SET status = 'cancelled' WHERE id = ${order}`);
    const after = await exportNow();
    expect(after.report.problems.filter((p) => p.sourceId === order)).toEqual([
      expect.objectContaining({
        code: 'SINBA_CANNOT_CANCEL',
        message: expect.stringContaining('va chiesto a INPS'),
      }),
    ]);
    expect(await countOf()).toBe(1);
  });

  it('goes to INPS through WaaS as tipo SINBA, and a refusal shows INPS’s reason to the operator', async () => {
    const made = await call(admin, 'POST', `/api/siuss/entes/${CREMONA}/key`);
    expect(made.statusCode, made.body).toBe(201);
    const headers = { authorization: `Bearer ${made.json<{ key: string }>().key}` };
    const saved = await call(social, 'POST', `/api/cases/${caseId}/minor-assessments`, {
      assessedOn: today,
      attributes: { ...REQUIRED, ScuolaFrequentata: '7' },
      famiglia: ['3'],
    });
    expect(saved.statusCode, saved.body).toBe(201);
    const pulled = await env.app.inject({ method: 'GET', url: '/api/siuss/waas/flussi?since=0', headers });
    expect(pulled.statusCode, pulled.body).toBe(200);
    const flows = pulled
      .json<{ elenco_flussi: { id_flusso: string; tipo: string; flusso: string }[] }>()
      .elenco_flussi.filter((f) => f.tipo === 'SINBA');
    expect(flows).toHaveLength(1);
    const xml = Buffer.from(flows[0]!.flusso, 'base64').toString('utf8');
    expect(await xsdErrors(xml)).toEqual([]);
    expect(xml).toContain('ScuolaFrequentata="7"');
    const at = new Date().toISOString();
    const esiti = await env.app.inject({
      method: 'POST',
      url: '/api/siuss/waas/esiti',
      headers,
      payload: {
        elenco_esiti: [
          {
            id_flusso: flows[0]!.id_flusso,
            tipo: 'SINBA',
            ts_flusso: at,
            ts_acquisizione: at,
            codice_esito: 'RICHIESTA_INVALIDA',
            descrizione_esito:
              'In cooperazione è possibile inviare solo un beneficiario e una prestazione sociale',
          },
        ],
      },
    });
    expect(esiti.statusCode, esiti.body).toBe(204);
    const refused = await call(admin, 'GET', '/api/siuss/records?state=refused');
    expect(refused.json()).toEqual([
      expect.objectContaining({
        idFlusso: flows[0]!.id_flusso,
        esito: expect.objectContaining({
          description: 'In cooperazione è possibile inviare solo un beneficiario e una prestazione sociale',
        }),
      }),
    ]);
  });
});
