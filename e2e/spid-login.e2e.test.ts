import { createServer } from 'node:net';
import { request, type Browser, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, expectNoAxeViolations, launchBrowser, PHONE } from './harness/browser.js';
import { startLegami, type RunningLegami } from './harness/legami-server.js';
import {
  startDevIdentityProvider,
  type DevIdentityProvider,
} from '../server/src/test/dev-identity-provider.js';

/*
 * A citizen logs in with SPID/CIE: Legami (configured as a relying party of the federation) and a
 * development identity provider with its trust anchor, each on its own port, in Chromium.
 */

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

let browser: Browser;
let idp: DevIdentityProvider;
let legami: RunningLegami;
let demoCitizenCf: string;

beforeAll(async () => {
  const port = await freePort();
  idp = await startDevIdentityProvider({
    clientId: `http://127.0.0.1:${port}`,
    people: {},
  });
  legami = await startLegami({ port, settings: { oidc: idp.settings } });
  browser = await launchBrowser();
  // The demo citizen's codice fiscale, as an operator reads it from the registry.
  const api = await request.newContext({ baseURL: legami.url });
  const login = (role: string) =>
    api.post('/api/auth/login', { data: { email: `${role}@demo.legami.it`, password: DEMO_PASSWORD } });
  const citizen = (await (await login('cittadino')).json()) as { personId: string };
  await login('operatore');
  const person = (await (await api.get(`/api/people/${citizen.personId}`)).json()) as {
    codiceFiscale: string;
  };
  demoCitizenCf = person.codiceFiscale;
  await api.dispose();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await legami?.close();
  await idp?.close();
});

function newContext(viewport = { width: 1280, height: 900 }): Promise<BrowserContext> {
  return browser.newContext({ baseURL: legami.url, viewport });
}

describe('SPID/CIE login in the browser', () => {
  it('takes a citizen from the public home through SPID to their own area, matched by codice fiscale', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('link', { name: /^Chiedi aiuto/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Accedi a Legami' }).waitFor();
    await page.getByRole('link', { name: 'Entra con SPID o CIE' }).click();

    // The identity provider's own page, on its own origin.
    await page.getByRole('heading', { name: 'Identity provider di sviluppo' }).waitFor();
    expect(new URL(page.url()).origin).toBe(idp.settings.issuer);
    await page.getByLabel('Codice fiscale').fill(demoCitizenCf);
    await page.getByRole('button', { name: 'Entra' }).click();

    // Back at Legami, on the form the citizen wanted, as the demo citizen.
    await page.getByRole('heading', { level: 1, name: 'Chiedi aiuto' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/chiedi-aiuto');
    const me = (await (await page.request.get('/api/auth/me')).json()) as { email: string; roles: string[] };
    expect(me).toMatchObject({ email: 'cittadino@demo.legami.it', roles: ['cittadino'] });
    await context.close();
  });

  it('tells a citizen the registry does not know yet to call the help line', async () => {
    const context = await newContext(PHONE);
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByRole('link', { name: 'Entra con SPID o CIE' }).click();
    await page.getByLabel('Codice fiscale').fill('VRDLGU70C12D150K');
    await page.getByRole('button', { name: 'Entra' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ti diamo il benvenuto' }).waitFor();
    expect(await page.getByRole('region', { name: 'Numero di aiuto' }).isVisible()).toBe(true);
    await page.waitForLoadState('networkidle');
    await expectNoAxeViolations(page);
    await context.close();
  });

  it('shows the SPID/CIE way in on the login page, axe-clean on desktop and phone', async () => {
    for (const viewport of [{ width: 1280, height: 900 }, PHONE]) {
      const context = await newContext(viewport);
      const page = await context.newPage();
      await page.goto('/login?spid=SPID_LOGIN_FAILED');
      await page.getByRole('heading', { name: 'Cittadini: entra con SPID o CIE' }).waitFor();
      expect(await page.getByRole('alert').textContent()).toContain('non è riuscito');
      await page.waitForLoadState('networkidle');
      await expectNoAxeViolations(page);
      await context.close();
    }
  });
});
