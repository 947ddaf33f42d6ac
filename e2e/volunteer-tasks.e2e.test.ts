import { describe, expect, it } from 'vitest';
import { apiAs, groceryTasksOfToday } from './harness/api.js';
import { logIn, openPage, PHONE } from './harness/browser.js';

interface Task {
  id: string;
  status: string;
  moneyAdvancedCents: number;
  beneficiary: { givenName: string; familyName: string; phone: string | null };
}

describe("a volunteer's tasks of the day, on a phone", () => {
  it('accepts a task and marks it done with the money advanced typed in euros', async () => {
    const { person, taskId } = (await groceryTasksOfToday(1, { toDemoVolunteer: true }))[0]!;
    const name = `${person.familyName} ${person.givenName}`;
    const page = await openPage({ viewport: PHONE });
    await logIn(page, 'volontario');
    await page.getByRole('link', { name: /I miei compiti di oggi/ }).click();
    await page.getByRole('heading', { level: 1, name: 'I miei compiti di oggi' }).waitFor();

    const card = page.getByRole('article').filter({ has: page.getByRole('heading', { level: 2, name }) });
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
    await card.getByRole('button', { name: 'Fatto' }).click();
    await card.getByLabel('Soldi anticipati per la spesa, in euro').fill('23,50');
    await card.getByRole('button', { name: 'Conferma: fatto' }).click();
    await page.getByText('Esito registrato. Grazie!').waitFor();
    await card.getByText(/Anticipati 23,50\s€/).waitFor();

    const volunteer = await apiAs('volontario');
    expect(await volunteer.get<Task>(`/api/tasks/${taskId}`)).toMatchObject({
      status: 'done',
      moneyAdvancedCents: 2350,
      beneficiary: { givenName: person.givenName, familyName: person.familyName },
    });
    await volunteer.dispose();
    await page.context().close();
  });
});
