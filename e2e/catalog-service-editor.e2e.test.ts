import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiAs } from './harness/api.js';
import { contentWidth, expectNoAxeViolations, logIn, openPage, PHONE } from './harness/browser.js';

/*
 * The provider's service editor (issue 11) on a phone: the demo provider (Cooperativa sociale Igea,
 * Ambito Cremasco) proposes a service, is told next to the field what is wrong and nothing is
 * saved, fixes it, sees it awaiting moderation; once approved, a new price sends it back.
 */

interface ServiceView {
  id: string;
  name: string;
  status: string;
  listPriceCents: number;
  cappedPriceCents: number;
  comuni: { code: string }[];
  targetGroups: string[];
  requiredDocuments: string[];
}

const CREMA = '019035';
const NAME = 'Piccole riparazioni in casa per anziani';

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
}

/** The form group of a field: its label, the input and the message under it. */
const groupOf = (page: Page, id: string): Locator =>
  page.locator('.form-group').filter({ has: page.locator(`#${id}`) });

describe('the provider’s service editor', () => {
  it('on a phone: refuses a capped price above the list price next to the field, then proposes the service for moderation', async () => {
    const provider = await apiAs('fornitore');
    const countMine = async () =>
      (await provider.get<{ items: ServiceView[] }>('/api/catalog/managed-services?limit=200')).items.filter(
        (s) => s.name === NAME,
      ).length;
    expect(await countMine()).toBe(0);

    const page = await openPage({ viewport: PHONE });
    await logIn(page, 'fornitore');
    await page.goto('/fornitore');
    await page.getByRole('heading', { level: 1, name: 'Console del fornitore' }).waitFor();
    await page.getByRole('link', { name: 'Nuovo servizio' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nuovo servizio' }).waitFor();
    await page.getByText('Fornitore: Cooperativa sociale Igea').waitFor();
    await settle(page);
    await expectNoAxeViolations(page);

    await page.getByLabel(/^Categoria/).selectOption('assistenza_domiciliare');
    await page.getByLabel(/^Titolo/).fill(NAME);
    await page
      .getByLabel(/^Descrizione/)
      .fill('Un operatore esperto ripara rubinetti, prese e tapparelle a casa di persone anziane.');
    // Bootstrap Italia draws the box on the label: a person clicks that.
    await page.locator('label[for="service-target-anziani"]', { hasText: 'Anziani' }).click();
    await page.locator(`label[for="service-comune-${CREMA}"]`, { hasText: 'Crema' }).click();
    await page.getByLabel(/^Orari/).fill('Lunedì–venerdì 9:00–17:00');
    await page.getByLabel(/^Unità/).selectOption('hour');
    await page.getByLabel(/^Prezzo di listino/).fill('20,00');
    await page.getByLabel(/^Prezzo calmierato/).fill('25,00');
    await page.getByLabel(/^Documenti richiesti/).fill('Documento d’identità\nAttestazione ISEE');
    await page.getByRole('button', { name: 'Proponi il servizio' }).click();

    const capped = groupOf(page, 'service-capped-price');
    await capped.getByText('Il prezzo calmierato non può superare il prezzo di listino.').waitFor();
    expect(await page.getByLabel(/^Prezzo calmierato/).getAttribute('aria-invalid')).toBe('true');
    // Only that field is refused, and it has the focus.
    expect(await page.locator('.field-error').count()).toBe(1);
    expect(await page.locator('#service-capped-price:focus').count()).toBe(1);
    expect(await contentWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await expectNoAxeViolations(page);
    expect(await countMine()).toBe(0);

    await page.getByLabel(/^Prezzo calmierato/).fill('16,00');
    await page.getByRole('button', { name: 'Proponi il servizio' }).click();
    await page.getByRole('heading', { level: 1, name: 'Modifica il servizio' }).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: 'Servizio proposto: è in attesa di moderazione.' })
      .waitFor();
    const moderation = page.getByRole('region', { name: 'Stato di moderazione' });
    await moderation.getByText('In moderazione', { exact: true }).waitFor();
    await settle(page);
    await expectNoAxeViolations(page);
    expect(await contentWidth(page)).toBeLessThanOrEqual(PHONE.width);

    const id = new URL(page.url()).pathname.split('/').pop()!;
    expect(await provider.get<ServiceView>(`/api/services/${id}`)).toMatchObject({
      name: NAME,
      status: 'pending',
      listPriceCents: 2000,
      cappedPriceCents: 1600,
      comuni: [{ code: CREMA }],
      targetGroups: ['anziani'],
      requiredDocuments: ['Documento d’identità', 'Attestazione ISEE'],
    });
    expect(await countMine()).toBe(1);

    // Approved by the Ambito, then a new capped price: back to moderation, as the editor warned.
    const admin = await apiAs('amministratore');
    await admin.post(`/api/services/${id}/moderation`, { decision: 'approve' });
    await page.reload();
    await moderation.getByText('Pubblicato', { exact: true }).waitFor();
    await page.getByLabel(/^Prezzo calmierato/).fill('15,50');
    await page
      .getByRole('status')
      .filter({ hasText: /se cambi un prezzo torna in moderazione/ })
      .waitFor();
    await page.getByRole('button', { name: 'Salva le modifiche' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Modifiche salvate: il servizio è in attesa di moderazione.' })
      .waitFor();
    await moderation.getByText('In moderazione', { exact: true }).waitFor();
    await settle(page);
    await expectNoAxeViolations(page);
    expect(await provider.get<ServiceView>(`/api/services/${id}`)).toMatchObject({
      status: 'pending',
      cappedPriceCents: 1550,
    });

    await page.goto('/fornitore');
    const row = page.getByRole('row').filter({ hasText: NAME });
    await row.getByText('In moderazione', { exact: true }).waitFor();
    await row.getByRole('link', { name: `Modifica: ${NAME}` }).waitFor();
    await admin.dispose();
    await provider.dispose();
    await page.context().close();
  });
});
