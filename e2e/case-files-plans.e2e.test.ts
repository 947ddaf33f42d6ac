import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { apiAs } from './harness/api.js';
import { expectNoAxeViolations, logIn, openPage, PHONE } from './harness/browser.js';

// The demo's PNRR home-care allocation is over the Ambito Cremasco: Crema's social worker.
const CREMA = '019035';
const WORKER = 'assistente_sociale.crema';

interface CaseBody {
  plans: { id: string; title: string; budget: { fundsLineId: string | null } | null }[];
  discharges: { id: string; homePlanId: string | null }[];
}

/** A case opened through the API by Crema's social worker, from a help request taken at the phone. */
async function caseFromRequest(n: number): Promise<{ caseId: string; requestId: string }> {
  const worker = await apiAs(WORKER);
  const people = await worker.get<{ items: { id: string }[] }>(`/api/people?comune=${CREMA}&limit=50`);
  const person = people.items[people.items.length - 1 - n]!;
  const request = await worker.post<{ id: string }>('/api/requests', {
    channel: 'phone',
    beneficiaryId: person.id,
    interventionTypeId: 'groceries_medicines',
    description: 'Spesa e farmaci ogni settimana',
    confirmSimilar: true,
  });
  const teams =
    await worker.get<{ id: string; comuneCode: string; members: { name: string }[] }[]>('/api/social-teams');
  const me = await worker.get<{ fullName: string }>('/api/auth/me');
  const team = teams.find((t) => t.members.some((m) => m.name === me.fullName))!;
  const opened = await worker.post<{ id: string }>('/api/cases', {
    personId: person.id,
    area: 'elderly',
    source: 'help_request',
    sourceRequestId: request.id,
    reason: 'Dimessa dall’ospedale, vive sola',
    teamId: team.id,
  });
  await worker.dispose();
  return { caseId: opened.id, requestId: request.id };
}

async function caseAsWorker(caseId: string): Promise<CaseBody> {
  const worker = await apiAs(WORKER);
  const body = await worker.get<CaseBody>(`/api/cases/${caseId}`);
  await worker.dispose();
  return body;
}

describe('plans, budgets and discharges in the browser', () => {
  for (const viewport of [undefined, PHONE]) {
    it(`draws a home-care budget from the comune’s line, edits the draft plan with linked interventions and ends a discharge in it (${viewport ? 'phone' : 'desktop'})`, async () => {
      const { caseId, requestId } = await caseFromRequest(viewport ? 1 : 0);
      const page = await openPage({ viewport });
      await logIn(page, WORKER);
      await page.goto(`/fascicoli/${caseId}/progetti/nuovo`);
      await page.getByRole('heading', { level: 1, name: 'Nuovo progetto personalizzato' }).waitFor();
      await page.getByLabel(/^Tipo di progetto/).selectOption('home_care');
      await page.getByLabel(/^Titolo/).fill('Rientro a casa');
      await page.getByLabel(/^Obiettivo 1/).fill('Restare a casa in sicurezza');
      await page.getByLabel(/^Indicatore 1/).fill('Nessun nuovo ricovero in tre mesi');
      await page.getByRole('button', { name: 'Crea il progetto' }).click();
      await page.getByText('Progetto creato.').waitFor();

      // The budget: PNRR home care must name the comune's line; the options say what is left.
      await page.getByLabel(/^Programma/).selectOption('pnrr_home_care');
      await page.getByRole('button', { name: 'Apri il budget' }).click();
      const source = page.getByLabel(/^Linea di finanziamento/);
      await page
        .locator('[id^="budget-source-"][id$="-error"]')
        .getByText(/si attiva sulla quota del comune/)
        .waitFor();
      expect(await source.getAttribute('aria-invalid')).toBe('true');
      await expectNoAxeViolations(page);
      const option = source.locator('option').nth(1);
      expect(await option.textContent()).toMatch(/— Crema \(disponibili [\d.]+,\d\d\s€\)$/);
      await source.selectOption((await option.getAttribute('value'))!);
      await page.getByRole('button', { name: 'Apri il budget' }).click();
      await page.getByText('Budget di progetto aperto: tetto 2000,00 €').waitFor();
      const withBudget = await caseAsWorker(caseId);
      expect(withBudget.plans[0]!.budget!.fundsLineId).toEqual(expect.any(String));

      // The draft is edited: a second goal, the intervention linked to the person's help request.
      await page.getByRole('link', { name: 'Modifica il progetto: Rientro a casa' }).click();
      await page.getByRole('heading', { level: 1, name: 'Modifica il progetto' }).waitFor();
      expect(await page.getByLabel(/^Obiettivo 1/).inputValue()).toBe('Restare a casa in sicurezza');
      await page.getByRole('button', { name: 'Aggiungi un obiettivo' }).click();
      await page.getByLabel(/^Obiettivo 2/).fill('Uscire una volta a settimana');
      await page.getByLabel(/^Indicatore 2/).fill('Uscite accompagnate');
      await page.getByLabel(/^Tipo di intervento \(1\)/).selectOption('help_request');
      const reference = page.getByLabel(/^Collegato a \(1\)/);
      await reference.selectOption({ index: 1 });
      expect(await page.getByLabel(/^Intervento 1/).inputValue()).toMatch(/, richiesta del \d{4}-\d\d-\d\d$/);
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: 'Salva le modifiche' }).click();
      await page.getByText('Progetto aggiornato.').waitFor();
      await page.getByRole('cell', { name: 'Uscire una volta a settimana' }).waitFor();
      await page.getByText('(collegato)').waitFor();
      await expectNoAxeViolations(page);
      const edited = await caseAsWorker(caseId);
      const worker = await apiAs(WORKER);
      const full = await worker.get<{
        plans: { goals: unknown[]; interventions: { kind: string; referenceId: string | null }[] }[];
      }>(`/api/cases/${caseId}`);
      await worker.dispose();
      expect(full.plans[0]!.goals).toHaveLength(2);
      expect(full.plans[0]!.interventions).toEqual([
        expect.objectContaining({ kind: 'help_request', referenceId: requestId }),
      ]);

      // A protected discharge ends in the home plan.
      await page.getByRole('button', { name: 'Nuova dimissione protetta' }).click();
      await page.getByLabel(/^Ospedale/).fill('ASST di Crema – Ospedale Maggiore');
      await page.getByRole('button', { name: 'Apri la dimissione protetta' }).click();
      const homePlan = page.getByLabel(/^Progetto domiciliare in cui termina/);
      await homePlan.selectOption({ label: 'Rientro a casa' });
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: 'Collega il progetto' }).click();
      await page.getByText('Termina nel progetto «Rientro a casa»').waitFor();
      await page.getByText('Dimissione protetta: termina nel progetto "Rientro a casa"').waitFor();
      expect((await caseAsWorker(caseId)).discharges[0]!.homePlanId).toBe(edited.plans[0]!.id);
      await expectNoAxeViolations(page);
      await page.context().close();
    });
  }

  it('lets the citizen download their own data from their area (GDPR art. 15)', async () => {
    for (const viewport of [undefined, PHONE]) {
      const page = await openPage({ viewport });
      await logIn(page, 'cittadino');
      await page.goto('/le-mie-richieste');
      await page.getByRole('heading', { level: 2, name: 'I miei dati' }).waitFor();
      await expectNoAxeViolations(page);
      const me = (await (await page.request.get('/api/auth/me')).json()) as { personId: string };
      const [json] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Scarica i dati (JSON)' }).click(),
      ]);
      const data = JSON.parse(await readFile((await json.path())!, 'utf8')) as { person: { id: string } };
      expect(data.person.id).toBe(me.personId);
      const [pdf] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Scarica il PDF' }).click(),
      ]);
      expect((await readFile((await pdf.path())!)).subarray(0, 5).toString()).toBe('%PDF-');
      await page.context().close();
    }
  });
});
