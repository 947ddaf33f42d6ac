import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { sql } from '../../platform/db/database.js';
import { dateInRome } from '../../platform/time.js';
import { CREMONA, setupTestEnv } from '../../test/harness.js';

/*
 * The steering room's export is what Italian Excel opens in columns (`;`, BOM) or an XLSX beside
 * it, with every figure of the page — money and open requests by comune too — named in the
 * reader's language.
 */

const env = await setupTestEnv({ jobs: false });
const admin = await env.loginAs('amministratore', { type: 'ambito', id: 'CREMONA' });
const volunteer = await env.buildVolunteer({ organizationId: null });
const today = dateInRome();

for (let i = 0; i < 2; i += 1) {
  const person = await env.buildPerson();
  await env.database.db.execute(sql`
    INSERT INTO help_requests (channel, beneficiary_id, comune_code, intervention_type_id, status, urgency)
    VALUES ('phone', ${person}, ${CREMONA}, 'home_meals', 'new', 'normal')`);
}
await env.database.db.execute(sql`
  INSERT INTO tasks (request_id, comune_code, intervention_type_id, due_date, status, volunteer_id, money_advanced_cents)
  SELECT id, comune_code, intervention_type_id, ${today}::date, 'done', ${volunteer}, 1250
  FROM help_requests LIMIT 1`);

const download = (path: string) =>
  env.app.inject({ method: 'GET', url: `/api/dashboard/${path}`, headers: admin.headers });

describe('the steering room’s export', () => {
  it('writes CSV for Italian Excel with the money and the open requests by comune, in Italian', async () => {
    const response = await download(`export.csv?date=${today}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="cabina-di-regia-${today}.csv"`,
    );
    const lines = response.body.split('\r\n');
    expect(lines[0]).toBe('\uFEFFSezione;Voce;Valore');
    expect(lines).toContain('Riepilogo;Richieste ricevute;2');
    expect(lines).toContain('Riepilogo;Denaro anticipato dai volontari (€);12,50');
    expect(lines).toContain('Riepilogo;Denaro da rimborsare (€);12,50');
    expect(lines).toContain('Richieste aperte per comune;Cremona;2');
    expect(lines).toContain('Richieste per urgenza;Normale;2');
    expect(response.body).not.toMatch(/;normal;/);
  });

  it('speaks English when asked', async () => {
    const lines = (await download(`export.csv?date=${today}&lang=en`)).body.split('\r\n');
    expect(lines[0]).toBe('\uFEFFSection;Item;Value');
    expect(lines).toContain('Requests by urgency;Normal;2');
    expect(lines).toContain('Summary;Money advanced by volunteers (€);12.50');
    expect(lines.some((l) => l.startsWith('Requests by type;') && !l.includes('Pasti'))).toBe(true);
  });

  it('gives the same figures as XLSX, amounts as numbers', async () => {
    const response = await download(`export.xlsx?date=${today}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Cabina di regia')!;
    const rows = sheet.getSheetValues().slice(1) as unknown[][];
    const values = rows.map((r) => r.slice(1));
    expect(values[0]).toEqual(['Sezione', 'Voce', 'Valore']);
    expect(values).toContainEqual(['Riepilogo', 'Denaro anticipato dai volontari (€)', 12.5]);
    expect(values).toContainEqual(['Richieste aperte per comune', 'Cremona', 2]);
    expect(values).toContainEqual(['Richieste per urgenza', 'Normale', 2]);
  });
});
