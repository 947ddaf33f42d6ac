import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser, logIn, PHONE } from './harness/browser.js';
import { startLegami, type RunningLegami } from './harness/legami-server.js';

// The demo seeds tomorrow's AUSER deliveries by the calendar of Rome: the browser keeps the same one,
// so "tomorrow" on the page is the seed's tomorrow at any hour of the run.
async function openPageInRome(
  browser: Browser,
  viewport = { width: 1280, height: 900 },
  userAgent?: string,
): Promise<Page> {
  const context = await browser.newContext({
    baseURL: legami.url,
    viewport,
    timezoneId: 'Europe/Rome',
    reducedMotion: 'reduce', // as in harness/browser.ts: axe never measures a fade halfway
    ...(userAgent ? { userAgent } : {}),
  });
  return context.newPage();
}

/** Optional screenshots for a person to look at: E2E_SCREENSHOTS=/some/dir. */
async function snapshot(page: Page, name: string): Promise<void> {
  const dir = process.env.E2E_SCREENSHOTS;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const VOLUNTEER = 'Luca Manfredini'; // the demo volontario's volunteer record (AUSER Cremona)

// A Legami of this file's own: the shared one runs in Vitest's global setup, where the planner's
// worker thread cannot start (the module runner there has no import.meta.resolve), so every plan
// would fail. A test worker has it. Its fresh demo data also keeps this journey's published rounds
// away from the other journeys.
let legami: RunningLegami;
let browser: Browser;
// A stand-in street tile server on this machine (MAP_TILES_URL): a grey 1×1 PNG for every tile.
const TILE = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mO4fv36fwAHtAN4ky0EhAAAAABJRU5ErkJggg==',
  'base64',
);
const tilesAsked: string[] = [];
const tiles: Server = createServer((req, res) => {
  tilesAsked.push(req.url ?? '');
  res.writeHead(200, { 'content-type': 'image/png', 'access-control-allow-origin': '*' }).end(TILE);
});
const ATTRIBUTION = '© Contributori di OpenStreetMap (server di prova)';
beforeAll(async () => {
  await new Promise<void>((done) => tiles.listen(0, '127.0.0.1', done));
  const tilesUrl = `http://127.0.0.1:${(tiles.address() as AddressInfo).port}/{z}/{x}/{y}.png`;
  [legami, browser] = await Promise.all([
    startLegami({ settings: { mapTilesUrl: tilesUrl, mapTilesAttribution: ATTRIBUTION } }),
    launchBrowser(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await legami?.close();
  await new Promise<void>((done) => tiles.close(() => done()));
});

const ANDROID =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36';
const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1';

/** The zoom levels of the street tiles the page asked for so far. */
const tileZooms = () => tilesAsked.map((url) => Number(url.split('/')[1]));

/** Pairs of stop markers whose boxes overlap on screen (more than 2 px each way). */
async function overlappingMarkers(page: Page): Promise<number> {
  return page.locator('[data-testid="rounds-map"] .round-marker').evaluateAll((elements) => {
    const boxes = elements.map((e) => e.getBoundingClientRect());
    let overlapping = 0;
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        const dx = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const dy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (dx > 2 && dy > 2) overlapping++;
      }
    return overlapping;
  });
}

/** Stops on the map: single markers plus the count of each counted group. */
async function stopsOnMap(page: Page): Promise<number> {
  const map = page.getByTestId('rounds-map');
  const counts = await map.locator('.round-cluster').allTextContents();
  return (await map.locator('.round-marker').count()) + counts.reduce((sum, c) => sum + Number(c), 0);
}

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
    // The plan waits for the queue's one CPU slot on a two-core machine, behind any other CPU job:
    // on a loaded machine that has taken more than 30 s.
    await coordinator.getByRole('heading', { name: 'Mappa dei giri' }).waitFor({ timeout: 90_000 });

    // Every round is drawn (one line each) and every stop has its marker.
    const rounds = coordinator.locator('article.round-card');
    const roundCount = await rounds.count();
    expect(roundCount).toBeGreaterThan(1);
    const stopCount = await coordinator.locator('article.round-card li.round-stop').count();
    const map = coordinator.getByTestId('rounds-map');
    await expect.poll(() => map.locator('path.round-line').count()).toBe(roundCount);
    await expect.poll(() => stopsOnMap(coordinator)).toBe(stopCount);

    // A readable map: street tiles with their attribution, the comuni named, no marker hiding another.
    await expect.poll(() => map.locator('img.leaflet-tile-loaded').count()).toBeGreaterThan(0);
    await coordinator.getByText(`Mappa stradale: ${ATTRIBUTION}`).waitFor();
    expect(await map.locator('.comune-label').count()).toBeGreaterThan(0);
    await expect.poll(() => overlappingMarkers(coordinator)).toBe(0);
    // Zoom buttons outside the map (a keyboard reaches them); the markers are laid out again.
    const zoomBefore = Math.max(...tileZooms());
    await coordinator.getByRole('button', { name: 'Ingrandisci' }).click();
    await expect.poll(() => Math.max(...tileZooms())).toBe(zoomBefore + 1);
    await expect.poll(() => stopsOnMap(coordinator)).toBe(stopCount);
    // Laid out again once the zoom has ended.
    await expect.poll(() => overlappingMarkers(coordinator)).toBe(0);
    await coordinator.getByRole('button', { name: 'Mostra tutti i giri' }).click();

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

    // Back through "Giri": the day's plans are there, and the published day says so before a new plan.
    await coordinator.getByRole('link', { name: 'Giri', exact: true }).click();
    const dayPlans = coordinator.getByRole('region', { name: /^Piani del \d\d\/\d\d\/\d{4}$/ });
    await dayPlans.getByText('Pubblicato', { exact: true }).waitFor();
    await dayPlans.getByText('In vigore', { exact: true }).waitFor();
    await coordinator.getByText(/^I giri del \d\d\/\d\d\/\d{4} sono già pubblicati/).waitFor();
    await coordinator.getByRole('button', { name: 'Calcola comunque un nuovo piano' }).waitFor();
    expect(await coordinator.getByRole('button', { name: 'Calcola i giri', exact: true }).count()).toBe(0);
    await expectNoAxeViolations(coordinator);
    await coordinator.setViewportSize(PHONE);
    await expectNoAxeViolations(coordinator);
    await coordinator.setViewportSize({ width: 1280, height: 900 });
    await coordinator.getByRole('button', { name: 'Apri i giri pubblicati' }).click();
    await coordinator.getByRole('status').filter({ hasText: 'Piano pubblicato.' }).waitFor();
    await expect.poll(() => stopsOnMap(coordinator)).toBe(stopCount);
    await coordinator.context().close();

    const volunteer = await openPageInRome(browser, PHONE, ANDROID);
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
    // Directions to the geocoded point, or a search for the address: never the comune's centre.
    expect(await href(/^Indicazioni stradali/)).toMatch(
      /^https:\/\/www\.openstreetmap\.org\/(directions\?route=;[\d.]+%2C[\d.]+|search\?query=.+%2C%20Italia)$/,
    );
    // Android: the address itself for the phone's maps app.
    const address = (await first.locator('p').nth(1).textContent()) ?? '';
    expect(address).toMatch(/^.+ \d+, .+$/);
    expect(await href('Apri nelle mappe')).toBe(`geo:0,0?q=${encodeURIComponent(`${address}, Italia`)}`);
    await volunteer.waitForLoadState('networkidle');
    await expectNoAxeViolations(volunteer);
    await snapshot(volunteer, 'round-sheet-phone');
    await volunteer.context().close();

    // iPhone: the same address opens in Apple Maps.
    const iphone = await openPageInRome(browser, PHONE, IPHONE);
    await logIn(iphone, 'volontario');
    await iphone.goto('/il-mio-giro');
    await iphone.getByRole('button', { name: 'Domani' }).click();
    const firstOnIphone = iphone
      .getByRole('listitem')
      .filter({ has: iphone.getByRole('heading', { name: /^Tappa 1 · \d\d:\d\d$/ }) });
    expect(await firstOnIphone.getByRole('link', { name: 'Apri nelle mappe' }).getAttribute('href')).toMatch(
      new RegExp(
        `^https://maps\\.apple\\.com/\\?daddr=${escapeRegExp(encodeURIComponent(`${address}, Italia`))}(&ll=[\\d.]+,[\\d.]+)?$`,
      ),
    );
    await iphone.context().close();
  }, 180_000);
});
