import type { Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { expectNoAxeViolations, logIn, openPage, PHONE } from './harness/browser.js';

async function visit(page: Page, path: string, ready: string | RegExp): Promise<void> {
  await page.goto(path);
  await page.getByRole('heading', { level: 1, name: ready }).waitFor();
  // Lazy icons and the result list arrive after the heading.
  await page.waitForLoadState('networkidle');
}

/** The id of a registered person with a household, found through the search page. */
async function firstPersonWithHousehold(page: Page): Promise<string> {
  const response = await page.request.get('/api/people?q=rossi&limit=50');
  const { items } = (await response.json()) as { items: { id: string; householdId: string | null }[] };
  return (items.find((p) => p.householdId) ?? items[0]!).id;
}

describe('accessibility (axe, WCAG 2.1 A and AA)', () => {
  it('finds no violations on the login page, with and without an error', async () => {
    const page = await openPage();
    await visit(page, '/login', 'Accedi a Legami');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Accedi', exact: true }).click();
    await page.getByRole('alert').waitFor();
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it('finds no violations on the home page of every kind of role', async () => {
    for (const role of ['operatore', 'amministratore', 'revisore', 'volontario', 'cittadino']) {
      const page = await openPage();
      await logIn(page, role);
      await page.waitForLoadState('networkidle');
      await expectNoAxeViolations(page);
      await page.context().close();
    }
  });

  it('finds no violations on the pages of an operator', async () => {
    const page = await openPage();
    await logIn(page, 'operatore');
    await visit(page, '/persone?q=rossi', 'Cerca persona');
    await expectNoAxeViolations(page);

    await visit(page, '/persone/nuova', 'Nuova persona');
    // The form's own check marks every missing field next to it, before anything is sent.
    await page.getByRole('button', { name: 'Registra persona' }).click();
    await page.locator('#person-givenName[aria-invalid="true"]').waitFor();
    await expectNoAxeViolations(page);

    const id = await firstPersonWithHousehold(page);
    await visit(page, `/persone/${id}`, /\w+ \w+/);
    await expectNoAxeViolations(page);
    await visit(page, `/persone/${id}/modifica`, /^Modifica /);
    await expectNoAxeViolations(page);

    await visit(page, '/organizzazioni', 'Organizzazioni');
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'AUSER Cremona' }).click();
    await page.getByRole('heading', { level: 1, name: 'AUSER Cremona' }).waitFor();
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it('finds no violations on the pages of an administrator', async () => {
    const page = await openPage();
    await logIn(page, 'amministratore');
    await visit(page, '/comuni', 'Comuni e Ambiti');
    await page.getByRole('button', { name: 'Riassegna Cremona' }).click();
    await page.getByRole('heading', { name: 'Riassegna Cremona' }).waitFor();
    await expectNoAxeViolations(page);
    await visit(page, '/utenti', 'Utenti');
    await expectNoAxeViolations(page);
    await visit(page, '/organizzazioni/nuova', 'Nuova organizzazione');
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it('finds no violations on the audit page of a revisore', async () => {
    const page = await openPage();
    await logIn(page, 'revisore');
    await visit(page, '/registro-accessi', 'Registro accessi');
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it('finds no violations on a phone screen (390×844), menu open and closed', async () => {
    const page = await openPage({ viewport: PHONE });
    await visit(page, '/login', 'Accedi a Legami');
    await expectNoAxeViolations(page);
    await logIn(page, 'operatore');
    await visit(page, '/persone?q=rossi', 'Cerca persona');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Apri il menu' }).click();
    await page.getByRole('dialog').waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Organizzazioni', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Organizzazioni' }).waitFor();
    await expectNoAxeViolations(page);
    await page.context().close();
  });
});
