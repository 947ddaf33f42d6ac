import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../platform/context.js';
import { queryRows, sql } from '../../platform/db/database.js';
import { CREMA, setupTestEnv, type Session } from '../../test/harness.js';
import { seedFundsDemo, type FundsDemoResult } from './index.js';
import { FARE_LEGAMI_ADHERENTS } from './funds.demo.js';

const env = await setupTestEnv();
let demo: FundsDemoResult;

beforeAll(async () => {
  const ctx = systemContext(env.database);
  demo = await env.database.db.transaction((tx) => seedFundsDemo(tx, ctx));
});

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function upload(
  session: Session,
  body: Buffer | string,
  contentType: string,
  projectId = demo.fareLegamiId,
) {
  return env.app.inject({
    method: 'POST',
    url: `/api/projects/${projectId}/imports`,
    headers: { ...session.headers, 'content-type': contentType },
    payload: body,
  });
}

async function waitForImport(session: Session, importId: string) {
  for (let attempt = 0; attempt < 300; attempt++) {
    const response = await env.app.inject({
      method: 'GET',
      url: `/api/funds/imports/${importId}`,
      headers: session.headers,
    });
    expect(response.statusCode).toBe(200);
    const report = response.json();
    if (report.status !== 'running') return report;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the import did not finish');
}

async function linesNamed(label: string) {
  return queryRows<{
    id: string;
    budget_cents: string;
    cap_cents: string | null;
    comune_code: string | null;
  }>(
    env.database.db,
    sql`SELECT id, budget_cents::text, cap_cents::text, comune_code FROM fund_lines WHERE label = ${label}`,
  );
}

async function movementsOf(lineId: string) {
  return queryRows<{
    kind: string;
    amount_cents: string;
    supplier: string | null;
    recorded_by: string | null;
  }>(
    env.database.db,
    sql`SELECT kind, amount_cents::text, supplier, recorded_by FROM fund_movements WHERE line_id = ${lineId} ORDER BY occurred_on`,
  );
}

const HEADER = 'Tipo;Voce;Importo;Azione;Partner;Periodo;Fonte;Tetto;Comune;Data;Fornitore;Documento';

describe('import of budget lines and expenses (CSV)', () => {
  it('applies the good rows in the order of the file and refuses each bad one with its reason, writing nothing of it', async () => {
    const admin = await env.loginAs('amministratore', { type: 'all' });
    const csv = [
      HEADER,
      // 2: a line of the plan for a partner, with a cap.
      'voce;Laboratorio importato;1.000,00;2;Comune di Crema;Anni 2–3;contributo;1.000,00;;;;',
      // 3: an expense on the line created by row 2.
      'spesa;Laboratorio importato;400,00;;;;;;;10/03/2018;Cartoleria Rossi;FT 12/2018',
      // 4: over what the line has left: refused with the remaining amount.
      'spesa;Laboratorio importato;700,00;;;;;;;11/03/2018;Cartoleria Rossi;FT 13/2018',
      // 5: an adherent holds no budget.
      `voce;Voce di un aderente;500,00;2;${FARE_LEGAMI_ADHERENTS[0]};Anni 2–3;contributo;;;;;`,
      // 6: several problems at once.
      'boh;;dieci euro;;;;;;;;;',
      // 7: an expense on a line the project does not have.
      'spesa;Voce inesistente;10,00;;;;;;;10/03/2018;;',
      // 8: a commitment, then 9: a line of a comune written by name, with a cap over its budget refused.
      'impegno;Laboratorio importato;100,00;;;;;;;12/03/2018;Cartoleria Rossi;',
      'voce;Quota di Crema;300,00;;;;cofinanziamento;200,00;Crema;;;',
      // 10: the same line of a comune, right this time (ISTAT code without its leading zero, as Excel writes it).
      'voce;Quota di Crema;300,00;;;;cofinanziamento;;19035;;;',
    ].join('\n');
    const accepted = await upload(admin, csv, 'text/csv; charset=utf-8');
    expect(accepted.statusCode).toBe(202);
    const report = await waitForImport(admin, accepted.json().importId);
    expect(report).toMatchObject({
      status: 'done',
      projectId: demo.fareLegamiId,
      total: 9,
      processed: 9,
      created: 4,
      rejected: 5,
    });
    expect(report.rows.map((r: { row: number; status: string }) => [r.row, r.status])).toEqual([
      [2, 'created'],
      [3, 'created'],
      [4, 'rejected'],
      [5, 'rejected'],
      [6, 'rejected'],
      [7, 'rejected'],
      [8, 'created'],
      [9, 'rejected'],
      [10, 'created'],
    ]);
    const reason = (row: number) => report.rows.find((r: { row: number }) => r.row === row).reason as string;
    expect(reason(4)).toBe(
      'Colonna «importo»: Spesa rifiutata: supera il tetto di € 1.000,00. Restano € 600,00.',
    );
    expect(reason(5)).toContain('Colonna «partner»');
    expect(reason(5)).toContain('è un aderente');
    expect(reason(6)).toContain('Colonna «tipo»: valore «boh» non valido');
    expect(reason(6)).toContain('Colonna «voce»: è obbligatoria ed è vuota.');
    expect(reason(6)).toContain('Colonna «importo»: «dieci euro» non è un importo in euro');
    expect(reason(7)).toBe('Colonna «voce»: nessuna voce «Voce inesistente» nel progetto.');
    expect(reason(9)).toMatch(/^Colonna «importo»: Il budget supera il tetto di € 200,00/);

    const [lab] = await linesNamed('Laboratorio importato');
    expect(lab).toMatchObject({ budget_cents: '100000', cap_cents: '100000', comune_code: null });
    const movements = await movementsOf(lab!.id);
    expect(movements.map((m) => [m.kind, m.amount_cents, m.supplier])).toEqual([
      ['expense', '40000', 'Cartoleria Rossi'],
      ['commitment', '10000', 'Cartoleria Rossi'],
    ]);
    expect(movements.every((m) => m.recorded_by === admin.userId)).toBe(true);
    expect(report.rows[0].lineId).toBe(lab!.id);
    expect(report.rows[1].movementId).not.toBeNull();
    // Refused rows left nothing behind; the comune's line is there once, from row 10.
    expect(await linesNamed('Voce di un aderente')).toEqual([]);
    expect(await linesNamed('Quota di Crema')).toEqual([
      expect.objectContaining({ budget_cents: '30000', comune_code: CREMA }),
    ]);
    // Each written row is audited as the uploader, with the job that wrote it.
    const audited = await queryRows<{ action: string; actor_user_id: string; request_id: string }>(
      env.database.db,
      sql`SELECT action, actor_user_id, request_id FROM audit_events
          WHERE entity_id IN (${lab!.id}, ${report.rows[1].movementId}) ORDER BY id`,
    );
    expect(audited.map((a) => a.action)).toEqual(['fund.line.create', 'fund.movement.create']);
    expect(audited.every((a) => a.actor_user_id === admin.userId && a.request_id.startsWith('job:'))).toBe(
      true,
    );
    const [stored] = await queryRows<{ pending: number; with_data: number }>(
      env.database.db,
      sql`SELECT count(*) FILTER (WHERE status = 'pending')::int AS pending, count(data)::int AS with_data
          FROM fund_import_rows WHERE import_id = ${accepted.json().importId}`,
    );
    expect(stored).toEqual({ pending: 0, with_data: 0 });
  });

  it('lets a district administrator import only inside the district', async () => {
    const [cremasco] = await queryRows<{ id: string }>(
      env.database.db,
      sql`SELECT ambito_id AS id FROM comuni WHERE istat_code = ${CREMA}`,
    );
    const district = await env.loginAs('amministratore', { type: 'ambito', id: cremasco!.id });
    const csv = [
      HEADER,
      'voce;Voce del progetto;100,00;;;;contributo;;;;;',
      'voce;Voce di Cremona;100,00;;;;contributo;;Cremona;;;',
      'voce;Voce del distretto;100,00;;;;contributo;;Crema;;;',
    ].join('\n');
    const report = await waitForImport(district, (await upload(district, csv, 'text/csv')).json().importId);
    expect(report.rows.map((r: { status: string }) => r.status)).toEqual(['rejected', 'rejected', 'created']);
    expect(report.rows[0].reason).toContain('Colonna «comune»');
    expect(report.rows[1].reason).toBe('Colonna «comune»: il comune non è nel tuo territorio di competenza.');
    expect(await linesNamed('Voce del progetto')).toEqual([]);
    expect(await linesNamed('Voce di Cremona')).toEqual([]);
    expect(await linesNamed('Voce del distretto')).toHaveLength(1);
  });
});

describe('import of budget lines and expenses (XLSX)', () => {
  it('reads the first worksheet, dates and numbers as Excel stores them', async () => {
    const admin = await env.loginAs('amministratore', { type: 'all' });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Spese');
    sheet.addRow(['tipo', 'voce', 'importo', 'fonte', 'data', 'fornitore']);
    sheet.addRow(['voce', 'Voce da Excel', 2500.5, 'donazioni', null, null]);
    sheet.addRow(['spesa', 'Voce da Excel', 1234.56, null, new Date(Date.UTC(2018, 4, 20)), 'Tipografia']);
    sheet.addRow(['spesa', 'Voce da Excel', 10, null, 'trenta febbraio', null]);
    const accepted = await upload(admin, Buffer.from(await workbook.xlsx.writeBuffer()), XLSX);
    expect(accepted.statusCode).toBe(202);
    const report = await waitForImport(admin, accepted.json().importId);
    expect(report).toMatchObject({ status: 'done', created: 2, rejected: 1 });
    expect(report.rows[2]).toMatchObject({
      row: 4,
      status: 'rejected',
      reason: 'Colonna «data»: data non valida, scrivila come GG/MM/AAAA.',
    });
    const [line] = await linesNamed('Voce da Excel');
    expect(line!.budget_cents).toBe('250050');
    const [expense] = await queryRows<{ amount_cents: string; occurred_on: string }>(
      env.database.db,
      sql`SELECT amount_cents::text, occurred_on::text FROM fund_movements WHERE line_id = ${line!.id}`,
    );
    expect(expense).toEqual({ amount_cents: '123456', occurred_on: '2018-05-20' });
  });
});

describe('refusals of an import', () => {
  it('answers 401, 403 before reading, 415 for another file type, 422 for a bad header and 404 for an unknown project, saving nothing', async () => {
    const count = async () =>
      (await queryRows<{ n: number }>(env.database.db, sql`SELECT count(*)::int AS n FROM fund_imports`))[0]!
        .n;
    const before = await count();
    const csv = `${HEADER}\nvoce;X;1,00;;;;contributo;;;;;\n`;
    const anonymous = await env.app.inject({
      method: 'POST',
      url: `/api/projects/${demo.fareLegamiId}/imports`,
      headers: { 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(anonymous.statusCode).toBe(401);
    const volunteer = await env.loginAs('volontario');
    expect((await upload(volunteer, csv, 'text/csv')).statusCode).toBe(403);
    const admin = await env.loginAs('amministratore', { type: 'all' });
    const pdf = await upload(admin, '%PDF-1.4', 'application/pdf');
    expect(pdf.statusCode).toBe(415);
    const header = await upload(admin, 'tipo;importo;colore\nvoce;1,00;blu\n', 'text/csv');
    expect(header.statusCode).toBe(422);
    expect(header.json().error.code).toBe('IMPORT_COLUMNS');
    expect(header.json().error.message).toContain('mancano le colonne obbligatorie «voce»');
    expect(header.json().error.message).toContain('colonna «colore» non prevista');
    const empty = await upload(admin, `${HEADER}\n`, 'text/csv');
    expect(empty.json().error).toMatchObject({ code: 'IMPORT_EMPTY' });
    const unknown = await upload(admin, csv, 'text/csv', '00000000-0000-4000-8000-000000000000');
    expect(unknown.statusCode).toBe(404);
    expect(await count()).toBe(before);
  });

  it('shows an import to its uploader only', async () => {
    const admin = await env.loginAs('amministratore', { type: 'all' });
    const accepted = await upload(
      admin,
      `${HEADER}\nvoce;Voce riservata;1,00;;;;contributo;;;;;\n`,
      'text/csv',
    );
    const other = await env.loginAs('amministratore', { type: 'all' });
    const seen = await env.app.inject({
      method: 'GET',
      url: `/api/funds/imports/${accepted.json().importId}`,
      headers: other.headers,
    });
    expect(seen.statusCode).toBe(404);
    await waitForImport(admin, accepted.json().importId);
  });
});
