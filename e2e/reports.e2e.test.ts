import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pdfText } from '../server/src/test/pdf-text.js';
import { contentWidth, expectNoAxeViolations, logIn, openPage, PHONE } from './harness/browser.js';

// The demo's report year: last year, a full year of history.
const YEAR = new Date().getFullYear() - 1;
const TEXT = 'Nell’anno la rete di CremonAiuta ha raggiunto soprattutto persone anziane che vivono sole.';

/** The figure of a key-figures entry as the page shows it. */
async function keyFigure(page: Page, term: string): Promise<string> {
  const item = page.locator('dl.detail-list > div').filter({ has: page.getByText(term, { exact: true }) });
  return (await item.locator('dd').textContent())!.trim();
}

describe('the annual social report in the browser', () => {
  it('lets an administrator generate the Ambito Cremonese’s report, write a section, publish it and download the PDF', async () => {
    const admin = await openPage();
    await logIn(admin, 'amministratore');
    await admin.goto('/rapporto-sociale');
    await admin.getByRole('heading', { level: 1, name: 'Rapporto sociale annuale' }).waitFor();
    await admin.getByLabel('Anno').selectOption(String(YEAR));
    await admin.getByLabel('Territorio').selectOption('ambito-cremonese');
    await expectNoAxeViolations(admin);
    const versions = admin.locator('table tbody tr');
    const before = await versions.count();
    await admin.getByRole('button', { name: 'Genera il rapporto' }).click();
    // The job queue computes it; the page follows the progress until the draft is ready.
    await expect.poll(() => versions.count(), { timeout: 30_000 }).toBe(before + 1);
    const latest = admin.getByRole('link', { name: `Apri versione ${before + 1}` });
    await latest.waitFor({ timeout: 60_000 });
    await expectNoAxeViolations(admin);
    await latest.click();
    await admin
      .getByRole('heading', { level: 1, name: new RegExp(`Rapporto sociale ${YEAR} — .*Cremonese`) })
      .waitFor();
    const requests = await keyFigure(admin, 'Richieste di aiuto');
    expect(requests).toMatch(/^[1-9][\d.]*$/);
    await expectNoAxeViolations(admin);

    await admin.getByRole('textbox', { name: 'Introduzione' }).fill(TEXT);
    await admin.getByRole('button', { name: 'Salva i testi' }).click();
    await admin.getByText('Testi salvati.').waitFor();
    await admin.getByRole('heading', { level: 2, name: 'Introduzione' }).waitFor();
    await admin.getByRole('button', { name: 'Pubblica questa versione' }).click();
    await admin.getByRole('dialog').getByRole('button', { name: 'Pubblica questa versione' }).click();
    await admin.getByText(/Versione pubblicata il .*: non cambia più\./).waitFor();
    expect(await admin.getByRole('textbox', { name: 'Introduzione' }).count()).toBe(0);
    await expectNoAxeViolations(admin);

    const [file] = await Promise.all([
      admin.waitForEvent('download'),
      admin.getByRole('link', { name: 'Scarica il PDF' }).click(),
    ]);
    const pdf = await readFile((await file.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain(`Rapporto sociale ${YEAR}`);
    expect(text).toContain('Versione pubblicata');
    // The narrative wraps at the page's width: compare without the spaces.
    expect(text.replace(/\s/g, '')).toContain('laretediCremonAiutaharaggiuntosoprattutto');
    expect(text).toContain(`richieste ${requests}`);
    // Its own waits allow the job queue 90 s to generate the year on a loaded machine.
  }, 180_000);

  it('shows the published report to anyone, on a phone, with its map and tables', async () => {
    const page = await openPage({ viewport: PHONE });
    await page.goto(`/rapporti-sociali/${YEAR}/ambito-cremonese`);
    await page.getByRole('heading', { level: 1, name: new RegExp(`Rapporto sociale ${YEAR}`) }).waitFor();
    await page
      .getByRole('heading', { level: 2, name: 'Richieste ogni 1.000 residenti, per comune' })
      .waitFor();
    await page.getByText(TEXT).waitFor();
    await page.getByRole('link', { name: 'Scarica il PDF' }).waitFor();
    expect(await contentWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await expectNoAxeViolations(page);
  });
});
