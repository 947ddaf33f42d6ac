import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiAs } from './harness/api.js';
import { expectNoAxeViolations, logIn, openPage, PHONE } from './harness/browser.js';
import { addDays, todayInRome } from '../server/src/platform/time.js';

interface Person {
  id: string;
  givenName: string;
  familyName: string;
  comuneCode: string;
}

const CREMONA = '019036';
// Days in Rome, as the server counts lateness (the UTC date is a day behind after midnight in Italy).
const isoDay = (offset: number) => addDays(todayInRome(), offset);

/** A help request taken at the phone for the n-th person of the registry in Cremona. */
async function helpRequestInCremona(n: number): Promise<{ requestId: string; person: Person }> {
  const operator = await apiAs('operatore');
  const people = await operator.get<{ items: Person[] }>(`/api/people?comune=${CREMONA}&limit=50`);
  const person = people.items[people.items.length - 1 - n]!;
  const request = await operator.post<{ id: string }>('/api/requests', {
    channel: 'phone',
    beneficiaryId: person.id,
    interventionTypeId: 'groceries_medicines',
    description: 'Vive sola, fatica a uscire di casa',
    confirmSimilar: true,
  });
  await operator.dispose();
  return { requestId: request.id, person };
}

/** Fills every choice of the assessment form with its first option, then the given ones. */
async function fillAssessment(page: Page, choices: Record<string, string>): Promise<void> {
  await page.locator('#assessment-katz_adl-bathing').waitFor();
  const selects = page.locator('form select');
  const count = await selects.count();
  for (let i = 0; i < count; i++) {
    const select = selects.nth(i);
    const first = await select.locator('option').nth(1).getAttribute('value');
    await select.selectOption(first!);
  }
  for (const [id, value] of Object.entries(choices)) await page.locator(`#${id}`).selectOption(value);
}

async function openCaseFromRequest(page: Page, requestId: string, person: Person): Promise<string> {
  await page.goto(`/richieste/${requestId}`);
  await page.getByRole('link', { name: 'Apri un fascicolo' }).click();
  await page.getByRole('heading', { level: 1, name: 'Apri un fascicolo' }).waitFor();
  await page.getByLabel(/^Area/).selectOption('elderly');
  await page
    .getByLabel(/^Motivo della presa in carico/)
    .fill('Anziana sola, segnalata dal centralino per la spesa');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Apri il fascicolo' }).click();
  await page
    .getByRole('heading', { level: 1, name: `Fascicolo di ${person.givenName} ${person.familyName}` })
    .waitFor();
  return new URL(page.url()).pathname;
}

describe('case files in the browser', () => {
  it('a social worker opens a case from a help request, assesses, plans with a budget and is refused an expense over the cap', async () => {
    const { requestId, person } = await helpRequestInCremona(0);
    const page = await openPage();
    await logIn(page, 'assistente_sociale');
    const casePath = await openCaseFromRequest(page, requestId, person);
    await page.getByText('Presa in carico', { exact: true }).first().waitFor();
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'Nuova valutazione' }).click();
    await page.getByRole('heading', { level: 1, name: 'Valutazione multidimensionale' }).waitFor();
    await fillAssessment(page, {
      'assessment-katz_adl-bathing': 'dependent',
      'assessment-katz_adl-dressing': 'dependent',
      'assessment-lawton_iadl-shopping': 'c',
    });
    await page.getByText('Punteggio Indice di Katz (ADL): 4 / 6').waitFor();
    await page.getByText('Punteggio Scala di Lawton (IADL): 7 / 8').waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Registra la valutazione' }).click();
    await page.getByText('Valutazione registrata.').waitFor();
    await page.getByRole('cell', { name: '4 / 6' }).first().waitFor();

    await page.getByRole('link', { name: 'Nuovo progetto' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nuovo progetto personalizzato' }).waitFor();
    await page.getByLabel(/^Tipo di progetto/).selectOption('inclusion_pact');
    await page.getByLabel(/^Titolo/).fill('Patto per l’inclusione 2027');
    await page.getByLabel(/^Obiettivo 1/).fill('Fare la spesa in autonomia una volta a settimana');
    await page.getByLabel(/^Indicatore 1/).fill('Spese fatte da sola in un mese');
    await page.getByLabel(/^Impegno 1/).fill('Partecipare al laboratorio di quartiere');
    await page.getByLabel(/^Intervento 1/).fill('Trasporto sociale per la spesa');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Crea il progetto' }).click();
    await page.getByText('Progetto creato.').waitFor();
    await page.getByRole('heading', { level: 3, name: 'Patto per l’inclusione 2027' }).waitFor();

    await page.getByRole('button', { name: 'Apri il budget' }).click();
    const amount = page.getByLabel(/^Importo \(euro\)/);
    await amount.waitFor();
    await amount.fill('2.500,00');
    await page.getByLabel(/^Fornitore/).fill('Cooperativa Igea');
    await page.getByLabel(/^Documento \(fattura, ricevuta\)/).fill('Fattura 118/2026');
    await page.getByRole('button', { name: 'Registra la spesa' }).click();
    const refusal = page.locator('[id^="expense-amount-"][id$="-error"]');
    await expect
      .poll(() => refusal.textContent())
      .toMatch(/supera il budget\. Restano € 2\.000,00 su € 2\.000,00\./);
    expect(await amount.getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page);

    await amount.fill('450,00');
    await page.getByRole('button', { name: 'Registra la spesa' }).click();
    await page.getByText('Spesa registrata.').waitFor();
    await page.getByRole('cell', { name: 'Cooperativa Igea' }).first().waitFor();
    await page.getByText('Spesa di 450,00 € (Cooperativa Igea)').waitFor();
    expect(new URL(page.url()).pathname).toBe(casePath);

    // A wrong expense is corrected by a reversal, with its reason; the row stays.
    await page.getByRole('button', { name: 'Storna: Cooperativa Igea, 450,00 €' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Motivo o documento dello storno/).fill('Nota di credito 7/2026');
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Storna' }).click();
    await page.getByText('Spesa stornata con una scrittura di rettifica.').waitFor();
    await page.getByRole('cell', { name: 'Stornata' }).waitFor();
    await page.getByRole('cell', { name: '-450,00 €' }).waitFor();
    await page.getByText('Storno di 450,00 €: Nota di credito 7/2026').waitFor();
    await page.setViewportSize(PHONE);
    await expectNoAxeViolations(page);
  });

  it('uploads a PDF to the case and refuses a file that is not one, next to the field', async () => {
    const { requestId, person } = await helpRequestInCremona(4);
    const page = await openPage();
    await logIn(page, 'assistente_sociale');
    await openCaseFromRequest(page, requestId, person);
    await page.getByLabel(/^Titolo del documento/).fill('Verbale UVM');
    await page.getByLabel(/^File \(PDF/).setInputFiles({
      name: 'verbale.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('this is not a pdf at all'),
    });
    await page.getByRole('button', { name: 'Carica', exact: true }).click();
    await page
      .locator('#document-file-error')
      .getByText(/sono accettati solo PDF, PNG e JPEG/)
      .waitFor();
    expect(await page.getByLabel(/^File \(PDF/).getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page);
    await page.getByLabel(/^File \(PDF/).setInputFiles({
      name: 'verbale.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
    });
    await page.getByRole('button', { name: 'Carica', exact: true }).click();
    await page.getByText('Documento caricato.').waitFor();
    await page.getByRole('link', { name: 'Scarica Verbale UVM' }).waitFor();
  });

  it('opens another team’s case only with a written reason (break the glass)', async () => {
    const worker = await apiAs('assistente_sociale');
    const caseId = (await worker.get<{ items: { id: string }[] }>('/api/cases')).items[0]!.id;
    await worker.dispose();
    const admin = await apiAs('amministratore');
    const email = `as.emergenza.${Date.now()}@test.legami.it`;
    await admin.post('/api/users', {
      email,
      fullName: 'Assistente sociale del consultorio',
      password: 'Temporanea-2026-consultorio',
      memberships: [
        { organizationId: null, role: 'assistente_sociale', scopeType: 'ambito', scopeId: 'CREMONA' },
      ],
    });
    await admin.dispose();
    const page = await openPage();
    await page.goto('/login');
    await page.getByLabel(/^Email/).fill(email);
    await page.getByLabel(/^Password/).fill('Temporanea-2026-consultorio');
    await page.getByRole('button', { name: 'Accedi', exact: true }).click();
    await page.getByLabel(/^Password attuale/).fill('Temporanea-2026-consultorio');
    await page.getByLabel(/^Nuova password/).fill('Consultorio-Cremona-2027!');
    await page.getByLabel(/^Ripeti la nuova password/).fill('Consultorio-Cremona-2027!');
    await page.getByRole('button', { name: 'Cambia password' }).click();
    await page.waitForURL((url) => url.pathname === '/');

    await page.goto(`/fascicoli/${caseId}`);
    await page.getByText(/seguito da un'altra équipe/).waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Accesso di emergenza' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Motivo/).fill('urgente');
    await dialog.getByRole('button', { name: 'Apri il fascicolo' }).click();
    await dialog
      .locator('#break-glass-reason-error')
      .getByText(/almeno 15 caratteri/)
      .waitFor();
    await expectNoAxeViolations(page);
    await dialog
      .getByLabel(/^Motivo/)
      .fill('Pronto soccorso: la persona è ricoverata e serve il piano in corso');
    await dialog.getByRole('button', { name: 'Apri il fascicolo' }).click();
    await page.getByText(/Stai leggendo il fascicolo con l’accesso di emergenza/).waitFor();
    await page.getByRole('heading', { level: 1, name: /^Fascicolo di / }).waitFor();
    expect(await page.getByRole('link', { name: 'Nuova valutazione' }).count()).toBe(0);
    await expectNoAxeViolations(page);
  });

  it('lets the DPO download a person’s data as JSON and PDF (GDPR art. 15)', async () => {
    const { person } = await helpRequestInCremona(5);
    for (const viewport of [undefined, PHONE]) {
      const page = await openPage({ viewport });
      await logIn(page, 'revisore');
      await page.goto('/gdpr');
      await page.getByRole('heading', { level: 1, name: 'Accesso ai dati personali (GDPR)' }).waitFor();
      await page.getByLabel(/^Identificativo della persona/).fill('not-an-id');
      await page.getByRole('button', { name: 'Prepara l’esportazione' }).click();
      await page.getByText(/scrivi l’identificativo della persona/).waitFor();
      await expectNoAxeViolations(page);
      await page.getByLabel(/^Identificativo della persona/).fill(person.id);
      await page.getByRole('button', { name: 'Prepara l’esportazione' }).click();
      const [json] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Scarica i dati (JSON)' }).click(),
      ]);
      const data = JSON.parse(await readFile((await json.path())!, 'utf8')) as {
        person: { familyName: string };
      };
      expect(data.person.familyName).toBe(person.familyName);
      const [pdf] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Scarica il PDF' }).click(),
      ]);
      expect((await readFile((await pdf.path())!)).subarray(0, 5).toString()).toBe('%PDF-');
      await expectNoAxeViolations(page);
    }
  });

  it('shows a second assessment’s change side by side, with a chart per domain', async () => {
    const { requestId, person } = await helpRequestInCremona(1);
    const page = await openPage();
    await logIn(page, 'assistente_sociale');
    await openCaseFromRequest(page, requestId, person);
    for (const [on, bathing] of [
      [isoDay(-30), 'dependent'],
      [isoDay(0), 'independent'],
    ] as const) {
      await page.getByRole('link', { name: 'Nuova valutazione' }).click();
      await page.getByRole('heading', { level: 1, name: 'Valutazione multidimensionale' }).waitFor();
      await fillAssessment(page, { 'assessment-katz_adl-bathing': bathing });
      await page.getByLabel(/^Data della valutazione/).fill(on);
      await page.getByRole('button', { name: 'Registra la valutazione' }).click();
      await page.getByText('Valutazione registrata.').waitFor();
    }
    await page.getByRole('button', { name: 'Confronta' }).click();
    await page.getByRole('heading', { level: 1, name: 'Confronto tra due valutazioni' }).waitFor();
    const health = page.getByRole('row', { name: /Salute e autonomia/ });
    await expect.poll(() => health.textContent()).toMatch(/Migliorato/);
    expect(await health.textContent()).toContain('-1');
    expect(await page.locator('figure .recharts-surface').count()).toBe(6);
    await page.getByRole('cell', { name: '5 / 6' }).first().waitFor();
    await page.getByRole('cell', { name: '6 / 6' }).first().waitFor();
    await expectNoAxeViolations(page);
    await page.setViewportSize(PHONE);
    await expectNoAxeViolations(page);
  });

  it('puts a protected discharge with a late step on the board, in red', async () => {
    const { requestId, person } = await helpRequestInCremona(2);
    const page = await openPage();
    await logIn(page, 'assistente_sociale');
    await openCaseFromRequest(page, requestId, person);
    await page.getByRole('button', { name: 'Nuova dimissione protetta' }).click();
    await page.getByLabel(/^Ospedale/).fill('ASST di Cremona');
    await page.getByLabel(/^Reparto/).fill('Medicina generale');
    await page.getByLabel(/^Data della segnalazione/).fill(isoDay(-10));
    await page.getByLabel(/^Data di dimissione/).fill(isoDay(-4));
    // The first step is three days late; the others fall due around the discharge.
    await page.getByLabel(/^Valutazione in reparto/).fill(isoDay(-3));
    await page.getByLabel(/^Piano di assistenza domiciliare/).fill(isoDay(0));
    await page.getByLabel(/^Ausili/).fill(isoDay(1));
    await page.getByLabel(/^Caregiver individuato/).fill(isoDay(1));
    await page.getByLabel(/^Prima visita a domicilio/).fill(isoDay(2));
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Apri la dimissione protetta' }).click();
    await page.getByText('In ritardo di 3 giorni').waitFor();
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'Home' }).first().click();
    // The demo's own late pathway is on the board too: this person's line is the one just opened.
    const late = page
      .locator('#board-late')
      .locator('..')
      .locator('li', { hasText: `${person.givenName} ${person.familyName}` })
      .filter({ hasText: '3 giorni di ritardo' })
      .first();
    await late.waitFor();
    expect(await late.textContent()).toMatch(/Valutazione in reparto.*3 giorni di ritardo/);
    expect(await late.getAttribute('class')).toContain('case-late');
    expect(await late.getByText('In ritardo', { exact: true }).count()).toBe(1);
    await expectNoAxeViolations(page);
    await page.setViewportSize(PHONE);
    await expectNoAxeViolations(page);
  });

  it('finds no violations on the case pages on a phone (390×844)', async () => {
    const { requestId, person } = await helpRequestInCremona(3);
    const page = await openPage({ viewport: PHONE });
    await logIn(page, 'assistente_sociale');
    await expectNoAxeViolations(page);
    const casePath = await openCaseFromRequest(page, requestId, person);
    await expectNoAxeViolations(page);
    // Closing needs the outcome; suspending does not.
    await page.getByLabel(/^Nuovo stato/).selectOption('closed');
    await page.getByRole('button', { name: 'Cambia lo stato' }).click();
    await page
      .locator('#case-outcome-error')
      .getByText(/scrivi l'esito/)
      .waitFor();
    await expectNoAxeViolations(page);
    await page.getByLabel(/^Nuovo stato/).selectOption('suspended');
    await page.getByRole('button', { name: 'Cambia lo stato' }).click();
    await page.getByText('Sospeso', { exact: true }).first().waitFor();
    await page.goto(`${casePath}/valutazioni/nuova`);
    await page.getByRole('heading', { level: 1, name: 'Valutazione multidimensionale' }).waitFor();
    await expectNoAxeViolations(page);
    await page.goto(`${casePath}/progetti/nuovo`);
    await page.getByRole('heading', { level: 1, name: 'Nuovo progetto personalizzato' }).waitFor();
    await expectNoAxeViolations(page);
    await page.goto('/fascicoli');
    await page.getByRole('heading', { level: 1, name: 'Fascicoli sociali' }).waitFor();
    await page.getByRole('heading', { name: /^I miei fascicoli/ }).waitFor();
    await expectNoAxeViolations(page);
  });
});
