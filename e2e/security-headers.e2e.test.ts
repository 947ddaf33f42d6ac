import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { logIn, openPage } from './harness/browser.js';

/** A page that records every Content-Security-Policy violation (directive and blocked URL). */
async function watchedPage(): Promise<{ page: Page; violations: () => Promise<string[]> }> {
  const page = await openPage();
  // Injected by the browser's debugging protocol, so the policy under test does not block it.
  // (Strings, not functions: this file is type-checked without the DOM library.)
  await page.context().addInitScript(
    `window.__csp = []; document.addEventListener('securitypolicyviolation',
       (e) => window.__csp.push(e.effectiveDirective + ' ' + e.blockedURI));`,
  );
  const console: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) console.push(m.text());
  });
  return {
    page,
    violations: async () => [...(await page.evaluate<string[]>('window.__csp')), ...console],
  };
}

describe('Content-Security-Policy in the browser', () => {
  it('is satisfied by the web app: login, then an operator’s pages', async () => {
    const { page, violations } = await watchedPage();
    await logIn(page, 'operatore');
    await page.goto('/persone?q=rossi');
    await page.getByRole('heading', { level: 1, name: 'Cerca persona' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await violations()).toEqual([]);
    await page.context().close();
  });

  it('is satisfied by the API docs page, which shows the operations', async () => {
    const { page, violations } = await watchedPage();
    await page.goto('/api/docs');
    await page.locator('.opblock').first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.locator('.opblock').count()).toBeGreaterThan(5);
    expect(await violations()).toEqual([]);
    await page.context().close();
  });

  it('blocks a script injected into the page', async () => {
    const { page, violations } = await watchedPage();
    await page.goto('/login');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.evaluate(`{
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true';
      document.body.append(script);
    }`);
    expect(await page.evaluate<boolean>('window.__injected === undefined')).toBe(true);
    expect((await violations()).some((v) => v.startsWith('script-src'))).toBe(true);
    await page.context().close();
  });
});
