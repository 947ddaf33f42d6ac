import { describe, expect, it } from 'vitest';
import { openTaskOfToday } from './harness/api.js';
import { logIn, openPage } from './harness/browser.js';

describe('assigning a task', () => {
  it('lets the coordinator assign an open task to the first suggested volunteer in one click', async () => {
    const person = await openTaskOfToday();
    const name = `${person.familyName} ${person.givenName}`;
    const page = await openPage();
    await logIn(page, 'coordinatore');
    await page.getByRole('link', { name: 'Compiti', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Compiti dei volontari' }).waitFor();
    await page.getByLabel('Stato').selectOption('open');
    await page.getByRole('button', { name: 'Cerca', exact: true }).click();
    await page.waitForURL(/stato=open/);

    await page
      .getByRole('button', { name: `Assegna: ${name}` })
      .first()
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: new RegExp(`per ${name}$`) }).waitFor();
    // The server ranks them; those who can do it come first, each with the reasons to know.
    const first = dialog.getByRole('button', { name: /^Assegna a / }).first();
    const volunteer = ((await first.textContent()) ?? '').replace(/^Assegna a /, '');
    await first.click();

    await page.getByText(`Compito assegnato a ${volunteer}.`).waitFor();
    expect(await dialog.isVisible()).toBe(false);
    await page.getByLabel('Stato').selectOption('assigned');
    await page.getByRole('button', { name: 'Cerca', exact: true }).click();
    await page.waitForURL(/stato=assigned/);
    await page.getByRole('row').filter({ hasText: name }).filter({ hasText: volunteer }).first().waitFor();
    await page.context().close();
  });
});
