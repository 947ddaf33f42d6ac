import { randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CodiceFiscale } from '../server/src/modules/people/codice-fiscale.js';
import { logIn, openPage } from './harness/browser.js';

/** A made-up person no other run has used: a surname with random letters, and their real code. */
function newPerson() {
  const letters = Array.from({ length: 4 }, () => String.fromCharCode(65 + randomInt(26))).join('');
  const familyName = `Prova${letters.toLowerCase()}`;
  const person = { givenName: 'Ernesta', familyName, day: 7, month: 3, year: 1941 };
  const codiceFiscale = CodiceFiscale.compute({
    name: person.givenName,
    surname: familyName,
    gender: 'F',
    day: 7,
    month: 3,
    year: 1941,
    birthplace: 'Cremona',
    birthplaceProvincia: 'CR',
  });
  // Same code with another last (check) character: well formed, but refused.
  const last = codiceFiscale.charCodeAt(15) - 65;
  const wrongCode = codiceFiscale.slice(0, 15) + String.fromCharCode(65 + ((last + 1) % 26));
  return { ...person, codiceFiscale, wrongCode };
}

describe('registering a person', () => {
  it('lets an operator fix a wrong codice fiscale, save, find and open the person; the revisore sees it in the audit trail', async () => {
    const person = newPerson();
    const operator = await openPage();
    await logIn(operator, 'operatore');

    await operator
      .getByRole('link', { name: /Nuova persona/ })
      .first()
      .click();
    await operator.getByRole('heading', { level: 1, name: 'Nuova persona' }).waitFor();
    const codeField = operator.getByLabel('Codice fiscale');
    await expect.poll(() => codeField.evaluate((el) => el.matches(':focus'))).toBe(true);
    await codeField.fill(person.wrongCode);
    await operator.getByLabel(/^Nome/).focus();
    // The code fills in the birth date and the sex.
    await expect.poll(() => operator.getByLabel(/^Data di nascita/).inputValue()).toBe('1941-03-07');
    expect(await operator.getByLabel('Femmina').isChecked()).toBe(true);
    await operator.getByLabel(/^Nome/).fill(person.givenName);
    await operator.getByLabel(/^Cognome/).fill(person.familyName);
    expect(await operator.getByLabel(/^Comune di residenza/).inputValue()).toBe('019036');
    await operator.getByLabel('Indirizzo').fill('Via Solferino 12');
    await operator.getByLabel('Telefono').fill('0372 555 123');
    // Bootstrap Italia draws the box on the label: click it, as a person does.
    await operator.getByText('Vive da solo/a', { exact: true }).click();
    await operator.getByText('Consenso al trattamento dei dati personali', { exact: true }).click();
    expect(await operator.getByLabel('Vive da solo/a').isChecked()).toBe(true);
    await operator.getByRole('button', { name: 'Registra persona' }).click();

    const fieldError = operator.locator('#person-codiceFiscale-error');
    await expect
      .poll(() => fieldError.textContent())
      .toMatch(/ultimo carattere \(di controllo\) non corrisponde/);
    expect(await codeField.getAttribute('aria-invalid')).toBe('true');
    expect(await codeField.getAttribute('aria-describedby')).toContain('person-codiceFiscale-error');
    await expect.poll(() => codeField.evaluate((el) => el.matches(':focus'))).toBe(true);
    // Refused in the browser, before anything was sent: no error from the server.
    expect(await operator.getByRole('alert').count()).toBe(0);

    await codeField.fill(person.codiceFiscale);
    await operator.getByRole('button', { name: 'Registra persona' }).click();
    await operator.waitForURL(/\/persone\/[0-9a-f-]{36}$/);
    const personId = new URL(operator.url()).pathname.split('/').at(-1)!;
    await operator.getByText('Persona registrata.').waitFor();

    await operator.getByRole('link', { name: 'Persone', exact: true }).click();
    await operator
      .getByLabel(/Nome e cognome, codice fiscale o telefono/)
      .fill(`${person.givenName} ${person.familyName}`);
    await operator.getByRole('button', { name: 'Cerca', exact: true }).click();
    await operator.getByRole('heading', { name: '1 persona trovata' }).waitFor();
    await operator.getByRole('link', { name: `${person.familyName} ${person.givenName}` }).click();
    await operator
      .getByRole('heading', { level: 1, name: `${person.familyName} ${person.givenName}` })
      .waitFor();
    expect(await operator.getByText(person.codiceFiscale).isVisible()).toBe(true);
    expect(await operator.getByText('Vive da solo/a').isVisible()).toBe(true);
    await operator.context().close();

    const auditor = await openPage();
    await logIn(auditor, 'revisore');
    await auditor
      .getByRole('link', { name: /Registro accessi/ })
      .first()
      .click();
    await auditor.getByLabel('Identificativo del dato').fill(personId);
    await auditor.getByRole('button', { name: 'Cerca', exact: true }).click();
    await auditor.waitForURL(/entityId=/);
    const rows = auditor.getByRole('row');
    const created = rows
      .filter({ hasText: 'Registrazione persona' })
      .filter({ hasText: 'operatore@demo.legami.it' });
    const read = rows
      .filter({ hasText: 'Lettura scheda persona' })
      .filter({ hasText: 'operatore@demo.legami.it' });
    await created.first().waitFor();
    expect(await created.count()).toBe(1);
    expect(await read.count()).toBeGreaterThanOrEqual(1);
    await auditor.context().close();
  });
});
