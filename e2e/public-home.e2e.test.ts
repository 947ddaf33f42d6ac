import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, logIn, openPage, PHONE } from './harness/browser.js';

const SIZES = [
  { name: 'desktop', viewport: { width: 1280, height: 900 } },
  { name: 'phone', viewport: PHONE },
];

async function visit(page: Page, path: string, heading: string): Promise<void> {
  await page.goto(path);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await page.waitForLoadState('networkidle');
}

describe('the public home and the basics every public site has', () => {
  for (const size of SIZES) {
    it(`shows a visitor what Legami offers, the help line and the ways in (${size.name})`, async () => {
      const page = await openPage({ viewport: size.viewport });
      await visit(page, '/', 'Aiuto e servizi vicino a te');
      const helpline = page.getByRole('region', { name: 'Numero di aiuto' });
      expect(await helpline.getByRole('link', { name: /^Chiama 0372/ }).getAttribute('href')).toBe(
        'tel:0372000000',
      );
      expect(await helpline.textContent()).toContain('dal lunedì al sabato');
      for (const name of ['Chiedi aiuto', 'Diventa volontario', 'Dona', 'Accedi']) {
        expect(await page.getByRole('link', { name: new RegExp(`^${name}`) }).count()).toBeGreaterThan(0);
      }
      // The demo catalogue's services are announced with their categories.
      expect(await page.getByRole('heading', { name: 'I servizi del territorio' }).isVisible()).toBe(true);
      await expectNoAxeViolations(page);
      await page.context().close();
    });

    it(`publishes the privacy notice, the legal notes and the accessibility statement (${size.name})`, async () => {
      const page = await openPage({ viewport: size.viewport });
      await visit(page, '/', 'Aiuto e servizi vicino a te');
      const footer = page.getByRole('navigation', { name: 'Link utili' });
      for (const [link, heading] of [
        ['Informativa sulla privacy', 'Informativa sul trattamento dei dati personali'],
        ['Note legali', 'Note legali'],
        ['Dichiarazione di accessibilità', 'Dichiarazione di accessibilità'],
      ] as const) {
        await footer.getByRole('link', { name: link }).click();
        await page.getByRole('heading', { level: 1, name: heading }).waitFor();
        await page.waitForLoadState('networkidle');
        await expectNoAxeViolations(page);
      }
      expect(await page.getByRole('heading', { name: 'Contenuti non accessibili' }).isVisible()).toBe(true);
      expect(await page.getByText('form.agid.gov.it').count()).toBeGreaterThan(0);
      await page.context().close();
    });
  }

  it('takes a visitor who asks for help through the login to the form', async () => {
    const page = await openPage();
    await visit(page, '/', 'Aiuto e servizi vicino a te');
    await page.getByRole('link', { name: /^Chiedi aiuto/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Accedi a Legami' }).waitFor();
    await page.getByLabel(/^Email/).fill('cittadino@demo.legami.it');
    await page.getByLabel(/^Password/).fill('legami-demo');
    await page.getByRole('button', { name: 'Accedi', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Chiedi aiuto' }).waitFor();
    await page.context().close();
  });

  it('keeps its cards where they first appear while the page loads, on a phone', async () => {
    const page = await openPage({ viewport: PHONE });
    await page.goto('/');
    const askHelp = page.locator('main a[href="/chiedi-aiuto"]').first();
    await askHelp.waitFor();
    const first = await askHelp.boundingBox();
    await page.waitForLoadState('networkidle');
    expect(await askHelp.boundingBox()).toEqual(first);
    await page.context().close();
  });

  it('offers a donation page with the help line', async () => {
    const page = await openPage({ viewport: PHONE });
    await visit(page, '/dona', 'Dona');
    expect(await page.getByRole('region', { name: 'Numero di aiuto' }).isVisible()).toBe(true);
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it('lists the demo accounts on the login page only in demo mode', async () => {
    const page = await openPage();
    await visit(page, '/login', 'Accedi a Legami');
    await page.getByText('Account dimostrativi').waitFor();
    await page.context().close();

    const production = await openPage();
    await production.route('/api/site', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, json: { ...(await response.json()), demoAccounts: false } });
    });
    await visit(production, '/login', 'Accedi a Legami');
    await production.waitForLoadState('networkidle');
    expect(await production.getByText('Account dimostrativi').count()).toBe(0);
    await production.context().close();
  });

  it('shows the API documentation and the Comuni page to staff, not to citizens', async () => {
    const anonymous = await openPage();
    await visit(anonymous, '/', 'Aiuto e servizi vicino a te');
    expect(await anonymous.getByRole('link', { name: 'Documentazione delle API' }).count()).toBe(0);
    await anonymous.context().close();

    const citizen = await openPage();
    await logIn(citizen, 'cittadino');
    expect(await citizen.getByRole('link', { name: 'Documentazione delle API' }).count()).toBe(0);
    expect(await citizen.getByRole('link', { name: /^Comuni/ }).count()).toBe(0);
    // Nor by its address.
    await citizen.goto('/comuni');
    await citizen.getByRole('heading', { level: 1, name: 'Accesso non consentito' }).waitFor();
    expect(await citizen.getByRole('heading', { name: 'Comuni e Ambiti' }).count()).toBe(0);
    await citizen.context().close();

    const operator = await openPage();
    await logIn(operator, 'operatore');
    expect(await operator.getByRole('link', { name: 'Documentazione delle API' }).isVisible()).toBe(true);
    expect(await operator.getByRole('link', { name: 'Comuni', exact: true }).count()).toBeGreaterThan(0);
    await operator.context().close();
  });
});
