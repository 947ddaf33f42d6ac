import { describe, expect, it } from 'vitest';
import { contentWidth, expectNoAxeViolations, logIn, openPage, PHONE } from './harness/browser.js';

describe('on a 390×844 phone', () => {
  it('fits the login page in the screen', async () => {
    const page = await openPage({ viewport: PHONE });
    await page.goto('/login');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await contentWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await page.context().close();
  });

  it('fits the steering room in the screen', async () => {
    const page = await openPage({ viewport: PHONE });
    await logIn(page, 'amministratore');
    await page.goto('/cabina-di-regia');
    await page.locator('#counters-title').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await contentWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await page.context().close();
  });

  it('shows the steering room’s figures first, the filters after them and closed, on a short page', async () => {
    const page = await openPage({ viewport: PHONE });
    await logIn(page, 'amministratore');
    await page.goto('/cabina-di-regia');
    await page.locator('#open-map-title').waitFor();
    await page.waitForLoadState('networkidle');
    // Where an element starts on the page (nothing has scrolled it yet).
    const top = async (selector: string) => (await page.locator(selector).boundingBox())!.y;
    const filters = page.getByRole('search', { name: 'Filtri della cabina di regia' });
    const countersAt = await top('#counters-title');
    expect(countersAt).toBeLessThan(PHONE.height);
    expect(countersAt).toBeLessThan(await top('#open-map-title'));
    // The filters are below the last figure, folded until opened.
    expect(await filters.isVisible()).toBe(false);
    const summary = page.locator('summary', { hasText: 'Filtri della cabina di regia' });
    expect((await summary.boundingBox())!.y).toBeGreaterThan(await top('#by-comune-title'));
    const height = await page.locator('html').evaluate((html) => html.scrollHeight);
    console.log(`steering room on a phone: ${height} px`);
    expect(height).toBeLessThan(6000);
    await summary.click();
    expect(await filters.getByLabel('Giorno').isVisible()).toBe(true);
    await expectNoAxeViolations(page);
    await page.context().close();
  });
});
