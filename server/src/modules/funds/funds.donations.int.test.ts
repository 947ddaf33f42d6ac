import { describe, expect, it } from 'vitest';
import { queryRows, sql } from '../../platform/db/database.js';
import { CREMONA, setupTestEnv } from '../../test/harness.js';
import { pdfText } from '../../test/pdf-text.js';

const env = await setupTestEnv({ jobs: false });
const admin = await env.loginAs('amministratore', { type: 'ambito', id: 'CREMONA' });
const cremasco = await env.loginAs('amministratore', { type: 'ambito', id: 'CREMA' });

async function post(url: string, payload: object, session = admin) {
  return env.app.inject({ method: 'POST', url, headers: session.headers, payload });
}

async function newCampaign(title: string): Promise<string> {
  const response = await post('/api/campaigns', {
    title,
    iban: 'IT32 E 05034 11401 000000191919',
    holder: 'Comune di Cremona',
    startsOn: '2020-03-20',
    comuneCode: CREMONA,
  });
  expect(response.statusCode).toBe(201);
  return response.json().id;
}

async function uploadStatement(campaignId: string, csv: string, session = admin) {
  return env.app.inject({
    method: 'POST',
    url: `/api/campaigns/${campaignId}/bank-statements`,
    headers: { ...session.headers, 'content-type': 'text/csv' },
    payload: Buffer.from(csv, 'utf8'),
  });
}

const count = async (table: 'fund_donations' | 'fund_bank_lines' | 'fund_donors', campaignId?: string) => {
  const where = campaignId && table !== 'fund_donors' ? sql`WHERE campaign_id = ${campaignId}` : sql``;
  const [row] = await queryRows<{ n: number }>(
    env.database.db,
    sql`SELECT count(*)::int AS n FROM ${sql.raw(table)} ${where}`,
  );
  return row!.n;
};

const STATEMENT = [
  'Data contabile;Data valuta;Importo;Divisa;Descrizione',
  '02/04/2020;01/04/2020;50,00;EUR;BONIFICO A VOSTRO FAVORE DA ROSSI MARIA CAUSALE CREMONAIUTA',
  '03/04/2020;03/04/2020;-12,50;EUR;COMMISSIONI',
  '06/04/2020;06/04/2020;25,00;EUR;BONIFICO DA VERDI ANNA',
].join('\n');

describe('donations', () => {
  it('records a gift with a new donor, lists it with the campaign’s live figures, and audits both', async () => {
    const campaignId = await newCampaign('Donazioni di prova 1');
    const created = await post(`/api/campaigns/${campaignId}/donations`, {
      channel: 'cash',
      amountCents: 2000,
      receivedOn: '2020-04-04',
      donor: { kind: 'person', name: '  Luca Bianchi ', email: 'luca@example.org', consentContact: true },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      amountCents: 2000,
      channel: 'cash',
      donor: { name: 'Luca Bianchi', consentContact: true },
      reconciledAt: null,
      receiptNumber: null,
    });
    await post(`/api/campaigns/${campaignId}/donations`, {
      channel: 'cash',
      amountCents: 500,
      receivedOn: '2020-04-04',
    });

    const campaign = await env.app.inject({
      method: 'GET',
      url: `/api/campaigns/${campaignId}`,
      headers: admin.headers,
    });
    expect(campaign.json()).toMatchObject({ donors: 2, raisedCents: 2500, contacts: 1, donations: 2 });
    const list = await env.app.inject({
      method: 'GET',
      url: `/api/campaigns/${campaignId}/donations`,
      headers: admin.headers,
    });
    expect(
      list
        .json()
        .map((d: { amountCents: number }) => d.amountCents)
        .sort(),
    ).toEqual([2000, 500].sort());
    const [entry] = await queryRows<{ details: { donationIds: string[] } }>(
      env.database.db,
      sql`SELECT details FROM audit_events WHERE action = 'fund.donation.list' AND entity_id = ${campaignId}`,
    );
    expect(entry!.details.donationIds).toHaveLength(2);
  });

  it('refuses bad input with a 4xx and saves nothing', async () => {
    const campaignId = await newCampaign('Donazioni di prova 2');
    const before = await count('fund_donors');
    const cases: object[] = [
      { channel: 'cash', amountCents: 0, receivedOn: '2020-04-04' },
      { channel: 'cheque', amountCents: 100, receivedOn: '2020-04-04' },
      {
        channel: 'cash',
        amountCents: 100,
        receivedOn: '2020-04-04',
        donor: { kind: 'person', name: '   ', consentContact: false },
      },
      {
        channel: 'cash',
        amountCents: 100,
        receivedOn: '2020-04-04',
        donorId: '00000000-0000-4000-8000-000000000000',
      },
    ];
    for (const payload of cases) {
      const response = await post(`/api/campaigns/${campaignId}/donations`, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBeGreaterThanOrEqual(400);
      expect(response.statusCode).toBeLessThan(500);
    }
    expect(await count('fund_donations', campaignId)).toBe(0);
    expect(await count('fund_donors')).toBe(before);
  });

  it('keeps another Ambito’s campaign and donations out of reach (404) and a volunteer out (403)', async () => {
    const campaignId = await newCampaign('Donazioni di prova 3');
    const foreign = await post(
      `/api/campaigns/${campaignId}/donations`,
      { channel: 'cash', amountCents: 100, receivedOn: '2020-04-04' },
      cremasco,
    );
    expect(foreign.statusCode).toBe(404);
    expect((await uploadStatement(campaignId, STATEMENT, cremasco)).statusCode).toBe(404);
    const volunteer = await env.loginAs('volontario');
    const list = await env.app.inject({
      method: 'GET',
      url: `/api/campaigns/${campaignId}/donations`,
      headers: volunteer.headers,
    });
    expect(list.statusCode).toBe(403);
    expect(await count('fund_donations', campaignId)).toBe(0);
  });
});

describe('bank statement reconciliation', () => {
  it('matches transfers recorded by hand, leaves the rest to the operator, and re-imports without duplicates', async () => {
    const campaignId = await newCampaign('Donazioni di prova 4');
    const rossi = (
      await post(`/api/campaigns/${campaignId}/donations`, {
        channel: 'bank_transfer',
        amountCents: 5000,
        receivedOn: '2020-04-01',
        donor: { kind: 'person', name: 'Maria Rossi', consentContact: false },
      })
    ).json();

    const first = await uploadStatement(campaignId, STATEMENT);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      lines: 2,
      newLines: 2,
      alreadyImported: 0,
      matched: 1,
      problems: [],
    });
    expect(first.json().unmatched).toEqual([
      expect.objectContaining({ amountCents: 2500, description: 'BONIFICO DA VERDI ANNA' }),
    ]);
    const reconciled = (
      await env.app.inject({
        method: 'GET',
        url: `/api/campaigns/${campaignId}/donations`,
        headers: admin.headers,
      })
    ).json();
    expect(reconciled.find((d: { id: string }) => d.id === rossi.id).reconciledAt).not.toBeNull();

    const again = await uploadStatement(campaignId, STATEMENT);
    expect(again.json()).toMatchObject({ lines: 2, newLines: 0, alreadyImported: 2, matched: 0 });
    expect(await count('fund_bank_lines', campaignId)).toBe(2);

    // The operator makes the unmatched transfer a donation; the line and the gift are then one.
    const open = first.json().unmatched[0];
    const matched = await post(`/api/bank-lines/${open.id}/match`, {
      newDonation: { donor: { kind: 'person', name: 'Anna Verdi', consentContact: true } },
    });
    expect(matched.statusCode).toBe(200);
    expect(matched.json()).toMatchObject({
      amountCents: 2500,
      channel: 'bank_transfer',
      receivedOn: '2020-04-06',
    });
    expect(matched.json().reconciledAt).not.toBeNull();
    const twice = await post(`/api/bank-lines/${open.id}/match`, { donationId: rossi.id });
    expect(twice.statusCode).toBe(409);
    const lines = await env.app.inject({
      method: 'GET',
      url: `/api/campaigns/${campaignId}/bank-lines?open=true`,
      headers: admin.headers,
    });
    expect(lines.json()).toEqual([]);
  });

  it('refuses a manual match of a different amount and a file that is not a statement', async () => {
    const campaignId = await newCampaign('Donazioni di prova 5');
    const gift = (
      await post(`/api/campaigns/${campaignId}/donations`, {
        channel: 'bank_transfer',
        amountCents: 9900,
        receivedOn: '2020-04-06',
      })
    ).json();
    const imported = (await uploadStatement(campaignId, STATEMENT)).json();
    const line = imported.unmatched.find((l: { amountCents: number }) => l.amountCents === 2500);
    const wrong = await post(`/api/bank-lines/${line.id}/match`, { donationId: gift.id });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.code).toBe('BANK_AMOUNT_MISMATCH');

    const notAStatement = await uploadStatement(campaignId, 'Nome;Cognome\nMaria;Rossi\n');
    expect(notAStatement.statusCode).toBe(422);
    expect(notAStatement.json().error.code).toBe('STATEMENT_UNREADABLE');
  });
});

describe('receipts', () => {
  it('numbers a receipt once and prints the amount in figures and in words', async () => {
    const campaignId = await newCampaign('Donazioni di prova 6');
    const gift = (
      await post(`/api/campaigns/${campaignId}/donations`, {
        channel: 'bank_transfer',
        amountCents: 4270800,
        receivedOn: '2020-05-04',
        donor: { kind: 'company', name: 'Coop Lombardia', taxCode: '00000000000', consentContact: false },
      })
    ).json();
    const first = await env.app.inject({
      method: 'GET',
      url: `/api/donations/${gift.id}/receipt`,
      headers: admin.headers,
    });
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toBe('application/pdf');
    const text = pdfText(first.rawPayload);
    expect(text).toContain('quarantaduemilasettecentotto/00');
    expect(text).toContain('Coop Lombardia');
    const number = Number(/ricevuta-(\d+)\.pdf/.exec(String(first.headers['content-disposition']))![1]);
    const second = await env.app.inject({
      method: 'GET',
      url: `/api/donations/${gift.id}/receipt`,
      headers: admin.headers,
    });
    expect(String(second.headers['content-disposition'])).toContain(`ricevuta-${number}.pdf`);
    const foreign = await env.app.inject({
      method: 'GET',
      url: `/api/donations/${gift.id}/receipt`,
      headers: cremasco.headers,
    });
    expect(foreign.statusCode).toBe(404);
  });
});
