import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiAs, demoVolunteer } from './harness/api.js';
import { contentWidth, expectNoAxeViolations, logIn, openPage, PHONE } from './harness/browser.js';

const tomorrow = () =>
  new Date(Date.now() + 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Rome' });

/**
 * Tomorrow's groceries for a person of Cremona: the demo volunteer declines (his car is at the
 * mechanic), the coordinator gives it to another volunteer, nobody is at home.
 */
async function failedDelivery(): Promise<{ requestId: string; declinedBy: string; failedBy: string }> {
  const operator = await apiAs('operatore');
  const coordinator = await apiAs('coordinatore');
  const volunteer = await apiAs('volontario');
  const people = await operator.get<{ items: { id: string; comuneCode: string }[] }>(
    '/api/people?q=bian&limit=50',
  );
  const person = people.items.find((p) => p.comuneCode === '019036') ?? people.items[0]!;
  const request = await operator.post<{ id: string }>('/api/requests', {
    channel: 'phone',
    beneficiaryId: person.id,
    interventionTypeId: 'groceries_medicines',
    description: 'Spesa e farmaci',
    preferredDate: tomorrow(),
    confirmSimilar: true,
  });
  const { taskIds } = await operator.post<{ taskIds: string[] }>(`/api/requests/${request.id}/triage`, {
    decision: 'accept',
  });
  const taskId = taskIds[0]!;
  const me = await demoVolunteer();
  await coordinator.post(`/api/tasks/${taskId}/assign`, { volunteerId: me.id });
  await volunteer.post(`/api/tasks/${taskId}/decline`, { reason: 'Ho la macchina dal meccanico' });
  const suggestions = await coordinator.get<{ volunteerId: string; name: string; eligible: boolean }[]>(
    `/api/tasks/${taskId}/suggestions`,
  );
  const other = suggestions.find((s) => s.eligible && s.volunteerId !== me.id)!;
  await coordinator.post(`/api/tasks/${taskId}/assign`, { volunteerId: other.volunteerId });
  await coordinator.post(`/api/tasks/${taskId}/complete`, { outcome: 'failed', reason: 'not_home' });
  await Promise.all([operator.dispose(), coordinator.dispose(), volunteer.dispose()]);
  return { requestId: request.id, declinedBy: me.name, failedBy: other.name };
}

async function openRequest(page: Page, requestId: string): Promise<void> {
  await logIn(page, 'operatore');
  await page.goto('/richieste?stato=da-decidere');
  await page.locator(`a[href="/richieste/${requestId}"]`).first().click();
  await page.getByRole('heading', { level: 2, name: 'Consegna non riuscita: che cosa si fa?' }).waitFor();
}

describe('a failed delivery', () => {
  it('stays open for a decision, with every step of its task shown, and is tried again', async () => {
    const { requestId, declinedBy, failedBy } = await failedDelivery();
    const page = await openPage();
    await openRequest(page, requestId);
    await page.getByText('Consegna non riuscita: da decidere').first().waitFor();

    const history = page.getByRole('list', { name: /^Storia del compito del / });
    await history.getByText(`Assegnato a ${declinedBy}`).waitFor();
    await history.getByText(`Rifiutato da ${declinedBy}`).waitFor();
    await history.getByText('Motivo: Ho la macchina dal meccanico').waitFor();
    await history.getByText(`Riassegnato a ${failedBy}`).waitFor();
    await history.getByText(`Tentato da ${failedBy}, non riuscito`).waitFor();
    await history.getByText('Motivo: La persona non era in casa').waitFor();
    // Who assigned it: the demo coordinator, named on both assignments.
    expect(await history.getByText(/registrato da /).count()).toBeGreaterThanOrEqual(3);
    await expectNoAxeViolations(page);

    await page.getByLabel('Riprova con la stessa organizzazione').check();
    await page.getByLabel(/^Giorno del nuovo tentativo/).fill(tomorrow());
    await page.getByRole('button', { name: 'Programma il nuovo tentativo' }).click();
    await page.getByText('Decisione registrata.').waitFor();
    await page.getByText('Nuovo tentativo', { exact: true }).waitFor();
    // The new attempt, waiting for a volunteer.
    await page.getByText('Ancora nessun passo: il compito aspetta un volontario.').waitFor();
    await page.context().close();
  });

  it('offers the decision on a phone without horizontal scrolling, axe-clean', async () => {
    const { requestId } = await failedDelivery();
    const page = await openPage({ viewport: PHONE });
    await openRequest(page, requestId);
    await expectNoAxeViolations(page);
    expect(await contentWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await page.context().close();
  });
});
