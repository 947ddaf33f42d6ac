import { describe, expect, it } from 'vitest';
import { contentWidth, expectNoAxeViolations, openPage, PHONE } from './harness/browser.js';

describe('the public pages of the commons and of co-design', () => {
  it('shows a citizen on a phone the collaboration pacts of Cremona, on the map and in the list', async () => {
    const page = await openPage({ viewport: PHONE });
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Aiuto e servizi vicino a te' }).waitFor();
    // The footer's link moves down while the home page's sections arrive: a tap before they have
    // all come landed elsewhere once (CI, two journeys at a time), and the page stayed the home.
    await page.waitForLoadState('networkidle');
    await page
      .getByRole('navigation', { name: 'Link utili' })
      .getByRole('link', { name: 'Patti di collaborazione' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Patti di collaborazione' }).waitFor();
    await page.getByText('3 patti in vigore').waitFor();
    await page.waitForLoadState('networkidle');
    await page.getByLabel('Comune').selectOption({ label: 'Cremona' });
    for (const title of [
      'Aiuole fiorite ai Giardini di Piazza Roma',
      'Un parco da vivere: il Vecchio Passeggio',
      'Piazza Stradivari, salotto della città',
    ])
      expect(await page.getByRole('heading', { level: 2, name: title }).isVisible()).toBe(true);
    const garden = page.getByRole('article', { name: 'Aiuole fiorite ai Giardini di Piazza Roma' });
    expect(await garden.textContent()).toContain('Associazione Alpini Cremona');
    expect(await garden.textContent()).toContain('Cittadina o cittadino attivo');
    // The demo's signatory of the garden pact signs with a contact that is never published.
    expect(await page.getByText('Rita Pedroni').count()).toBe(0);
    expect(await page.locator('.leaflet-interactive').count()).toBeGreaterThanOrEqual(3);
    expect(await contentWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it('shows the closed call of seed 002 with the partnership led by Igea, on a phone', async () => {
    const page = await openPage({ viewport: PHONE });
    await page.goto('/co-progettazione');
    await page.getByRole('heading', { level: 1, name: 'Avvisi di co-progettazione' }).waitFor();
    await page.waitForLoadState('networkidle');
    const closed = page.getByRole('region', { name: 'Avvisi chiusi' });
    const call = closed.getByRole('article', { name: /^Terzo avviso di co-progettazione/ });
    const text = (await call.textContent()) ?? '';
    expect(text).toContain('Concluso con accordo');
    expect(text).toContain('Cooperativa sociale Igea (capofila)');
    expect(text).toContain('Fondazione RSA di Soncino (partner)');
    expect(text).toMatch(/300\.000,00\s*€/);
    expect(await contentWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await expectNoAxeViolations(page);
    await page.context().close();
  });
});
