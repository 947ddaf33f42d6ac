import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

// Debian's Chromium, never a downloaded one; no background traffic to the network.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const PHONE = { width: 390, height: 844 };
export const DEMO_PASSWORD = 'legami-demo';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

// The test file's Chromium: launched by its first page, closed after its tests (setup-browser.ts).
let fileBrowser: Promise<Browser> | undefined;

export async function closeFileBrowser(): Promise<void> {
  const browser = fileBrowser;
  fileBrowser = undefined;
  await (await browser)?.close();
}

/** A page in a context of its own (its own cookies and localStorage), on the Legami server. */
export async function openPage(
  options: { viewport?: { width: number; height: number } } = {},
): Promise<Page> {
  fileBrowser ??= launchBrowser();
  const context = await (
    await fileBrowser
  ).newContext({
    baseURL: inject('baseUrl'),
    viewport: options.viewport ?? { width: 1280, height: 900 },
    // Without transitions (Bootstrap honours prefers-reduced-motion), axe never measures a
    // button's colours halfway through a hover or focus fade on a busy machine.
    reducedMotion: 'reduce',
  });
  return context.newPage();
}

/** Logs in as the demo user of a role and waits for the home page. */
export async function logIn(page: Page, role: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel(/^Email/).fill(`${role}@demo.legami.it`);
  await page.getByLabel(/^Password/).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Accedi', exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/');
  await page.getByRole('heading', { level: 1 }).waitFor();
}

/** Runs axe with the WCAG 2.1 A and AA rules and fails with a readable list of what is wrong. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const found = results.violations.map(
    (v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(found, `axe violations on ${page.url()}`).toEqual([]);
}

/** How wide the page's content is: more than the viewport means the phone scrolls sideways. */
export function contentWidth(page: Page): Promise<number> {
  return page.locator('html').evaluate((html) => html.scrollWidth);
}
