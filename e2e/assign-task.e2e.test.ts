import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from './harness/api.js';
import { launchBrowser, logIn, openPage } from './harness/browser.js';

interface Person {
  id: string;
  givenName: string;
  familyName: string;
  comuneCode: string;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

/** An open grocery task of today for AUSER Cremona: a phone request accepted under the protocol. */
async function openTaskOfToday(): Promise<Person> {
  const operator = await apiAs('operatore');
  const people = await operator.get<{ items: Person[] }>('/api/people?q=rossi&limit=50');
  const person = people.items.find((p) => p.comuneCode === '019036') ?? people.items[0]!;
  const request = await operator.post<{ id: string }>('/api/requests', {
    channel: 'phone',
    beneficiaryId: person.id,
    interventionTypeId: 'groceries_medicines',
    description: 'Spesa della settimana',
    confirmSimilar: true,
  });
  await operator.post(`/api/requests/${request.id}/triage`, { decision: 'accept' });
  await operator.dispose();
  return person;
}

describe('assigning a task', () => {
  it('lets the coordinator assign an open task to the first suggested volunteer in one click', async () => {
    const person = await openTaskOfToday();
    const name = `${person.familyName} ${person.givenName}`;
    const page = await openPage(browser);
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
