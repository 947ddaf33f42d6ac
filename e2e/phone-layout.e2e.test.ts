import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentWidth, launchBrowser, logIn, openPage, PHONE } from './harness/browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe('on a 390×844 phone', () => {
  it('fits the login page in the screen', async () => {
    const page = await openPage(browser, { viewport: PHONE });
    await page.goto('/login');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await contentWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await page.context().close();
  });

  it('fits the steering room in the screen', async () => {
    const page = await openPage(browser, { viewport: PHONE });
    await logIn(page, 'amministratore');
    await page.goto('/cabina-di-regia');
    await page.locator('#counters-title').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await contentWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await page.context().close();
  });
});
