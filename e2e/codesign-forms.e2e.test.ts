import { describe, expect, it } from 'vitest';
import type { CallDetail, PublicCall } from '../shared/src/codesign/codesign.schemas.js';
import { contentWidth, expectNoAxeViolations, logIn, openPage, PHONE } from './harness/browser.js';

// A call that closed in the spring of 2025, before seed 002's (20 June 2025): the public and office
// lists order calls by closing day, latest first, and the other journeys read the demo's call first.
const TITLE = 'Avviso di co-progettazione — orti sociali per la terza età';

describe('the office’s forms for co-design', () => {
  it('publishes a call, records two paper proposals and signs the agreement with the best-ranked body', async () => {
    const page = await openPage({ viewport: PHONE });
    await logIn(page, 'amministratore');
    const calls = async () =>
      ((await (await page.request.get('/api/public/codesign/calls')).json()) as PublicCall[]).filter(
        (c) => c.title === TITLE,
      );

    await page.goto('/co-progettazione/avvisi');
    await page.getByRole('link', { name: 'Nuovo avviso' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nuovo avviso' }).waitFor();
    await page.waitForLoadState('networkidle');
    await expectNoAxeViolations(page);

    // Everything wrong at once: each field names its own problem, and no call is published.
    await page.getByLabel('Titolo dell’avviso').fill('Or');
    await page.getByLabel('Risorse dell’avviso (euro)').fill('tanti');
    await page.getByRole('button', { name: 'Pubblica l’avviso' }).click();
    await page.locator('#call-title[aria-invalid="true"]').waitFor();
    for (const id of ['call-description', 'call-budget', 'call-opensOn', 'call-closesOn'])
      expect(await page.locator(`#${id}`).getAttribute('aria-invalid'), id).toBe('true');
    expect(await page.locator('#call-criterion-0-label').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#call-criterion-0-maxScore').getAttribute('aria-invalid')).toBe('true');
    expect(await calls()).toEqual([]);

    await page.getByLabel('Comune che pubblica l’avviso').selectOption({ label: 'Crema' });
    await page.getByLabel('Titolo dell’avviso').fill(TITLE);
    await page
      .getByLabel('Descrizione')
      .fill('Orti curati insieme da anziani soli e volontari, con trasporto e merenda.');
    await page.getByLabel('Risorse dell’avviso (euro)').fill('40.000');
    await page.getByLabel('Apertura').fill('2025-02-01');
    await page.getByLabel('Chiusura').fill('2025-03-15');
    await page.getByLabel('Progetto dei fondi').selectOption({
      label: 'Servizi domiciliari personalizzati per anziani fragili — PNRR Ambito Cremasco',
    });
    await page.locator('#call-criterion-0-label').fill('Qualità del progetto');
    await page.getByLabel('Punteggio massimo del criterio 1').fill('70');
    await page.getByRole('button', { name: 'Aggiungi un criterio' }).click();
    await page.locator('#call-criterion-1-label').fill('Rete con il volontariato');
    await page.getByLabel('Punteggio massimo del criterio 2').fill('30');
    expect(await contentWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await page.getByRole('button', { name: 'Pubblica l’avviso' }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    const [published] = await calls();
    expect(published).toMatchObject({ budgetCents: 4_000_000, state: 'closed', comuneName: 'Crema' });
    expect(published!.criteria.map((c) => [c.label, c.maxScore])).toEqual([
      ['Qualità del progetto', 70],
      ['Rete con il volontariato', 30],
    ]);
    expect(published!.project?.title).toBe(
      'Servizi domiciliari personalizzati per anziani fragili — PNRR Ambito Cremasco',
    );
    const detail = async () =>
      (await (await page.request.get(`/api/codesign/calls/${published!.id}`)).json()) as CallDetail;

    // A proposal dated after the call closed is refused next to its date, and none is recorded.
    const paper = page.getByRole('form', { name: 'Proposta ricevuta in forma cartacea' });
    const fillPaper = async (body: string, title: string, euros: string, day: string, contact: string) => {
      await paper.getByLabel('Ente del Terzo Settore').selectOption({ label: body });
      await paper.getByLabel('Titolo della proposta').fill(title);
      await paper.getByLabel('Sintesi della proposta').fill(`${title}: orti in quattro quartieri di Crema.`);
      await paper.getByLabel('Contributo richiesto (euro)').fill(euros);
      await paper.getByLabel('Data di presentazione').fill(day);
      await paper.locator('#proposal-fullName').fill(contact);
      await paper.getByRole('button', { name: 'Registra la proposta' }).click();
    };
    await fillPaper('Cooperativa sociale Igea', 'Orti di comunità', '38.000', '2025-04-02', 'Paola Rossi');
    await paper.locator('#proposal-submittedOn[aria-invalid="true"]').waitFor();
    expect((await detail()).proposals).toEqual([]);
    await paper.getByLabel('Data di presentazione').fill('2025-03-10');
    await paper.getByRole('button', { name: 'Registra la proposta' }).click();
    await page.getByRole('article', { name: 'Orti di comunità' }).waitFor();
    await fillPaper('Cooperativa sociale Meraki', 'Verde insieme', '25.000', '2025-03-14', 'Luca Bianchi');
    await page.getByRole('article', { name: 'Verde insieme' }).waitFor();
    expect(
      (await detail()).proposals.map((p) => [p.organizationName, p.requestedCents, p.submittedOn]),
    ).toEqual(
      expect.arrayContaining([
        ['Cooperativa sociale Igea', 3_800_000, '2025-03-10'],
        ['Cooperativa sociale Meraki', 2_500_000, '2025-03-14'],
      ]),
    );
    await expectNoAxeViolations(page);

    // Scored criterion by criterion, Igea first: the agreement form opens with Igea as lead.
    for (const [title, marks] of [
      ['Orti di comunità', ['60', '25']],
      ['Verde insieme', ['50', '20']],
    ] as const) {
      const card = page.getByRole('article', { name: title });
      await card.getByLabel('Qualità del progetto (da 0 a 70)').fill(marks[0]);
      await card.getByLabel('Rete con il volontariato (da 0 a 30)').fill(marks[1]);
      await card.getByRole('button', { name: 'Registra la valutazione' }).click();
      await card.getByText(/^Punteggio totale/).waitFor();
    }
    const agreement = page.getByRole('form', { name: 'Accordo di partenariato' });
    await agreement.getByText('Capofila: Cooperativa sociale Igea').waitFor();
    await agreement.getByText('Cooperativa sociale Meraki', { exact: true }).click();
    await agreement.getByLabel('Voce di bilancio di Cooperativa sociale Igea').selectOption({ index: 1 });
    await agreement.getByLabel('Data della firma').fill('2025-04-20');
    await agreement.getByLabel('Inizio').fill('2025-05-01');
    await agreement.getByLabel('Fine').fill('2025-04-30');
    await agreement.getByRole('button', { name: 'Firma l’accordo' }).click();
    await agreement.locator('#agreement-endsOn[aria-invalid="true"]').waitFor();
    expect((await detail()).agreement).toBeNull();

    await agreement.getByLabel('Fine').fill('2025-10-31');
    await agreement.getByRole('button', { name: 'Firma l’accordo' }).click();
    await page.getByRole('heading', { level: 2, name: /^Accordo di partenariato firmato/ }).waitFor();
    const signed = await detail();
    expect(signed.state).toBe('awarded');
    expect(signed.agreement).toMatchObject({
      signedOn: '2025-04-20',
      startsOn: '2025-05-01',
      endsOn: '2025-10-31',
    });
    const members = signed.agreement!.partners.map((p) => [p.name, p.role, p.fundLineId !== null]);
    expect(members).toEqual(
      expect.arrayContaining([
        ['Cooperativa sociale Igea', 'lead', true],
        ['Cooperativa sociale Meraki', 'partner', false],
      ]),
    );
    expect(members).toHaveLength(2);
    expect(signed.fundLines.map((l) => l.id)).toContain(
      signed.agreement!.partners.find((p) => p.role === 'lead')!.fundLineId,
    );
    expect(await contentWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await expectNoAxeViolations(page);
    await page.context().close();
  });
});
