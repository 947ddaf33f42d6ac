import { describe, expect, it } from 'vitest';
import {
  contentWidth,
  expectNoAxeViolations,
  logIn,
  openPage,
  PHONE,
  sentStatuses,
} from './harness/browser.js';

describe('a citizen’s proposal of a collaboration pact', () => {
  it('names every wrong field at once and saves nothing, then sends the proposal and shows it pending', async () => {
    const page = await openPage({ viewport: PHONE });
    await logIn(page, 'cittadino');
    await page.getByRole('link', { name: 'Proponi un patto' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Proponi un patto di collaborazione' }).waitFor();
    const mine = page.getByRole('region', { name: 'Le mie proposte' });
    await page.waitForLoadState('networkidle');
    // Other journeys run beside this one, some with this citizen's proposals: what this page sent is watched.
    const saved = sentStatuses(page, 'POST', '/api/pacts/proposals');

    await page.getByRole('button', { name: 'Invia la proposta' }).click();
    const title = page.getByLabel(/^Titolo della proposta/);
    await title.and(page.locator('[aria-invalid="true"]')).waitFor();
    for (const field of [/^Titolo della proposta/, /^Che cosa volete fare/, /^Nome del luogo da curare/])
      expect(await page.getByLabel(field).getAttribute('aria-invalid')).toBe('true');
    expect(
      await page.getByText('Indica il bene comune del registro o il nome del luogo da curare.').count(),
    ).toBe(1);
    await expectNoAxeViolations(page);
    expect(saved.filter((status) => status < 400)).toEqual([]);

    const commons = page.getByLabel(/^Bene comune del registro/);
    const square = await commons.locator('option', { hasText: 'Piazza Stradivari' }).getAttribute('value');
    await commons.selectOption(square!);
    expect(await page.locator('.leaflet-interactive').count()).toBeGreaterThanOrEqual(3);
    await title.fill('Panchine curate in Piazza Stradivari');
    await page
      .getByLabel(/^Che cosa volete fare/)
      .fill('Ogni sabato mattina puliamo e verniciamo le panchine; chiediamo vernice e guanti.');
    await page.getByText('Un gruppo di cui faccio parte').click();
    await page.getByLabel(/^Nome del gruppo/).fill('Amici di Piazza Stradivari');
    await page.getByRole('button', { name: 'Invia la proposta' }).click();
    await page.getByText('Proposta «Panchine curate in Piazza Stradivari» inviata').waitFor();
    const sent = mine.getByRole('listitem', { name: 'Panchine curate in Piazza Stradivari' });
    await sent.waitFor();
    expect(await sent.textContent()).toContain('In attesa di valutazione');
    expect(await sent.textContent()).toContain('Piazza Stradivari');
    expect(saved.filter((status) => status < 400)).toHaveLength(1);
    expect(await contentWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it('takes a visitor of the public pacts page to the proposal form after logging in', async () => {
    const page = await openPage({ viewport: PHONE });
    await page.goto('/patti-di-collaborazione');
    await page.getByRole('link', { name: /^Vuoi proporre un patto/ }).click();
    await page.getByLabel(/^Email/).fill('cittadino@demo.legami.it');
    await page.getByLabel(/^Password/).fill('legami-demo');
    await page.getByRole('button', { name: 'Accedi', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Proponi un patto di collaborazione' }).waitFor();
    await page.context().close();
  });
});
