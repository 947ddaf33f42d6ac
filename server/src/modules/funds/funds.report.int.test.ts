import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../platform/context.js';
import { queryRows, sql } from '../../platform/db/database.js';
import { setupTestEnv } from '../../test/harness.js';
import { pdfText } from '../../test/pdf-text.js';
import { seedFundsDemo, type FundsDemoResult } from './index.js';

const env = await setupTestEnv();
let demo: FundsDemoResult;

beforeAll(async () => {
  const ctx = systemContext(env.database);
  demo = await env.database.db.transaction((tx) => seedFundsDemo(tx, ctx));
});

describe('the progress report of Fare Legami (seed 004)', () => {
  it('answers 401 without a session, 403 to a volunteer and 404 for an unknown project', async () => {
    const url = `/api/projects/${demo.fareLegamiId}/report`;
    expect((await env.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    const volunteer = await env.loginAs('volontario');
    expect((await env.app.inject({ method: 'GET', url, headers: volunteer.headers })).statusCode).toBe(403);
    const admin = await env.loginAs('amministratore', { type: 'all' });
    const missing = await env.app.inject({
      method: 'GET',
      url: '/api/projects/00000000-0000-4000-8000-000000000000/report',
      headers: admin.headers,
    });
    expect(missing.statusCode).toBe(404);
  });

  it('computes the seed’s totals per budget period from the budget lines', async () => {
    const admin = await env.loginAs('amministratore', { type: 'all' });
    const response = await env.app.inject({
      method: 'GET',
      url: `/api/projects/${demo.fareLegamiId}/report`,
      headers: admin.headers,
    });
    expect(response.statusCode).toBe(200);
    const report = response.json();
    expect(report.project).toMatchObject({
      title: 'Fare Legami',
      lead: 'Comune di Cremona',
      partnersCount: 13,
      adherentsCount: 69,
    });
    const [year1, years23] = report.totals.periods;
    expect(year1.label).toBe('Anno 1');
    expect(year1.totals.contributionCents).toBe(55_400_000);
    expect(years23).toMatchObject({
      label: 'Anni 2–3',
      totals: {
        contributionCents: 94_588_756,
        cofinancingCents: 77_733_500,
        donationsCents: 33_600_000,
        totalCents: 205_922_256,
      },
    });
    expect(report.totals.overall.contributionCents).toBe(55_400_000 + 94_588_756);
    const cremona = report.partners.find((p: { name: string }) => p.name === 'Comune di Cremona');
    // Year 1 €103,000 + €85,000, years 2–3 €102,000 + €134,700.
    expect(cremona.budget).toMatchObject({
      contributionCents: 10_300_000 + 10_200_000,
      cofinancingCents: 8_500_000 + 13_470_000,
    });
    expect(report.actions.map((a: { code: string; status: string }) => [a.code, a.status])).toEqual([
      ['1', 'in_progress'],
      ['2', 'in_progress'],
      ['2B', 'late'],
      ['3', 'not_started'],
      ['4', 'in_progress'],
      ['5', 'in_progress'],
    ]);
    const pacts = report.actions[0];
    expect(pacts.indicators[0]).toMatchObject({
      label: 'Patti seguiti nella città di Cremona',
      actualValue: 20,
    });
    expect(pacts.capCents).toBe(200_000);
    expect(report.actions[1].lines).toHaveLength(6);
    expect(report.campaigns[0]).toMatchObject({ donors: 2289, raisedCents: 4_270_800, contacts: 324 });
    expect(report.spending.spentCents).toBeGreaterThan(0);
    expect(report.spending.spentCents).toBe(
      report.actions.reduce((s: number, a: { spentCents: number }) => s + a.spentCents, 0),
    );
  });

  it('downloads the report as a PDF and as an XLSX with the same figures', async () => {
    const admin = await env.loginAs('amministratore', { type: 'all' });
    const pdf = await env.app.inject({
      method: 'GET',
      url: `/api/projects/${demo.fareLegamiId}/report?format=pdf`,
      headers: admin.headers,
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('945.887,56');
    expect(text).toContain('Patti con le imprese');

    const xlsx = await env.app.inject({
      method: 'GET',
      url: `/api/projects/${demo.fareLegamiId}/report?format=xlsx`,
      headers: admin.headers,
    });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const summary = wb.getWorksheet('Sintesi')!;
    const row = summary.getRows(1, 20)!.find((r) => r.getCell(1).value === 'Anni 2–3')!;
    expect(row.getCell(2).value).toBe(945_887.56);
    expect(row.getCell(4).value).toBe(336_000);
    expect(wb.getWorksheet('Aderenti')!.rowCount).toBe(70);
  });

  it('reports what changed since a date', async () => {
    const admin = await env.loginAs('amministratore', { type: 'all' });
    const report = (
      await env.app.inject({
        method: 'GET',
        url: `/api/projects/${demo.fareLegamiId}/report?since=2017-03-31`,
        headers: admin.headers,
      })
    ).json();
    const until = (
      await env.app.inject({
        method: 'GET',
        url: `/api/projects/${demo.fareLegamiId}/report?date=2017-03-31`,
        headers: admin.headers,
      })
    ).json();
    expect(report.spending.spentSinceCents).toBe(report.spending.spentCents - until.spending.spentCents);
    expect(report.spending.spentSinceCents).toBeGreaterThan(0);
  });
});

describe('the demo allocation and campaigns (seeds 002 and 000)', () => {
  it('splits €300,000 over six illustrative sub-ambiti and the 48 comuni, with some spending', async () => {
    const admin = await env.loginAs('amministratore', { type: 'all' });
    const allocation = (
      await env.app.inject({
        method: 'GET',
        url: `/api/allocations/${demo.pnrrAllocationId}`,
        headers: admin.headers,
      })
    ).json();
    expect(allocation.totalCents).toBe(30_000_000);
    expect(allocation.shares).toHaveLength(48);
    expect(allocation.groups).toHaveLength(6);
    expect(allocation.groups.every((g: { name: string }) => g.name.includes('illustrativo'))).toBe(true);
    expect(allocation.groups.reduce((s: number, g: { amountCents: number }) => s + g.amountCents, 0)).toBe(
      30_000_000,
    );
    expect(
      allocation.shares.filter((s: { spentCents: number }) => s.spentCents > 0).length,
    ).toBeGreaterThanOrEqual(3);
  });

  it('keeps the CremonAiuta account with its validated IBAN', async () => {
    const admin = await env.loginAs('amministratore', { type: 'all' });
    const campaign = (
      await env.app.inject({
        method: 'GET',
        url: `/api/campaigns/${demo.cremonAiutaCampaignId}`,
        headers: admin.headers,
      })
    ).json();
    expect(campaign).toMatchObject({ iban: 'IT32E0503411401000000191919', holder: 'Comune di Cremona' });
    const bad = await env.app.inject({
      method: 'POST',
      url: '/api/campaigns',
      headers: admin.headers,
      payload: {
        title: 'IBAN sbagliato',
        iban: 'IT33 E 05034 11401 000000191919',
        startsOn: '2026-01-01',
        comuneCode: '019036',
      },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error).toMatchObject({ code: 'IBAN_INVALID', details: { field: 'iban' } });
    const [row] = await queryRows<{ n: number }>(
      env.database.db,
      sql`SELECT count(*)::int AS n FROM fund_campaigns WHERE title = 'IBAN sbagliato'`,
    );
    expect(row!.n).toBe(0);
  });
});
