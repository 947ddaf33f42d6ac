import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../server/src/test/pdf-text.js';
import { expectNoAxeViolations, launchBrowser, logIn, openPage } from './harness/browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

async function download(page: Page, linkName: string): Promise<Buffer> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: linkName }).click(),
  ]);
  return readFile((await file.path())!);
}

describe('funds in the browser', () => {
  it('lets an administrator preview and confirm an allocation and see every comune’s share', async () => {
    const admin = await openPage(browser);
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
    await expectNoAxeViolations(admin);
    await admin.getByRole('button', { name: 'Conferma il riparto' }).click();
    await admin.getByText('Riparto confermato: una voce di budget per ogni comune.').waitFor();
    expect(await shares.count()).toBe(48);
    await expectNoAxeViolations(admin);
  });

  it('refuses an expense over a personal budget’s cap with the remaining amount, next to the field', async () => {
    const admin = await openPage(browser);
    await logIn(admin, 'amministratore');
    await admin.goto('/fondi');
    await admin.getByRole('link', { name: 'Fare Legami', exact: true }).click();
    await admin.getByRole('link', { name: 'Patto per l’inclusione n. 1 (Cremona)' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Patto per l’inclusione n. 1 (Cremona)' }).waitFor();
    await expectNoAxeViolations(admin);
    await admin.getByLabel(/^Importo \(euro\)/).fill('2.500,00');
    await admin.getByLabel('Fornitore').fill('Negozio di prova');
    await admin.getByRole('button', { name: 'Registra la spesa' }).click();
    const error = admin.locator('#expense-amount-error');
    await expect
      .poll(() => error.textContent())
      .toMatch(/supera il tetto di € 2\.000,00\. Restano € [\d.]+,\d\d\./);
    expect(await admin.getByLabel(/^Importo \(euro\)/).getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(admin);
  });

  it('shows the progress report and downloads it as PDF and XLSX with the seed’s figures', async () => {
    const admin = await openPage(browser);
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
});
