import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pdfText } from '../server/src/test/pdf-text.js';
import { expectNoAxeViolations, logIn, openPage } from './harness/browser.js';

async function download(page: Page, linkName: string): Promise<Buffer> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: linkName }).click(),
  ]);
  return readFile((await file.path())!);
}

/**
 * The map by sub-ambito: the 48 comuni's areas, coloured only with the colours of the legend's six
 * sub-ambiti (a comune takes its sub-ambito's colour). Returns the legend's entries.
 */
async function expectSubAmbitoMap(page: Page, caption: string, entry: RegExp): Promise<string[]> {
  const map = page.locator('figure', { hasText: caption });
  await expect.poll(() => map.locator('path').count()).toBe(48);
  const fills = await map.locator('path').evaluateAll((paths) => paths.map((p) => p.getAttribute('fill')));
  const swatches = await map
    .locator('.share-swatch')
    .evaluateAll((items) => items.map((i) => i.getAttribute('data-color')));
  expect(swatches).toHaveLength(6);
  expect(fills.filter((f) => !swatches.includes(f))).toEqual([]);
  const entries = (await map.locator('li').allTextContents()).map((t) => t.trim());
  expect(entries).toHaveLength(6);
  for (const e of entries) expect(e).toMatch(entry);
  return entries;
}

describe('funds in the browser', () => {
  it('lets an administrator preview and confirm an allocation and see every comune’s share', async () => {
    const admin = await openPage();
    await logIn(admin, 'amministratore');
    await admin.goto('/fondi');
    await admin.getByRole('heading', { level: 1, name: 'Fondi e progetti' }).waitFor();
    await expectNoAxeViolations(admin);
    await admin.getByRole('link', { name: 'Nuovo riparto' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Riparto di fondi tra i comuni' }).waitFor();
    await admin.getByLabel(/^Importo da ripartire/).fill('300.000,00');
    await admin.getByRole('button', { name: 'Anteprima' }).click();
    await admin.getByText('Anteprima: nulla è ancora salvato.').waitFor();
    const shares = admin.locator('table').last().locator('tbody tr');
    await expect.poll(() => shares.count()).toBe(48);
    expect(await admin.getByRole('cell', { name: 'Crema', exact: true }).count()).toBe(1);
    await expectSubAmbitoMap(admin, 'Quota per residente di ogni sub-ambito', /^.+: [\d.]+,\d\d\s€$/);
    await expectNoAxeViolations(admin);
    await admin.getByRole('button', { name: 'Conferma il riparto' }).click();
    await admin.getByText('Riparto confermato: una voce di budget per ogni comune.').waitFor();
    expect(await shares.count()).toBe(48);
    await expectSubAmbitoMap(admin, 'Percentuale spesa da ogni sub-ambito', /^.+: 0 % speso$/);
    await expectNoAxeViolations(admin);
  });

  it('shows the demo’s PNRR spending by sub-ambito on the map, as in the sub-ambiti table', async () => {
    const admin = await openPage();
    await logIn(admin, 'amministratore');
    await admin.goto('/fondi');
    await admin.getByRole('link', { name: 'PNRR domiciliarità anziani fragili — Ambito Cremasco' }).click();
    await admin.getByRole('heading', { level: 2, name: 'Per sub-ambito' }).waitFor();
    const legend = await expectSubAmbitoMap(admin, 'Percentuale spesa da ogni sub-ambito', /% speso$/);
    // Each legend entry says the percentage of its row in the sub-ambiti table.
    const table = admin.getByRole('table', { name: 'Sub-ambiti' });
    for (const entry of legend) {
      const [name, percent] = entry.split(/: | % speso/);
      const row = table.getByRole('row').filter({ has: admin.getByRole('cell', { name, exact: true }) });
      expect(await row.locator('td').last().textContent()).toBe(`${percent} %`);
    }
    expect(legend.some((e) => !e.endsWith(': 0 % speso'))).toBe(true);
    await expectNoAxeViolations(admin);
  });

  it('refuses a partner’s expense over a personal budget’s cap with the remaining amount, next to the field', async () => {
    // The Comune di Cremona is Fare Legami’s lead partner: its social services spend the pacts’ budgets.
    const partner = await openPage();
    await logIn(partner, 'assistente_sociale');
    await partner.goto('/fondi');
    await partner.getByRole('link', { name: 'Fare Legami', exact: true }).click();
    await partner.getByRole('link', { name: 'Patto per l’inclusione n. 1 (Cremona)' }).click();
    await partner.getByRole('heading', { level: 1, name: 'Patto per l’inclusione n. 1 (Cremona)' }).waitFor();
    await expectNoAxeViolations(partner);
    await partner.getByLabel(/^Importo \(euro\)/).fill('2.500,00');
    await partner.getByLabel('Fornitore').fill('Negozio di prova');
    await partner.getByRole('button', { name: 'Registra la spesa' }).click();
    const error = partner.locator('#expense-amount-error');
    await expect
      .poll(() => error.textContent())
      .toMatch(/supera il tetto di € 2\.000,00\. Restano € [\d.]+,\d\d\./);
    expect(await partner.getByLabel(/^Importo \(euro\)/).getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(partner);
  });

  it('shows the progress report and downloads it as PDF and XLSX with the seed’s figures', async () => {
    const admin = await openPage();
    await logIn(admin, 'amministratore');
    await admin.goto('/fondi');
    await admin.getByRole('link', { name: 'Fare Legami', exact: true }).click();
    await admin.getByRole('heading', { level: 1, name: 'Stato di avanzamento — Fare Legami' }).waitFor();
    await admin.getByRole('cell', { name: 'Anni 2–3' }).waitFor();
    await expectNoAxeViolations(admin);
    const pdf = await download(admin, 'Scarica PDF');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfText(pdf)).toContain('945.887,56');
    const xlsx = await download(admin, 'Scarica XLSX');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
    const row = wb
      .getWorksheet('Sintesi')!
      .getRows(1, 20)!
      .find((r) => r.getCell(1).value === 'Anni 2–3')!;
    expect(row.getCell(3).value).toBe(777_335);
  });

  it('shows what changed since the previous report’s date, on the page and in the downloads', async () => {
    const admin = await openPage();
    await logIn(admin, 'amministratore');
    await admin.goto('/fondi');
    await admin.getByRole('link', { name: 'Fare Legami', exact: true }).click();
    await admin.getByRole('heading', { level: 1, name: 'Stato di avanzamento — Fare Legami' }).waitFor();
    const euros = (text: string | null) =>
      Number(/([\d.]+,\d\d)\s€/.exec(text ?? '')![1]!.replace(/\D/g, ''));
    const spent = euros(await admin.getByText(/^Speso: [\d.]+,\d\d\s€/).textContent());
    expect(spent).toBeGreaterThan(0);
    const since = admin.getByLabel('Cambiamenti dal');
    // Before the project began: everything spent is a change.
    await since.fill('2016-01-01');
    const change = admin.getByText(/^Speso dal .+: [\d.]+,\d\d\s€/);
    await expect.poll(async () => euros(await change.textContent())).toBe(spent);
    expect(await admin.getByRole('columnheader', { name: /^Speso dal / }).count()).toBe(1);
    await expectNoAxeViolations(admin);
    // After the last movement: nothing changed.
    await since.fill('2099-12-31');
    await expect.poll(async () => euros(await change.textContent())).toBe(0);
    const pdf = await download(admin, 'Scarica PDF');
    expect(pdfText(pdf)).toContain('variazioni dal 31/12/2099');
  });
});
