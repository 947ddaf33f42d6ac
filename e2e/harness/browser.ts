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

// What each page of the running test went through, told when the test fails: a timeout on a busy
// machine says only which element never came, not whether a request failed or the page threw.
const pageEvents = new Map<Page, string[]>();

function recordPageEvents(page: Page): void {
  const events: string[] = [];
  pageEvents.set(page, events);
  const record = (event: string) => {
    events.push(`${new Date().toISOString().slice(11, 23)} ${event}`);
    if (events.length > 40) events.shift();
  };
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) record(`navigated to ${frame.url()}`);
  });
  page.on('pageerror', (error) => record(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') record(`console error: ${message.text()}`);
  });
  page.on('requestfailed', (request) =>
    record(`request failed: ${request.method()} ${request.url()} (${request.failure()?.errorText})`),
  );
  page.on('response', (response) => {
    if (response.status() >= 400)
      record(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
}

/** The open pages of the test just ended: address, events and the start of the visible text. */
export async function describeTestPages(): Promise<string> {
  const parts: string[] = [];
  for (const [page, events] of pageEvents) {
    if (page.isClosed()) continue;
    const text = await page
      .locator('body')
      .innerText({ timeout: 2_000 })
      .catch((error: Error) => `(no text: ${error.message})`);
    parts.push(
      [
        `page ${page.url()}`,
        ...events.map((e) => `  ${e}`),
        `  text: ${text.replace(/\s+/g, ' ').slice(0, 600)}`,
      ].join('\n'),
    );
  }
  return parts.join('\n');
}

export function forgetTestPages(): void {
  pageEvents.clear();
}

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
  const page = await context.newPage();
  recordPageEvents(page);
  return page;
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

/**
 * The statuses of the responses to what this page sends with `method` to `path`, as they come:
 * other journeys share the demo server, so a journey checks what its own page sent, never a count
 * of everyone's records.
 */
export function sentStatuses(page: Page, method: string, path: string): number[] {
  const statuses: number[] = [];
  page.on('response', (response) => {
    const request = response.request();
    if (request.method() === method && new URL(request.url()).pathname === path)
      statuses.push(response.status());
  });
  return statuses;
}
