import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, logIn, openPage, PHONE } from './harness/browser.js';
import { addDays, todayInRome } from '../server/src/platform/time.js';

/** The demo citizen asks for help online, on a given day between 9:00 and 11:30. */
async function askForHelp(page: Page, description: string): Promise<void> {
  await page.goto('/chiedi-aiuto');
  await page.getByRole('heading', { level: 1, name: 'Chiedi aiuto' }).waitFor();
  await page
    .getByRole('group', { name: /Di che cosa c’è bisogno/ })
    .getByRole('radio')
    .first()
    .check({ force: true });
  await page.getByLabel(/^Raccontaci in poche parole/).fill(description);
  const day = addDays(todayInRome(), 3);
  await page.getByLabel(/^Giorno/).fill(day);
  await page.getByLabel(/^Dalle ore/).fill('09:00');
  await page.getByLabel(/^Alle ore/).fill('11:30');
  await page.getByText(/^Acconsento al trattamento/).click();
  await page.getByRole('button', { name: 'Invia la richiesta' }).click();
  await page.getByRole('heading', { level: 1, name: 'Le mie richieste' }).waitFor();
}

describe('the citizen’s own requests', () => {
  it('fills in the phone from the citizen’s record', async () => {
    const page = await openPage();
    await logIn(page, 'cittadino');
    const contact = (await (await page.request.get('/api/me/contact')).json()) as { phone: string | null };
    expect(contact.phone).toBeTruthy();
    await page.goto('/chiedi-aiuto');
    await page.getByRole('heading', { level: 1, name: 'Chiedi aiuto' }).waitFor();
    expect(await page.getByLabel(/^Il tuo numero di telefono/).inputValue()).toBe(contact.phone);
    await page.context().close();
  });

  it('lists only the help offered online today, each with its plain name and what it is', async () => {
    const page = await openPage({ viewport: PHONE });
    await logIn(page, 'cittadino');
    await page.goto('/chiedi-aiuto');
    const need = page.getByRole('group', { name: /Di che cosa c’è bisogno/ });
    await need.getByRole('radio').first().waitFor({ state: 'attached' });
    const labels = await need.locator('label').allTextContents();
    expect(labels).toEqual([
      'Spesa e farmaci a casa',
      'Pasti a domicilio',
      'Pacco alimentare',
      'Buoni spesa',
      'Accompagnamento in ospedale',
    ]);
    // Nothing of the 2020 emergency: no tablets for distance learning, no masks.
    expect((await need.textContent()) ?? '').not.toMatch(/tablet|mascherine|Covid/i);
    const groceries = need.getByRole('radio', { name: 'Spesa e farmaci a casa' });
    expect(await groceries.getAttribute('aria-describedby')).toBeTruthy();
    expect(await need.textContent()).toContain('Paghi solo quello che compri.');
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  for (const viewport of [{ width: 1280, height: 900 }, PHONE]) {
    it(`shows what the citizen wrote and the time slot, and withdraws it while nobody is assigned (${viewport.width}px)`, async () => {
      const page = await openPage({ viewport });
      await logIn(page, 'cittadino');
      const description = `Il pane e il latte, per favore (${viewport.width})`;
      await askForHelp(page, description);
      const card = page.getByRole('article').filter({ hasText: description });
      expect(await card.textContent()).toContain('Fascia oraria: dalle 09:00 alle 11:30');
      await page.waitForLoadState('networkidle');
      await expectNoAxeViolations(page);

      await card.getByRole('button', { name: 'Annulla la richiesta' }).click();
      const dialog = page.getByRole('dialog', { name: 'Annulla la richiesta' });
      await dialog.waitFor();
      await expectNoAxeViolations(page);
      await dialog.getByRole('button', { name: 'Sì, annulla' }).click();
      await page.getByRole('status').filter({ hasText: 'Richiesta annullata.' }).waitFor();
      const after = page.getByRole('article').filter({ hasText: description });
      await after.getByText('Annullata.').waitFor();
      expect(await after.getByRole('button', { name: 'Annulla la richiesta' }).count()).toBe(0);
      await page.context().close();
    });
  }
});
