import { randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CodiceFiscale } from '../server/src/modules/people/codice-fiscale.js';
import { logIn, openPage } from './harness/browser.js';

/** A made-up person no other run has used, with their real codice fiscale. */
function newPerson() {
  const letters = Array.from({ length: 4 }, () => String.fromCharCode(65 + randomInt(26))).join('');
  const familyName = `Telefono${letters.toLowerCase()}`;
  const codiceFiscale = CodiceFiscale.compute({
    name: 'Adelina',
    surname: familyName,
    gender: 'F',
    day: 12,
    month: 5,
    year: 1938,
    birthplace: 'Cremona',
    birthplaceProvincia: 'CR',
  });
  return { givenName: 'Adelina', familyName, codiceFiscale };
}

describe('phone intake', () => {
  it('takes a request for a new person in fewer than 10 keyboard actions after the codice fiscale, then triages it', async () => {
    const person = newPerson();
    const page = await openPage();
    await logIn(page, 'operatore');
    await page.goto('/richieste/nuova');
    await page.getByRole('heading', { level: 1, name: 'Nuova richiesta' }).waitFor();
    const lookup = page.getByLabel('Codice fiscale, nome e cognome o telefono');
    await expect.poll(() => lookup.evaluate((el) => el.matches(':focus'))).toBe(true);
    await page.keyboard.type(person.codiceFiscale);

    // From here every key press and every typing into a field is one action.
    let actions = 0;
    const press = async (key: string) => {
      actions += 1;
      await page.keyboard.press(key);
    };
    const type = async (text: string) => {
      actions += 1;
      await page.keyboard.type(text);
    };
    const focusedId = () => page.locator(':focus').getAttribute('id');

    await press('Enter'); // nobody has this code: the new person opens, birth date and sex read from it
    await expect.poll(focusedId).toBe('person-fullName');
    expect(await page.getByLabel(/^Data di nascita/).inputValue()).toBe('1938-05-12');
    expect(await page.getByLabel('Femmina').isChecked()).toBe(true);
    await type(`${person.givenName} ${person.familyName}`); // in any order: the code tells the surname
    await page.getByText(`Nome: ${person.givenName} · Cognome: ${person.familyName}`).waitFor();
    await press('Tab');
    await type('Via Mantova 8');
    await press('Tab');
    await type('0372 400 123');
    await press('Tab'); // the list of intervention types
    await press('2'); // "2 Pasti a domicilio"
    expect(await page.getByLabel('Pasti a domicilio').isChecked()).toBe(true);
    await press('Enter'); // saves the person, then the request

    await page.waitForURL(/\/richieste\/[0-9a-f-]{36}$/);
    await page.getByText('Richiesta registrata.').waitFor();
    console.info(`phone intake: ${actions} keyboard actions after the codice fiscale`);
    expect(actions).toBeLessThan(10);

    await page
      .getByRole('heading', {
        level: 1,
        name: `Pasti a domicilio per ${person.familyName} ${person.givenName}`,
      })
      .waitFor();
    expect(await page.getByText('Via Mantova 8').isVisible()).toBe(true);
    // The protocol's first organisation is proposed; accepting creates the task.
    expect(await page.getByLabel('1. CARITAS Diocesana').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Accogli e affida' }).click();
    await page.getByText('Valutazione registrata.').waitFor();
    await page.getByRole('cell', { name: 'Da assegnare' }).waitFor();
    expect(await page.getByRole('listitem').filter({ hasText: 'Affidata a CARITAS Diocesana' }).count()).toBe(
      1,
    );
    await page.context().close();
  });
});
