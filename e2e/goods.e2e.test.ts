import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PHONE, contentWidth, expectNoAxeViolations, logIn, openPage } from './harness/browser.js';
import { addDays, todayInRome } from '../server/src/platform/time.js';

const POINT = 'Punto di distribuzione Caritas – Via Stenico';

/** A made-up partita IVA with a correct check digit, new on every run (the donor must not exist yet). */
function freshVatNumber(): string {
  const base = `99${String(Date.now()).slice(-8)}`;
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const digit = Number(base[i]);
    sum += i % 2 === 0 ? digit : digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
  }
  return `${base}${(10 - (sum % 10)) % 10}`;
}

const inDays = (days: number) => addDays(todayInRome(), days);

/** A resident of Cremona with a codice fiscale, found by the operator through the API. */
async function cremonaResident(
  page: Page,
): Promise<{ id: string; codiceFiscale: string; familyName: string }> {
  const found = (await (await page.request.get('/api/people?comune=019036&limit=50&offset=20')).json()) as {
    items: { id: string; codiceFiscale: string | null; familyName: string }[];
  };
  const person = found.items.find((p) => p.codiceFiscale);
  if (!person) throw new Error('no demo resident of Cremona with a codice fiscale');
  return { id: person.id, codiceFiscale: person.codiceFiscale!, familyName: person.familyName };
}

describe('goods: a company’s donation and a parcel', () => {
  it('records a company’s food donation with its receipt, then assembles a parcel that becomes a delivery task', async () => {
    const page = await openPage();
    await logIn(page, 'operatore');
    await page.getByRole('link', { name: 'Beni', exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Beni e distribuzione' }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: POINT }).click();
    await page.getByRole('heading', { level: 1, name: POINT }).waitFor();
    await page.getByRole('heading', { name: /Giacenze/ }).waitFor();
    await expectNoAxeViolations(page);
    const pointPath = new URL(page.url()).pathname;

    await page.getByRole('link', { name: 'Registra una donazione' }).click();
    await page.getByRole('heading', { level: 1, name: 'Registra una donazione' }).waitFor();
    await page.getByLabel(/^Donatore/).selectOption({ label: 'Nuovo donatore' });
    const vat = freshVatNumber();
    const company = `Conserve Padane ${vat.slice(-4)} S.r.l. (prova)`;
    await page.getByLabel(/^Ragione sociale/).fill(company);
    await page.getByLabel(/^Partita IVA/).fill(vat);
    await page.getByLabel(/^Articolo/).selectOption({ label: 'Passata di pomodoro 700 g' });
    await page.getByLabel(/^Quantità/).fill('48');
    // Food without an expiry date is refused next to the field, before anything is sent.
    await page.getByRole('button', { name: 'Registra la donazione' }).click();
    await page.getByText('Per un alimento la scadenza è obbligatoria.').waitFor();
    await page.getByLabel(/^Scadenza/).fill(inDays(1));
    await page.getByLabel(/^Codice lotto/).fill(`E2E-${vat.slice(-4)}`);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Registra la donazione' }).click();
    const done = page.getByRole('status').filter({ hasText: 'Donazione registrata' });
    await done.waitFor();
    expect(await done.textContent()).toMatch(/ricevuta n\. \d+/);
    const receiptHref = await page
      .getByRole('link', { name: 'Scarica la ricevuta (PDF)' })
      .getAttribute('href');
    const receipt = await page.request.get(receiptHref!);
    expect(receipt.headers()['content-type']).toBe('application/pdf');
    expect((await receipt.body()).subarray(0, 4).toString()).toBe('%PDF');

    // The donor's history lists the donation.
    await page.getByRole('link', { name: 'Storia delle donazioni del donatore' }).click();
    await page.getByRole('heading', { level: 1, name: company }).waitFor();
    await page.getByRole('cell', { name: /Passata di pomodoro 700 g 48/ }).waitFor();
    await expectNoAxeViolations(page);
    await page.goto(pointPath);
    // The new lot expires tomorrow: flagged on the point's page.
    const lotRow = page.getByRole('row').filter({ hasText: `E2E-${vat.slice(-4)}` });
    await lotRow.getByText('In scadenza').waitFor();

    await page.getByRole('link', { name: 'Prepara un pacco' }).click();
    await page.getByRole('heading', { level: 1, name: 'Prepara un pacco' }).waitFor();
    const resident = await cremonaResident(page);
    await page.getByLabel(/^Codice fiscale o nome/).fill(resident.codiceFiscale);
    await page.getByRole('button', { name: 'Cerca', exact: true }).click();
    await page
      .getByRole('button', { name: /^Scegli / })
      .first()
      .click();
    await page.getByText(/^Pacco per /).waitFor();
    // The household's parcels so far, as the API lists them.
    const history = (await (
      await page.request.get(`/api/parcels?person=${resident.id}&limit=20`)
    ).json()) as unknown[];
    const section = page.getByRole('region', { name: 'Pacchi già ricevuti dal nucleo' });
    if (history.length === 0) await section.getByText('Il nucleo non ha ancora ricevuto pacchi.').waitFor();
    else await expect.poll(() => section.locator('tbody tr').count()).toBe(history.length);
    await expectNoAxeViolations(page);
    await page.getByLabel('Consegna a domicilio (compito per i volontari)').check();
    await page.getByRole('button', { name: 'Prepara il pacco' }).click();
    // A household that already had this week's parcel needs the operator's reason.
    const assembled = page.getByText(/^Pacco preparato per /);
    const reason = page.getByLabel(/^Perché serve un secondo pacco/);
    await expect.poll(async () => (await assembled.count()) + (await reason.count())).toBeGreaterThan(0);
    if ((await assembled.count()) === 0) {
      await reason.fill('Nucleo numeroso rimasto senza spesa dopo la prima consegna');
      await page.getByRole('button', { name: 'Prepara il pacco' }).click();
    }
    await assembled.waitFor();
    await page.getByText('La consegna è un compito per i volontari: entra nei giri del giorno.').waitFor();
    // FEFO: the passata that expires tomorrow is the one in the parcel.
    await page.getByText(/^Passata di pomodoro 700 g: \d+ conf\./).waitFor();
    await expectNoAxeViolations(page);
    const requestHref = await page.getByRole('link', { name: 'Apri la richiesta' }).getAttribute('href');
    await page.getByRole('link', { name: 'Apri il compito di consegna' }).click();
    await page.waitForURL(/\/compiti\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const taskId = page.url().split('/').pop()!;
    const task = (await (await page.request.get(`/api/tasks/${taskId}`)).json()) as { requestId: string };
    expect(`/richieste/${task.requestId}`).toBe(requestHref);
  });

  it('shows a point’s stock on a 390×844 phone without sideways scrolling', async () => {
    const page = await openPage({ viewport: PHONE });
    await logIn(page, 'operatore');
    await page.goto('/beni');
    await page.getByRole('link', { name: POINT }).click();
    await page.getByRole('heading', { name: /Giacenze/ }).waitFor();
    await expectNoAxeViolations(page);
    expect(await contentWidth(page)).toBeLessThanOrEqual(PHONE.width);
  });
});

describe('goods: a distribution campaign', () => {
  it('shows the masks campaign’s coverage by comune on a map and in a table, and who is not reached yet, one of whom gets a delivery at home', async () => {
    const page = await openPage();
    await logIn(page, 'operatore');
    await page.goto('/beni');
    await page.getByRole('link', { name: 'Campagne di distribuzione' }).click();
    await page.getByRole('heading', { level: 1, name: 'Campagne di distribuzione' }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: /Mascherine agli over 65/ }).click();
    await page.getByRole('heading', { level: 2, name: 'Copertura per comune', exact: true }).waitFor();
    // The map draws the campaign's comuni from their boundaries.
    await page.locator('.comuni-map path').first().waitFor();
    const progress = (await (
      await page.request.get(page.url().replace('/beni/campagne/', '/api/goods/campaigns/'))
    ).json()) as { comuni: { comuneName: string; eligible: number; reached: number }[] };
    expect(await page.locator('.comuni-map path').count()).toBeGreaterThanOrEqual(progress.comuni.length);
    const cremona = progress.comuni.find((c) => c.comuneName === 'Cremona')!;
    expect(cremona.reached).toBeGreaterThan(0);
    expect(cremona.reached).toBeLessThan(cremona.eligible);
    const row = page
      .getByRole('table', { name: 'Copertura per comune (tabella)' })
      .getByRole('row')
      .filter({ hasText: /^Cremona/ });
    const figures = new Intl.NumberFormat('it-IT');
    await row.getByText(figures.format(cremona.eligible), { exact: true }).waitFor();
    await row.getByText(figures.format(cremona.reached), { exact: true }).waitFor();
    await page.getByText(/persone da raggiungere$/).waitFor();
    await expectNoAxeViolations(page);

    // A delivery at home from the list: the masks leave the point holding them, a task is made for tomorrow.
    const points = (await (await page.request.get('/api/goods/points')).json()) as {
      id: string;
      name: string;
    }[];
    let from: { id: string; name: string; masks: number } | null = null;
    for (const p of points) {
      const stock = (await (await page.request.get(`/api/stock?point=${p.id}`)).json()) as {
        totals: { itemName: string; quantity: number }[];
      };
      const masks = stock.totals.find((x) => x.itemName === 'Mascherine chirurgiche')?.quantity ?? 0;
      if (masks >= 5) from = { ...p, masks };
    }
    expect(from).not.toBeNull();
    await page.getByLabel('Punto da cui escono i beni').selectOption(from!.id);
    const counted = async () =>
      Number((await page.getByText(/persone da raggiungere$/).textContent())!.replace(/\D/g, ''));
    const before = await counted();
    const home = page.getByRole('button', { name: /^Consegna a domicilio a / }).first();
    const name = (await home.getAttribute('aria-label'))!.replace('Consegna a domicilio a ', '');
    await home.click();
    await page
      .getByRole('status')
      .filter({ hasText: `${name}: consegna a domicilio affidata ai volontari per domani.` })
      .waitFor();
    await expect.poll(counted).toBe(before - 1);
    await expectNoAxeViolations(page);
    const after = (await (await page.request.get(`/api/stock?point=${from!.id}`)).json()) as {
      totals: { itemName: string; quantity: number }[];
    };
    expect(after.totals.find((x) => x.itemName === 'Mascherine chirurgiche')?.quantity ?? 0).toBe(
      from!.masks - 5,
    );

    const phone = await openPage({ viewport: PHONE });
    await logIn(phone, 'operatore');
    await phone.goto(page.url().replace(/^https?:\/\/[^/]+/, ''));
    await phone.locator('.comuni-map path').first().waitFor();
    await expectNoAxeViolations(phone);
    expect(await contentWidth(phone)).toBeLessThanOrEqual(PHONE.width);
  });
});
