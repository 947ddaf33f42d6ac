import { describe, expect, it } from 'vitest';
import type { Proposal } from '../shared/src/pacts/pacts.schemas.js';
import {
  contentWidth,
  expectNoAxeViolations,
  logIn,
  openPage,
  PHONE,
  sentStatuses,
} from './harness/browser.js';

const TITLE = 'Aiuola del sagrato di San Luca';

describe('a pact proposal received at the desk', () => {
  it('is typed in by the office with the proposer’s name and contact, every missing field named at once', async () => {
    const page = await openPage({ viewport: PHONE });
    await logIn(page, 'welfare_manager');
    const proposals = async () =>
      (await (await page.request.get('/api/pacts/proposals')).json()) as Proposal[];
    // Other journeys run beside this one and may add proposals: what this page sent is watched.
    const sent = sentStatuses(page, 'POST', '/api/pacts/proposals');

    await page.goto('/patti');
    await page.getByRole('link', { name: 'Registra una proposta ricevuta allo sportello' }).click();
    await page.getByRole('heading', { level: 1, name: 'Proposta ricevuta allo sportello' }).waitFor();
    await page.waitForLoadState('networkidle');
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Registra la proposta' }).click();
    for (const id of [
      'proposal-commonsName',
      'proposal-title',
      'proposal-description',
      'proposal-proposerFullName',
    ])
      await page.locator(`#${id}[aria-invalid="true"]`).waitFor();
    // Refused before or by the server: nothing saved.
    expect(sent.filter((status) => status < 400)).toEqual([]);
    await expectNoAxeViolations(page);

    await page.getByLabel(/^Comune/).selectOption({ label: 'Cremona' });
    await page.getByLabel(/^Nome del luogo da curare/).fill('Sagrato di San Luca');
    await page.getByLabel(/^Titolo della proposta/).fill(TITLE);
    await page
      .getByLabel(/^Che cosa volete fare/)
      .fill('Curiamo l’aiuola del sagrato e la annaffiamo d’estate.');
    await page.getByLabel(/^Nome e cognome di chi propone/).fill('Giuseppina Ferrari');
    await page.getByLabel(/^Telefono di chi propone/).fill('0372 412345');
    expect(await contentWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await page.getByRole('button', { name: 'Registra la proposta' }).click();

    await page.getByRole('heading', { level: 1, name: 'Patti di collaborazione: proposte' }).waitFor();
    const card = page.getByRole('article', { name: TITLE });
    await card.waitFor();
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('Ricevuta allo sportello');
    expect(text).toContain('Giuseppina Ferrari');
    expect(sent.filter((status) => status < 400)).toHaveLength(1);
    const recorded = (await proposals()).find((p) => p.title === TITLE);
    expect(recorded).toMatchObject({
      comuneCode: '019036',
      commonsId: null,
      commonsName: 'Sagrato di San Luca',
      proposerFullName: 'Giuseppina Ferrari',
      proposerPhone: '0372 412345',
      proposerEmail: null,
      onlineByCitizen: false,
      status: 'received',
    });
    await page.context().close();
  });
});
