import { describe, expect, it } from 'vitest';
import { apiAs } from './harness/api.js';
import { logIn, openPage, PHONE } from './harness/browser.js';

interface Task {
  id: string;
  status: string;
  moneyAdvancedCents: number;
  beneficiary: { givenName: string; familyName: string; phone: string | null };
}

describe("a volunteer's tasks of the day, on a phone", () => {
  it('accepts a task and marks it done with the money advanced typed in euros', async () => {
    const page = await openPage({ viewport: PHONE });
    await logIn(page, 'volontario');
    await page.getByRole('link', { name: /I miei compiti di oggi/ }).click();
    await page.getByRole('heading', { level: 1, name: 'I miei compiti di oggi' }).waitFor();

    const card = page
      .getByRole('article')
      .filter({ has: page.getByRole('button', { name: 'Accetto' }) })
      .first();
    const name = (await card.getByRole('heading', { level: 2 }).textContent()) ?? '';
    const call = card.getByRole('link', { name: `Chiama ${name}` });
    expect(await call.getAttribute('href')).toMatch(/^tel:\+?\d+$/);
    expect(await card.getByRole('link', { name: /Indicazioni stradali/ }).getAttribute('href')).toMatch(
      /^https:\/\/www\.openstreetmap\.org\/directions\?route=;\d+\.\d+(,|%2C)\d+\.\d+$/,
    );
    // Big targets on the phone.
    const accept = card.getByRole('button', { name: 'Accetto' });
    expect((await accept.boundingBox())?.height).toBeGreaterThanOrEqual(48);

    await accept.click();
    await page.getByText('Compito accettato.').waitFor();
    const accepted = page.getByRole('article').filter({ hasText: name }).first();
    await accepted.getByRole('button', { name: 'Fatto' }).click();
    await accepted.getByLabel('Soldi anticipati per la spesa, in euro').fill('23,50');
    await accepted.getByRole('button', { name: 'Conferma: fatto' }).click();
    await page.getByText('Esito registrato. Grazie!').waitFor();
    await page
      .getByRole('article')
      .filter({ hasText: name })
      .getByText(/Anticipati 23,50\s€/)
      .waitFor();

    const volunteer = await apiAs('volontario');
    const { items } = await volunteer.get<{ items: Task[] }>('/api/tasks/mine');
    const done = items.find(
      (task) => `${task.beneficiary.familyName} ${task.beneficiary.givenName}` === name,
    );
    expect(done).toMatchObject({ status: 'done', moneyAdvancedCents: 2350 });
    await volunteer.dispose();
    await page.context().close();
  });
});
