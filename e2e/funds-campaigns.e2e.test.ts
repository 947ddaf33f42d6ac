import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { pdfText } from '../server/src/test/pdf-text.js';
import { expectNoAxeViolations, logIn, openPage, PHONE } from './harness/browser.js';

describe('campaigns and donations in the browser', () => {
  it('shows every campaign’s live figures, at desktop and on a phone', async () => {
    for (const viewport of [undefined, PHONE]) {
      const admin = await openPage({ viewport });
      await logIn(admin, 'amministratore');
      await admin.goto('/fondi');
      await admin.getByRole('link', { name: 'Campagne di raccolta fondi' }).click();
      await admin.getByRole('heading', { level: 1, name: 'Campagne di raccolta fondi' }).waitFor();
      const fareLegami = admin.getByRole('row').filter({ hasText: 'Fare Legami' });
      await expect.poll(() => fareLegami.textContent()).toMatch(/2\.?289/);
      expect(await fareLegami.textContent()).toContain('42.708,00');
      expect(await fareLegami.textContent()).toContain('324');
      expect(
        await admin.getByRole('row').filter({ hasText: 'IT32 E050 3411 4010 0000 0191 919' }).count(),
      ).toBe(1);
      await expectNoAxeViolations(admin);
      await admin.context().close();
    }
  });

  it('shows the project’s budget line fed by the campaign’s donations', async () => {
    const admin = await openPage();
    await logIn(admin, 'amministratore');
    await admin.goto('/fondi/campagne');
    await admin.getByRole('link', { name: 'Fare Legami — raccolta fondi prima annualità' }).click();
    const section = admin.getByRole('region', { name: 'Voce di budget delle donazioni' });
    const label = 'Fondazione Comunitaria della Provincia di Cremona — Anni 2–3 — donazioni';
    await section.getByRole('link', { name: label }).waitFor();
    const figure = (scope: typeof section, term: string) =>
      scope.locator('dt', { hasText: new RegExp(`^${term}$`) }).locator('xpath=following-sibling::dd[1]');
    const budget = await figure(section, 'Budget').textContent();
    expect(budget).toMatch(/^[\d.]+,\d\d\s€$/);
    await expectNoAxeViolations(admin);
    // The same line, opened from the campaign: the same budget.
    await section.getByRole('link', { name: label }).click();
    await admin.getByRole('heading', { level: 1, name: label }).waitFor();
    await expect.poll(() => figure(admin.locator('main'), 'Budget').textContent()).toBe(budget);
  });

  it('records a donation, downloads its receipt, imports a statement and matches the open credit', async () => {
    const admin = await openPage();
    await logIn(admin, 'amministratore');
    await admin.goto('/fondi/campagne');
    await admin
      .getByRole('link', { name: /CremonAiuta/ })
      .first()
      .click();
    await admin.getByRole('heading', { level: 2, name: 'Cifre della campagna' }).waitFor();
    await expectNoAxeViolations(admin);
    const donors = admin.locator('dt', { hasText: /^Donatori$/ }).locator('xpath=following-sibling::dd[1]');
    const before = Number((await donors.textContent())!.replace(/\D/g, ''));

    await admin.getByLabel(/^Importo \(euro\)/).fill('37,50');
    await admin.getByLabel('Donatore', { exact: true }).selectOption('person');
    await admin.getByLabel(/^Nome e cognome o ragione sociale/).fill('Donatrice di Prova Browser');
    await admin.getByRole('button', { name: 'Registra la donazione' }).click();
    await admin.getByText('Donazione registrata.').waitFor();
    await expect.poll(async () => Number((await donors.textContent())!.replace(/\D/g, ''))).toBe(before + 1);
    await expectNoAxeViolations(admin);

    const [receipt] = await Promise.all([
      admin.waitForEvent('download'),
      admin.getByRole('link', { name: /Donatrice di Prova Browser/ }).click(),
    ]);
    const pdf = await readFile((await receipt.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfText(pdf)).toContain('37,50');

    await admin.getByLabel('File CSV dell’estratto conto').setInputFiles({
      name: 'estratto.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Data contabile;Importo;Descrizione\n15/04/2020;12,34;Bonifico da sconosciuto\n'),
    });
    await admin.getByRole('button', { name: 'Importa l’estratto conto' }).click();
    await admin.getByText(/Righe lette: 1/).waitFor();
    const open = admin.getByRole('button', { name: /Abbina l’accredito .*12,34/ });
    await open.waitFor();
    await expectNoAxeViolations(admin);
    await open.click();
    await admin.getByText('Accredito abbinato.').waitFor();
    await expect.poll(() => open.count()).toBe(0);
    await admin.setViewportSize(PHONE);
    await expectNoAxeViolations(admin);
  });
});

describe('import of budget lines and expenses in the browser', () => {
  it('uploads a file, follows its progress and lists the refused rows with the reason', async () => {
    const admin = await openPage();
    await logIn(admin, 'amministratore');
    await admin.goto('/fondi');
    await admin.getByRole('link', { name: 'Fare Legami', exact: true }).click();
    await admin.getByRole('link', { name: 'Importa voci e spese' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Importa voci e spese — Fare Legami' }).waitFor();
    await expectNoAxeViolations(admin);
    await admin.getByLabel('File CSV o Excel (.xlsx)').setInputFiles({
      name: 'voci.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        [
          'tipo;voce;importo;fonte;data;fornitore',
          'voce;Voce importata dal browser;500,00;donazioni;;',
          'spesa;Voce importata dal browser;800,00;;01/06/2018;Tipografia',
          'spesa;Voce importata dal browser;200,00;;02/06/2018;Tipografia',
        ].join('\n'),
      ),
    });
    await admin.getByRole('button', { name: 'Carica e importa' }).click();
    await admin.getByText('Importazione conclusa: 2 righe registrate, 1 riga scartata.').waitFor();
    const refused = admin.getByRole('row').filter({ hasText: 'Restano € 500,00' });
    expect(await refused.count()).toBe(1);
    expect(await refused.textContent()).toContain('3');
    await expectNoAxeViolations(admin);
    await admin.setViewportSize(PHONE);
    await expectNoAxeViolations(admin);
  });
});

describe('spending of the PNRR allocation', () => {
  it('shows the spending by comune on the map and by sub-ambito and comune in the tables', async () => {
    const admin = await openPage({ viewport: PHONE });
    await logIn(admin, 'amministratore');
    await admin.goto('/fondi');
    await admin
      .getByRole('link', { name: 'PNRR domiciliarità anziani fragili — Ambito Cremasco' })
      .last()
      .click();
    await admin.getByRole('heading', { level: 2, name: 'Sub-ambiti' }).waitFor();
    const groups = admin.locator('table').first();
    expect(await groups.locator('tbody tr').count()).toBe(6);
    expect(await groups.locator('thead').textContent()).toContain('% speso');
    await admin.getByText('Percentuale spesa da ogni comune').first().waitFor();
    await expectNoAxeViolations(admin);
  });

  it('lets a comune’s social services find their share and the expense form, on a phone', async () => {
    const worker = await openPage({ viewport: PHONE });
    await logIn(worker, 'assistente_sociale.crema');
    await worker.goto('/fondi');
    await worker.getByRole('heading', { level: 2, name: 'Le voci di budget su cui spendi' }).waitFor();
    await expectNoAxeViolations(worker);
    const share = worker.getByRole('link', { name: /Crema/ }).first();
    await share.click();
    await worker.getByRole('heading', { level: 2, name: 'Registra una spesa' }).waitFor();
    await expectNoAxeViolations(worker);
  });
});
