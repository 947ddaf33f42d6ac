import { randomInt } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CodiceFiscale } from '../server/src/modules/people/codice-fiscale.js';
import { expectNoAxeViolations, logIn, openPage, PHONE } from './harness/browser.js';

const CONSONANTS = 'bcdfglmnprstvz';

/**
 * A made-up woman born in Cremona (cadastral code D150) whose code nobody has yet: the code takes
 * the family name's first three consonants, so those are the random part (a person saved by one
 * test is never found again by the next one's lookup).
 */
function newCremonaWoman(): { codiceFiscale: string; familyName: string } {
  const [a, b, c] = Array.from({ length: 3 }, () => CONSONANTS[randomInt(CONSONANTS.length)]!);
  const familyName = `${a!.toUpperCase()}e${b}${c}ini`;
  const codiceFiscale = CodiceFiscale.compute({
    name: 'Teresa',
    surname: familyName,
    gender: 'F',
    day: 14,
    month: 3,
    year: 1947,
    birthplace: 'Cremona',
    birthplaceProvincia: 'CR',
  });
  return { codiceFiscale, familyName };
}
const newCremonaCode = () => newCremonaWoman().codiceFiscale;

async function openIntake(viewport?: { width: number; height: number }): Promise<Page> {
  const page = await openPage(viewport ? { viewport } : {});
  await logIn(page, 'operatore');
  await page.goto('/richieste/nuova');
  await page.getByRole('heading', { level: 1, name: 'Nuova richiesta' }).waitFor();
  return page;
}

const LOOKUP = 'Codice fiscale, nome e cognome o telefono';

describe('the intake lookup checks the codice fiscale', () => {
  for (const [size, viewport] of [
    ['desktop', undefined],
    ['phone', PHONE],
  ] as const) {
    it(`refuses a wrong check character next to the search box, before any new person (${size})`, async () => {
      const page = await openIntake(viewport);
      const lookup = page.getByLabel(LOOKUP);
      await lookup.fill('BNVTRS47C54D150X');
      await lookup.press('Enter');
      await page.getByText('l’ultimo carattere (di controllo) non corrisponde').waitFor();
      expect(await lookup.getAttribute('aria-invalid')).toBe('true');
      // Nothing opened: no new person's form, no list of results.
      expect(await page.getByRole('group', { name: 'Nuova persona' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: /Nuova persona/ }).count()).toBe(0);
      await expectNoAxeViolations(page);
      await page.context().close();
    });
  }

  it('fills in the birthplace, birth date and sex the code encodes', async () => {
    const page = await openIntake();
    const lookup = page.getByLabel(LOOKUP);
    await lookup.fill(newCremonaCode());
    await lookup.press('Enter');
    await page.getByRole('group', { name: 'Nuova persona' }).waitFor();
    expect(await page.getByLabel('Luogo di nascita').inputValue()).toBe('Cremona');
    expect(await page.getByLabel(/^Data di nascita/).inputValue()).toBe('1947-03-14');
    expect(await page.getByLabel('Femmina').isChecked()).toBe(true);
    await expectNoAxeViolations(page);
    await page.context().close();
  });
});

describe('forms check what they send against the server’s schemas', () => {
  for (const [size, viewport] of [
    ['desktop', undefined],
    ['phone', PHONE],
  ] as const) {
    it(`shows every problem of an intake at once, next to its field, and sends nothing (${size})`, async () => {
      const page = await openIntake(viewport);
      const requests: string[] = [];
      page.on('request', (r) => {
        if (r.method() === 'POST') requests.push(r.url());
      });
      const lookup = page.getByLabel(LOOKUP);
      await lookup.fill(newCremonaCode());
      await lookup.press('Enter');
      await page.getByRole('group', { name: 'Nuova persona' }).waitFor();
      await page.getByLabel('Telefono', { exact: true }).fill('chiamami');
      await page.getByRole('button', { name: 'Registra la richiesta' }).click();

      await page.getByText('Scrivi nome e cognome.').waitFor();
      await page.getByText('Scegli il tipo di intervento.').waitFor();
      // The bad phone: once, with what it should look like.
      expect(await page.getByText(/usa solo cifre, spazi e i segni/).count()).toBe(1);
      expect(await page.getByLabel('Telefono', { exact: true }).getAttribute('aria-invalid')).toBe('true');
      expect(requests).toEqual([]);
      await expectNoAxeViolations(page);
      await page.context().close();
    });
  }

  it('limits the inputs to the server’s lengths and names every missing field in plain Italian', async () => {
    const page = await openPage();
    await logIn(page, 'operatore');
    await page.goto('/persone/nuova');
    const givenName = page.getByLabel(/^Nome/);
    await givenName.fill('');
    await givenName.pressSequentially('A'.repeat(90));
    expect((await givenName.inputValue()).length).toBe(80);
    await givenName.fill('');
    await page.getByRole('button', { name: 'Registra persona' }).click();
    await page.locator('#person-givenName[aria-invalid="true"]').waitFor();
    for (const id of ['givenName', 'familyName', 'birthDate'])
      expect(await page.locator(`#person-${id}`).getAttribute('aria-invalid'), id).toBe('true');
    expect(await page.getByText('È obbligatorio.').count()).toBeGreaterThanOrEqual(4);
    expect(await page.getByText(/almeno 1 caratteri/).count()).toBe(0);
    expect(await page.locator(':focus').getAttribute('id')).toBe('person-givenName');
    await expectNoAxeViolations(page);
    await page.context().close();
  });
});

describe('consent at a phone intake', () => {
  for (const [size, viewport] of [
    ['desktop', undefined],
    ['phone', PHONE],
  ] as const) {
    it(`records the consent given on the phone, and the record says who, when and what is missing (${size})`, async () => {
      const page = await openIntake(viewport);
      const woman = newCremonaWoman();
      const lookup = page.getByLabel(LOOKUP);
      await lookup.fill(woman.codiceFiscale);
      await lookup.press('Enter');
      await page.getByRole('group', { name: 'Nuova persona' }).waitFor();
      await page.locator('#person-fullName').fill(`Teresa ${woman.familyName}`);
      await page.getByLabel('Indirizzo').fill('Via Solferino 3');
      // In the open, as part of the form: not in a collapsed section.
      const consent = page.getByLabel('Consenso al trattamento dei dati personali');
      expect(await consent.isVisible()).toBe(true);
      await page.getByText('Consenso al trattamento dei dati personali').click();
      expect(await consent.isChecked()).toBe(true);
      await page.getByText('Pasti a domicilio').click();
      const saved = page.waitForResponse((r) => r.url().endsWith('/api/people') && r.status() === 201);
      await page.getByRole('button', { name: 'Registra la richiesta' }).click();
      const personId = ((await (await saved).json()) as { id: string }).id;
      await page.waitForURL(/\/richieste\/[0-9a-f-]{36}$/);

      await page.goto(`/persone/${personId}`);
      await page.getByText(/Sì: a voce, al telefono, il .+, registrato da \S+/).waitFor();
      await page.getByText('Manca il consenso a essere ricontattata.').waitFor();
      expect(await page.getByText('Manca il consenso al trattamento dei dati personali').count()).toBe(0);
      await expectNoAxeViolations(page);
      await page.context().close();
    });
  }
});
