import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser, logIn, PHONE } from './harness/browser.js';
import { startLegami, type RunningLegami } from './harness/legami-server.js';

// The demo seeds tomorrow's AUSER deliveries by the calendar of Rome: the browser keeps the same one,
// so "tomorrow" on the page is the seed's tomorrow at any hour of the run.
async function openPageInRome(browser: Browser, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const context = await browser.newContext({
    baseURL: legami.url,
    viewport,
    timezoneId: 'Europe/Rome',
  });
  return context.newPage();
}

/** Optional screenshots for a person to look at: E2E_SCREENSHOTS=/some/dir. */
async function snapshot(page: Page, name: string): Promise<void> {
  const dir = process.env.E2E_SCREENSHOTS;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}

const VOLUNTEER = 'Luca Manfredini'; // the demo volontario's volunteer record (AUSER Cremona)

// A Legami of this file's own: the shared one runs in Vitest's global setup, where the planner's
// worker thread cannot start (the module runner there has no import.meta.resolve), so every plan
// would fail. A test worker has it. Its fresh demo data also keeps this journey's published rounds
// away from the other journeys.
let legami: RunningLegami;
let browser: Browser;
beforeAll(async () => {
  [legami, browser] = await Promise.all([startLegami(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await legami?.close();
});

describe('daily round planning', () => {
  it('a coordinator plans tomorrow, moves a stop with the keyboard and publishes; the volunteer opens the round sheet on a phone', async () => {
    const coordinator = await openPageInRome(browser);
    await logIn(coordinator, 'coordinatore');
    await coordinator.getByRole('link', { name: 'Giri', exact: true }).click();
    await coordinator.getByRole('heading', { level: 1, name: 'Pianifica i giri' }).waitFor();

    // A short search keeps the journey quick; the bar shows the search at work.
    await coordinator.getByLabel('Tempo di calcolo').selectOption('2');
    await coordinator.getByRole('button', { name: 'Calcola i giri' }).click();
    await coordinator.getByRole('progressbar', { name: 'Avanzamento del calcolo' }).waitFor();
    await coordinator.getByRole('heading', { name: 'Mappa dei giri' }).waitFor({ timeout: 30_000 });

    // Every round is drawn (one line each) and every stop has its marker.
    const rounds = coordinator.locator('article.round-card');
    const roundCount = await rounds.count();
    expect(roundCount).toBeGreaterThan(1);
    const stopCount = await coordinator.locator('article.round-card li.round-stop').count();
    const map = coordinator.getByTestId('rounds-map');
    await expect.poll(() => map.locator('path.round-line').count()).toBe(roundCount);
    await expect.poll(() => map.locator('.round-marker').count()).toBe(stopCount);

    // The keyboard way: the first stop of another round goes first in the demo volunteer's round.
    const target = rounds.filter({ has: coordinator.getByRole('heading', { name: new RegExp(VOLUNTEER) }) });
    expect(await target.count(), `${VOLUNTEER} has a round`).toBe(1);
    const source = rounds
      .filter({ hasNot: coordinator.getByRole('heading', { name: new RegExp(VOLUNTEER) }) })
      .first();
    const moveButton = source.getByRole('button', { name: /^Sposta la tappa/ }).first();
    const moved = ((await moveButton.textContent()) ?? '').match(/\((.+)\)$/)?.[1] ?? '';
    expect(moved).not.toBe('');
    await moveButton.focus();
    await coordinator.keyboard.press('Enter');
    const roundSelect = coordinator.getByLabel('Nel giro di');
    await expect.poll(() => roundSelect.evaluate((el) => el.matches(':focus'))).toBe(true);
    const options = await roundSelect.locator('option').allTextContents();
    await roundSelect.selectOption({ label: options.find((o) => o.includes(VOLUNTEER))! });
    await coordinator.getByLabel('Posizione').selectOption({ label: '1' });
    await coordinator.getByRole('button', { name: 'Sposta qui' }).press('Enter');
    await coordinator
      .getByRole('status')
      .filter({
        hasText: new RegExp(`Tappa di ${moved} spostata nel giro \\d+ \\(${VOLUNTEER}\\), posizione 1`),
      })
      .waitFor();
    expect(await target.locator('li.round-stop').first().textContent()).toContain(moved);
    await expectNoAxeViolations(coordinator);
    await snapshot(coordinator, 'rounds-preview');

    await coordinator.getByRole('button', { name: 'Pubblica', exact: true }).click();
    await coordinator.getByRole('button', { name: 'Conferma la pubblicazione' }).click();
    await coordinator.getByText(`Giri pubblicati: ${stopCount} compiti assegnati.`).waitFor();
    await coordinator.getByRole('button', { name: 'Un volontario si ritira' }).waitFor();
    await coordinator.context().close();

    const volunteer = await openPageInRome(browser, PHONE);
    await logIn(volunteer, 'volontario');
    await volunteer
      .getByRole('link', { name: /Il mio giro/ })
      .first()
      .click();
    await volunteer.getByRole('heading', { level: 1, name: 'Il mio giro' }).waitFor();
    await volunteer.getByRole('button', { name: 'Domani' }).click();
    await volunteer
      .getByRole('heading', { level: 2, name: /^\d+ tapp[ae] il .*, la prima alle \d\d:\d\d$/ })
      .waitFor();
    const first = volunteer
      .getByRole('listitem')
      .filter({ has: volunteer.getByRole('heading', { name: /^Tappa 1 · \d\d:\d\d$/ }) });
    await first.getByText(moved, { exact: true }).waitFor();
    const href = (name: string | RegExp) => first.getByRole('link', { name }).getAttribute('href');
    expect(await href(new RegExp(`^Chiama ${moved}`))).toMatch(/^tel:\+?\d+$/);
    expect(await href(/^Indicazioni stradali/)).toMatch(
      /^https:\/\/www\.openstreetmap\.org\/directions\?route=;[\d.]+%2C[\d.]+$/,
    );
    expect(await href('Apri nelle mappe')).toMatch(/^geo:[\d.]+,[\d.]+$/);
    await volunteer.waitForLoadState('networkidle');
    await expectNoAxeViolations(volunteer);
    await snapshot(volunteer, 'round-sheet-phone');
    await volunteer.context().close();
  });
});
