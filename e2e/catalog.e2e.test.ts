import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiAs } from './harness/api.js';
import { contentWidth, expectNoAxeViolations, logIn, openPage, PHONE } from './harness/browser.js';

/*
 * The service catalogue (seed 001) in Chromium: a citizen of Crema on a phone finds home meals,
 * sees their own price, books and pays with the development payment provider; a welfare manager
 * books for an elderly citizen at a Cremona access point; a provider confirms and marks delivered.
 */

const DESKTOP = { width: 1280, height: 900 };

interface OrderView {
  id: string;
  personId: string;
  beneficiaryName: string;
  serviceName: string;
  channel: string;
  status: string;
  paymentStatus: string;
  totalCents: number;
  unitPriceCents: number;
  abilities: { confirm: boolean };
  payment: { noticeNumber: string } | null;
}

/** The text of an element with every space (Intl puts a no-break space before €) as a plain one. */
async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s/g, ' ');
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
}

async function searchFor(page: Page, words: string): Promise<void> {
  await page.getByLabel(/^Che cosa ti serve/).fill(words);
  await page.getByRole('button', { name: 'Cerca', exact: true }).click();
  await page.getByRole('heading', { level: 2, name: /servizi? trovat/ }).waitFor();
  await settle(page);
}

describe('the catalogue for a citizen', () => {
  it('on a phone: finds "pasti a domicilio" in Crema, sees their own price, books, fails a payment, pays, then cancels', async () => {
    const page = await openPage({ viewport: PHONE });
    await logIn(page, 'cittadino.crema');
    await page.getByRole('link', { name: /^Servizi del territorio/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Servizi del territorio' }).waitFor();
    await searchFor(page, 'pasti a domicilio Crema');
    const result = page.getByRole('article').filter({ hasText: 'Pasti a domicilio – Crema' }).first();
    // ISEE ordinario €9,800 on Crema's demo meal tariff: 4,18 € a meal instead of the capped 7,20 €.
    expect(await textOf(result)).toContain('Il tuo prezzo: 4,18 € a pasto');
    expect(await textOf(result)).toContain('Prezzo calmierato: 7,20 € a pasto');
    expect(await textOf(result)).toContain('Cooperativa sociale Igea');
    expect(await contentWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await expectNoAxeViolations(page);

    await result.getByRole('link', { name: 'Pasti a domicilio – Crema' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pasti a domicilio – Crema' }).waitFor();
    await settle(page);
    const cost = page.getByRole('region', { name: 'Quanto costa' });
    expect(await textOf(cost)).toContain('Il tuo prezzo: 4,18 € a pasto');
    expect(await textOf(cost)).toContain('fascia 2');
    expect(await textOf(cost)).toContain('Prezzo calmierato intero: 7,20 €');
    await page.getByRole('heading', { level: 2, name: 'Lo sportello più vicino' }).waitFor();
    expect(await contentWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'Prenota', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Prenota: Pasti a domicilio – Crema' }).waitFor();
    await page.getByLabel(/^Quanti \(pasti\)/).fill('10');
    await page.getByText(/Totale stimato: 41,80\s€/).waitFor();
    await settle(page);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Conferma la prenotazione' }).click();

    await page.getByRole('heading', { level: 1, name: 'Ordine: Pasti a domicilio – Crema' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Prenotazione registrata.' }).waitFor();
    const orderId = new URL(page.url()).pathname.split('/').pop()!;
    const main = page.getByRole('main');
    expect(await textOf(main)).toContain('41,80 €');
    expect(await main.getByText('Da pagare', { exact: true }).count()).toBeGreaterThan(0);
    expect(await main.locator('.font-monospace').textContent()).toMatch(/^3\d{17}$/);
    await settle(page);
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Simula un pagamento non riuscito' }).click();
    await page.getByRole('alert').waitFor();
    await main.getByText('Pagamento non riuscito', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Paga ora' }).click();
    await page.getByRole('status').filter({ hasText: 'Pagamento riuscito' }).waitFor();
    await main.getByText('Pagato', { exact: true }).first().waitFor();
    expect(await page.getByRole('button', { name: 'Paga ora' }).count()).toBe(0);
    await settle(page);
    await expectNoAxeViolations(page);

    const citizen = await apiAs('cittadino.crema');
    const paid = await citizen.get<OrderView>(`/api/orders/${orderId}`);
    expect(paid).toMatchObject({
      status: 'requested',
      paymentStatus: 'paid',
      unitPriceCents: 418,
      totalCents: 4180,
    });

    await page.goto('/i-miei-ordini');
    await page.getByRole('heading', { level: 1, name: 'I miei ordini' }).waitFor();
    const card = page.getByRole('article').filter({ hasText: 'Pasti a domicilio – Crema' });
    await card.getByText('Pagato', { exact: true }).waitFor();
    await settle(page);
    await expectNoAxeViolations(page);
    await card.getByRole('button', { name: 'Annulla l’ordine' }).click();
    const dialog = page.getByRole('dialog', { name: 'Annulla l’ordine' });
    await dialog.getByLabel(/^Perché lo annulli/).fill('Mi trasferisco da mia figlia');
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Sì, annulla' }).click();
    await page.getByRole('status').filter({ hasText: 'Ordine annullato.' }).waitFor();
    await card.getByText('Annullato', { exact: true }).waitFor();
    expect(await citizen.get<OrderView>(`/api/orders/${orderId}`)).toMatchObject({ status: 'cancelled' });
    await citizen.dispose();
    await page.context().close();
  });

  for (const viewport of [DESKTOP, PHONE]) {
    it(`shows the catalogue, a service page and the access points to anyone, axe-clean (${viewport.width}px)`, async () => {
      const page = await openPage({ viewport });
      await page.goto('/');
      await page
        .getByRole('link', { name: /^Servizi del territorio/ })
        .first()
        .click();
      await page.getByRole('heading', { level: 1, name: 'Servizi del territorio' }).waitFor();
      await page.getByRole('heading', { level: 2, name: /servizi? trovat/ }).waitFor();
      await settle(page);
      await expectNoAxeViolations(page);
      await page.locator('summary').click();
      await page.getByLabel('Gestione').selectOption('municipal');
      await page.getByRole('button', { name: 'Cerca', exact: true }).click();
      await page.waitForURL((url) => url.searchParams.get('kind') === 'municipal');
      await page.getByRole('article').filter({ hasText: 'SAAP' }).first().waitFor();
      expect(await page.getByText('Servizio privato a prezzo calmierato').count()).toBe(0);
      await settle(page);
      await expectNoAxeViolations(page);

      await page.getByRole('article').first().getByRole('link').first().click();
      await page.getByRole('heading', { level: 2, name: 'Come prenotare' }).waitFor();
      expect(await page.getByRole('link', { name: 'Accedi per prenotare' }).count()).toBe(1);
      await settle(page);
      await expectNoAxeViolations(page);

      await page.goto('/sportelli');
      await page.getByRole('heading', { level: 1, name: 'Sportelli di prossimità' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Sportello di prossimità Zaist' }).waitFor();
      expect(await page.getByRole('article').count()).toBe(5);
      await settle(page);
      await expectNoAxeViolations(page);
      expect(await contentWidth(page)).toBeLessThanOrEqual(viewport.width);
      await page.context().close();
    });
  }
});

describe('the welfare manager’s desk', () => {
  for (const viewport of [DESKTOP, PHONE]) {
    it(`books home meals for an elderly citizen at the Cremona access point, with consent (${viewport.width}px)`, async () => {
      const manager = await apiAs('welfare_manager');
      // The demo's assisted order is for the oldest person of Cremona who is not the demo citizen.
      const elderly = (await manager.get<{ items: OrderView[] }>('/api/orders?limit=200')).items.find(
        (o) => o.channel === 'assisted',
      )!;
      const page = await openPage({ viewport });
      await logIn(page, 'welfare_manager');
      await page.goto('/sportello');
      await page
        .getByRole('heading', { level: 1, name: 'Sportello: Sportello di prossimità Centro' })
        .waitFor();
      await settle(page);
      await expectNoAxeViolations(page);
      const [given, ...family] = elderly.beneficiaryName.split(' ');
      await page.getByLabel(/^Codice fiscale, nome e cognome/).fill(`${family.join(' ')} ${given}`);
      await page.getByRole('button', { name: 'Cerca', exact: true }).click();
      await page
        .getByRole('button', { name: new RegExp(`^Scegli ${family.join(' ')} ${given}`) })
        .first()
        .click();
      await page.getByRole('heading', { level: 2, name: 'Ordini' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Richieste di aiuto' }).waitFor();
      await settle(page);
      await page
        .getByRole('region', { name: 'Ordini' })
        .getByText('Assistenza domiciliare e igiene della persona')
        .first()
        .waitFor();
      await expectNoAxeViolations(page);

      await page.getByRole('link', { name: 'Prenota un servizio' }).click();
      await page.getByRole('heading', { level: 1, name: `Prenota per ${elderly.beneficiaryName}` }).waitFor();
      await searchFor(page, 'pasti a domicilio');
      await page.getByRole('link', { name: 'Pasti a domicilio – Cremona', exact: true }).click();
      await page.getByRole('link', { name: `Prenota per ${elderly.beneficiaryName}` }).click();
      await page.getByRole('heading', { level: 1, name: 'Prenota: Pasti a domicilio – Cremona' }).waitFor();
      await page.getByLabel(/^Quanti \(pasti\)/).fill('5');
      // The manager's own access point, chosen for them once their access points have loaded.
      await page
        .getByRole('option', { name: 'Sportello di prossimità Centro' })
        .waitFor({ state: 'attached' });
      expect(await page.getByLabel(/^Sportello/).inputValue()).not.toBe('');
      await settle(page);
      await expectNoAxeViolations(page);
      // Without the citizen's consent the server refuses, and nothing is booked.
      await page.getByRole('button', { name: 'Conferma la prenotazione' }).click();
      await page.getByRole('alert').waitFor();
      await page.getByText(/^La persona ha dato il consenso/).click();
      await page.getByRole('button', { name: 'Conferma la prenotazione' }).click();

      await page.getByRole('heading', { level: 1, name: 'Ordine: Pasti a domicilio – Cremona' }).waitFor();
      const main = page.getByRole('main');
      await main.getByText('Allo sportello').waitFor();
      expect(await textOf(main)).toContain(elderly.beneficiaryName);
      await settle(page);
      await expectNoAxeViolations(page);
      const orderId = new URL(page.url()).pathname.split('/').pop()!;
      expect(await manager.get<OrderView>(`/api/orders/${orderId}`)).toMatchObject({
        personId: elderly.personId,
        channel: 'assisted',
        status: 'requested',
      });

      await page.goto(`/sportello?persona=${elderly.personId}`);
      await page
        .getByRole('region', { name: 'Ordini' })
        .getByText('Pasti a domicilio – Cremona')
        .first()
        .waitFor();
      const note = `Orientata ai pasti a domicilio e al telesoccorso (${viewport.width})`;
      await page.getByLabel(/^Nota di orientamento/).fill(note);
      await page.getByRole('button', { name: 'Salva la nota' }).click();
      await page.getByRole('status').filter({ hasText: 'Nota salvata.' }).waitFor();
      await page.getByRole('region', { name: 'Orientamento dato' }).getByText(note).waitFor();
      await settle(page);
      await expectNoAxeViolations(page);
      await page.getByRole('link', { name: 'Apri una richiesta di aiuto' }).click();
      await page.getByRole('heading', { level: 1, name: 'Nuova richiesta' }).waitFor();
      await page
        .getByText(`${family.join(' ')} ${given}`)
        .first()
        .waitFor();
      await manager.dispose();
      await page.context().close();
    });
  }
});

describe('the provider’s console', () => {
  it('confirms a paid order and marks it delivered; shows the services and the monthly statement', async () => {
    const provider = await apiAs('fornitore');
    const waiting = (await provider.get<{ items: OrderView[] }>('/api/orders?status=requested')).items.find(
      (o) => o.abilities.confirm,
    )!;
    const page = await openPage({ viewport: DESKTOP });
    await logIn(page, 'fornitore');
    await page.getByRole('link', { name: 'Ordini e servizi' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Console del fornitore' }).waitFor();
    const card = page.locator('article').filter({ has: page.locator(`a[href="/ordini/${waiting.id}"]`) });
    await card.waitFor();
    await settle(page);
    await expectNoAxeViolations(page);
    await card.getByRole('button', { name: 'Conferma' }).click();
    await page.getByRole('status').filter({ hasText: 'Ordine confermato.' }).waitFor();
    expect(await provider.get<OrderView>(`/api/orders/${waiting.id}`)).toMatchObject({ status: 'confirmed' });

    await page.getByLabel('Stato').selectOption('confirmed');
    await card.getByRole('button', { name: 'Segna come erogato' }).click();
    await page.getByRole('status').filter({ hasText: 'Ordine segnato come erogato.' }).waitFor();
    expect(await provider.get<OrderView>(`/api/orders/${waiting.id}`)).toMatchObject({ status: 'delivered' });

    const services = page.getByRole('region', { name: 'I tuoi servizi' });
    expect(await services.getByText('Pubblicato').count()).toBeGreaterThanOrEqual(5);
    const statement = page.getByRole('region', { name: 'Rendiconto mensile' });
    const csv = await page.request.get(
      (await statement.getByRole('link', { name: 'Scarica CSV' }).getAttribute('href'))!,
    );
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain('Pagato dai cittadini');
    const pdf = await page.request.get(
      (await statement.getByRole('link', { name: 'Scarica PDF' }).getAttribute('href'))!,
    );
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await settle(page);
    await expectNoAxeViolations(page);
    await provider.dispose();
    await page.context().close();
  });

  it('is axe-clean on a phone', async () => {
    const page = await openPage({ viewport: PHONE });
    await logIn(page, 'fornitore');
    await page.goto('/fornitore');
    await page.getByRole('heading', { level: 2, name: 'Rendiconto mensile' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'I tuoi servizi' }).waitFor();
    await settle(page);
    await expectNoAxeViolations(page);
    expect(await contentWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await page.context().close();
  });
});

describe('moderation', () => {
  for (const viewport of [DESKTOP, PHONE]) {
    it(`lets the Ambito’s administrator approve a provider’s new service (${viewport.width}px)`, async () => {
      const provider = await apiAs('fornitore');
      const [mine] = (
        await provider.get<{ items: { providerId: string }[] }>('/api/catalog/managed-services')
      ).items;
      const name = `Stireria solidale ${viewport.width}`;
      await provider.post('/api/services', {
        providerId: mine!.providerId,
        categoryId: 'servizi_casa',
        name,
        description: 'Ritiro, lavaggio e stiratura a domicilio per anziani soli del Cremasco.',
        targetGroups: ['anziani'],
        comuni: ['019035'],
        schedule: 'Martedì e venerdì',
        unit: 'service',
        listPriceCents: 1500,
        cappedPriceCents: 1200,
        isMunicipal: false,
        requiredDocuments: [],
      });
      const page = await openPage({ viewport });
      await logIn(page, 'amministratore');
      await page.goto('/moderazione-servizi');
      const pending = page.getByRole('article').filter({ hasText: name });
      await pending.waitFor();
      await settle(page);
      await expectNoAxeViolations(page);
      await pending.getByRole('button', { name: 'Approva' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `«${name}» approvato` })
        .waitFor();
      const found = await provider.get<{ items: { name: string }[] }>(
        `/api/services?q=${encodeURIComponent(name)}`,
      );
      expect(found.items.map((i) => i.name)).toContain(name);
      await provider.dispose();
      await page.context().close();
    });
  }
});
