import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { queryRows, sql } from '../../platform/db/database.js';
import { setupTestEnv, type Session } from '../../test/harness.js';
import { auditActions, buildProvider, count, CREMA, loginMember } from '../../test/catalog-factories.js';

const env = await setupTestEnv();

const upload = (session: Session, providerId: string, body: string | Buffer, type: string) =>
  env.app.inject({
    method: 'POST',
    url: `/api/catalog/imports?providerId=${providerId}`,
    headers: { ...session.headers, 'content-type': type },
    payload: body,
  });

async function waitForImport(session: Session, importId: string) {
  for (let attempt = 0; attempt < 200; attempt++) {
    const response = await env.app.inject({
      method: 'GET',
      url: `/api/catalog/imports/${importId}`,
      headers: session.headers,
    });
    expect(response.statusCode).toBe(200);
    const report = response.json();
    if (report.status !== 'running') return report;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the import did not finish');
}

async function providerStaff() {
  const providerId = await buildProvider(env, { comuni: [CREMA] });
  const staff = await loginMember(env, {
    role: 'fornitore',
    organizationId: providerId,
    scope: { type: 'ambito', id: 'CREMA' },
  });
  return { providerId, staff };
}

const servicesOf = (providerId: string) =>
  queryRows<{
    name: string;
    status: string;
    list_price_cents: number;
    capped_price_cents: number;
    unit: string;
  }>(
    env.database.db,
    sql`SELECT name, status, list_price_cents, capped_price_cents, unit FROM catalog_services
        WHERE provider_id = ${providerId} ORDER BY name`,
  );

describe('importing services', () => {
  it('imports a plain CSV row by row: good rows wait for moderation, each bad one says which column', async () => {
    const { providerId, staff } = await providerStaff();
    const csv = [
      // Headers as people type them, comuni as a spreadsheet keeps them (the shared import readers).
      'Nome;Descrizione;Categoria;Unità;Prezzo listino;Prezzo calmierato;Comuni;Destinatari;Documenti',
      'Pasti caldi a domicilio;Pranzo consegnato a casa dal lunedì al sabato;pasti_domicilio;pasto;9,00;7,50;crema (CR);anziani;ISEE|Documento',
      'Pulizie di casa;Pulizie ordinarie della casa per anziani soli;Sanificazioni e pulizie;ora;18;20;19035;;',
      'Trasloco;Trasporto di mobili e sgombero cantine;facchinaggio;ora;40;30;Cremona;;',
      'Sportello;Orientamento ai servizi del territorio;non esiste;prestazione;0;0;Crema;;',
    ].join('\n');
    const accepted = await upload(staff, providerId, csv, 'text/csv');
    expect(accepted.statusCode).toBe(202);
    const report = await waitForImport(staff, accepted.json().importId);
    expect(report).toMatchObject({
      status: 'done',
      fileKind: 'csv',
      total: 4,
      processed: 4,
      created: 1,
      rejected: 3,
    });
    expect(report.rows.map((r: { row: number; status: string }) => [r.row, r.status])).toEqual([
      [2, 'created'],
      [3, 'rejected'],
      [4, 'rejected'],
      [5, 'rejected'],
    ]);
    expect(report.rows[1].reason).toMatch(/prezzo calmierato/);
    expect(report.rows[2].reason).toMatch(/comuni in cui il fornitore non opera/);
    expect(report.rows[3].reason).toMatch(/^Colonna «categoria»/);
    expect(await servicesOf(providerId)).toEqual([
      {
        name: 'Pasti caldi a domicilio',
        status: 'pending',
        list_price_cents: 900,
        capped_price_cents: 750,
        unit: 'meal',
      },
    ]);
    expect(await auditActions(env, report.rows[0].serviceId)).toEqual(['service.create']);
    expect(await auditActions(env, report.id)).toEqual(['service.import']);
  });

  it('imports an HSDS 3.0 CSV data package: prices from the cost options, category from the taxonomy, comuni from the service areas', async () => {
    const { providerId, staff } = await providerStaff();
    const zip = zipSync({
      'pacchetto/datapackage.json': strToU8('{"name":"hsds","resources":[]}'),
      'pacchetto/services.csv': strToU8(
        'id,organization_id,name,description,status\n' +
          's1,o1,Assistenza domiciliare leggera,"Aiuto in casa, spesa e compagnia per anziani",active\n' +
          's2,o1,Servizio senza area,Servizio senza alcun comune indicato,active\n',
      ),
      'pacchetto/cost_options.csv': strToU8(
        'id,service_id,option,currency,amount,amount_description\n' +
          'c1,s1,Prezzo di listino,EUR,20,prezzo pieno all’ora\n' +
          'c2,s1,Prezzo calmierato,EUR,16.5,prezzo calmierato all’ora\n' +
          'c3,s2,Prezzo,EUR,10,a prestazione\n',
      ),
      'pacchetto/service_areas.csv': strToU8(
        'id,service_id,name,extent,extent_type\na1,s1,Crema,019035,name\n',
      ),
      'pacchetto/attributes.csv': strToU8(
        'id,link_id,taxonomy_term_id,link_type,link_entity\nt1,s1,term1,service_category,service\nt2,s2,term1,service_category,service\n',
      ),
      'pacchetto/taxonomy_terms.csv': strToU8(
        'id,code,name\nterm1,assistenza_domiciliare,Assistenza domiciliare\n',
      ),
      'pacchetto/required_documents.csv': strToU8('id,service_id,document\nd1,s1,Attestazione ISEE\n'),
    });
    const accepted = await upload(staff, providerId, Buffer.from(zip), 'application/zip');
    expect(accepted.statusCode).toBe(202);
    const report = await waitForImport(staff, accepted.json().importId);
    expect(report).toMatchObject({ status: 'done', fileKind: 'hsds', total: 2, created: 1, rejected: 1 });
    expect(report.rows[1]).toMatchObject({
      row: 3,
      status: 'rejected',
      reason: expect.stringMatching(/^Colonna «comuni»/),
    });
    expect(await servicesOf(providerId)).toEqual([
      {
        name: 'Assistenza domiciliare leggera',
        status: 'pending',
        list_price_cents: 2000,
        capped_price_cents: 1650,
        unit: 'hour',
      },
    ]);
  });

  it('refuses a file without the required columns, and a broken zip, saving nothing', async () => {
    const { providerId, staff } = await providerStaff();
    const before = await count(env, 'catalog_services');
    const columns = await upload(staff, providerId, 'nome;descrizione\nPasti;Pasti caldi\n', 'text/csv');
    expect(columns.statusCode).toBe(422);
    expect(columns.json().error).toMatchObject({ code: 'IMPORT_COLUMNS' });
    expect(columns.json().error.message).toMatch(/prezzo_listino/);
    const zip = await upload(staff, providerId, Buffer.from('not a zip'), 'application/zip');
    expect(zip.statusCode).toBe(422);
    const type = await upload(staff, providerId, '{}', 'application/json');
    expect(type.statusCode).toBe(415);
    const [imports] = await queryRows<{ n: number }>(
      env.database.db,
      sql`SELECT count(*)::int AS n FROM catalog_imports WHERE provider_id = ${providerId}`,
    );
    expect(imports!.n).toBe(0);
    expect(await count(env, 'catalog_services')).toBe(before);
  });

  it('refuses another provider’s import with 403, an import of someone else with 404, and a volunteer with 403', async () => {
    const { providerId, staff } = await providerStaff();
    const other = await providerStaff();
    const csv =
      'nome;categoria;prezzo_listino;prezzo_calmierato;comuni\nPasti caldi;pasti_domicilio;9;7;Crema\n';
    expect((await upload(other.staff, providerId, csv, 'text/csv')).statusCode).toBe(403);
    const volunteer = await env.loginAs('volontario');
    expect((await upload(volunteer, providerId, csv, 'text/csv')).statusCode).toBe(403);
    expect((await upload({ headers: {} } as Session, providerId, csv, 'text/csv')).statusCode).toBe(401);
    const accepted = await upload(staff, providerId, csv, 'text/csv');
    expect(accepted.statusCode).toBe(202);
    const id = accepted.json().importId;
    const stranger = await env.app.inject({
      method: 'GET',
      url: `/api/catalog/imports/${id}`,
      headers: other.staff.headers,
    });
    expect(stranger.statusCode).toBe(404);
    const report = await waitForImport(staff, id);
    // Descrizione is missing: the row says so, nothing else is wrong.
    expect(report.rows).toEqual([
      {
        row: 2,
        status: 'rejected',
        reason: expect.stringMatching(/^Colonna «descrizione»/),
        serviceId: null,
      },
    ]);
  });
});
