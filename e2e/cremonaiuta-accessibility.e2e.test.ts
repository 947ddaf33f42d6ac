import type { Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { apiAs } from './harness/api.js';
import { expectNoAxeViolations, logIn, openPage, PHONE } from './harness/browser.js';

async function visit(page: Page, path: string, heading: string | RegExp): Promise<void> {
  await page.goto(path);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await page.waitForLoadState('networkidle');
}

/** Visits each page and runs axe, with its dialogs and forms opened where they change the page. */
describe('accessibility of the CremonAiuta pages (axe, WCAG 2.1 A and AA)', () => {
  it('finds no violations on the operator’s requests, intake, detail with triage and steering room', async () => {
    const page = await openPage();
    await logIn(page, 'operatore');
    await visit(page, '/richieste', 'Richieste di aiuto');
    await expectNoAxeViolations(page);
    await visit(page, '/richieste?stato=new', 'Richieste di aiuto');
    await page.getByRole('table').getByRole('link').first().click();
    await page.getByRole('heading', { name: 'Valuta la richiesta' }).waitFor();
    await page.getByText('Un’altra organizzazione', { exact: true }).click();
    await page.getByRole('button', { name: 'Accogli e affida' }).click();
    await page.getByText('Scegli a quale organizzazione affidarla.').waitFor();
    await expectNoAxeViolations(page);

    await visit(page, '/richieste/nuova', 'Nuova richiesta');
    await page.getByLabel('Codice fiscale, nome e cognome o telefono').fill('RSSMRA30A01D150X');
    await page.keyboard.press('Enter');
    await page.getByLabel(/^Nome e cognome/).waitFor();
    await page.getByRole('button', { name: 'Registra la richiesta' }).click();
    await page.getByText('Scegli il tipo di intervento.').waitFor();
    await expectNoAxeViolations(page);

    await visit(page, '/cabina-di-regia', 'Cabina di regia');
    await expectNoAxeViolations(page);
    await visit(page, '/cabina-di-regia/briefing', /^Briefing del /);
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it('finds no violations on the coordinator’s tasks, assignment dialog, volunteers, review and import', async () => {
    const page = await openPage();
    await logIn(page, 'coordinatore');
    await visit(page, '/compiti', 'Compiti dei volontari');
    await expectNoAxeViolations(page);
    // Every day's open tasks: all days alone begin with the month's deliveries already done.
    await visit(page, '/compiti?giorno=&stato=open', 'Compiti dei volontari');
    const assign = page.getByRole('button', { name: /^Assegna: / }).first();
    await assign.click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /^Assegna a / })
      .first()
      .waitFor();
    await expectNoAxeViolations(page);
    await page.keyboard.press('Escape');

    const coordinator = await apiAs('coordinatore');
    const offered = await coordinator.get<{ items: { id: string }[] }>(
      '/api/volunteers?status=offered&limit=1',
    );
    const approved = await coordinator.get<{ items: { id: string }[] }>(
      '/api/volunteers?status=approved&limit=1',
    );
    await coordinator.dispose();
    await visit(page, '/volontari', 'Volontari');
    await expectNoAxeViolations(page);
    await visit(page, `/volontari/${offered.items[0]!.id}`, /\w/);
    await page.getByRole('heading', { name: 'Esamina la disponibilità' }).waitFor();
    await expectNoAxeViolations(page);
    await visit(page, `/volontari/${approved.items[0]!.id}`, /\w/);
    await page.getByRole('heading', { name: 'Aggiorna i dati' }).waitFor();
    await page.getByRole('button', { name: /^\+ Aggiungi una fascia il lunedì/ }).click();
    await expectNoAxeViolations(page);

    await visit(page, '/volontari/importa', 'Importa volontari da file');
    await page.getByLabel('File CSV o Excel (.xlsx)').setInputFiles({
      name: 'volontari.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'nome;cognome;telefono;comune\nGiada;Prova;333 1234567;Cremona\nSenza;Telefono;;Cremona\n',
      ),
    });
    await page.getByRole('button', { name: 'Carica e importa' }).click();
    await page.getByRole('heading', { name: 'Righe scartate' }).waitFor();
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it('finds no violations on the administrator’s protocol, its editor and the intervention types', async () => {
    const page = await openPage();
    await logIn(page, 'amministratore');
    await visit(page, '/protocollo', 'Protocollo operativo');
    await expectNoAxeViolations(page);
    // A rule per Ambito for each type: the first one's editor.
    await page
      .getByRole('button', { name: /^Modifica: Pasti a domicilio/ })
      .first()
      .click();
    await page.getByRole('dialog').getByText('Organizzazioni in ordine di priorità').waitFor();
    await expectNoAxeViolations(page);
    await page.keyboard.press('Escape');
    await visit(page, '/protocollo/tipi-di-intervento', 'Tipi di intervento');
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it('finds no violations on the citizen’s pages, with a relative and refused fields', async () => {
    const page = await openPage();
    await logIn(page, 'cittadino');
    await visit(page, '/chiedi-aiuto', 'Chiedi aiuto');
    await page.getByText('Per un familiare o una persona che conosco', { exact: true }).click();
    await page.getByRole('button', { name: 'Invia la richiesta' }).click();
    await page.getByText('Scegli di che cosa c’è bisogno.').waitFor();
    await expectNoAxeViolations(page);
    await visit(page, '/le-mie-richieste', 'Le mie richieste');
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it('finds no violations on the public offer form, on a desktop and on a phone', async () => {
    for (const viewport of [undefined, PHONE]) {
      const page = await openPage({ viewport });
      await visit(page, '/diventa-volontario', 'Diventa volontario');
      await page.getByRole('button', { name: 'Invia la mia disponibilità' }).click();
      await page.getByText('Per inviare la disponibilità serve il consenso.').waitFor();
      await expectNoAxeViolations(page);
      await page.context().close();
    }
  });

  it('finds no violations on the volunteer’s tasks on a phone, with the outcome form open', async () => {
    const page = await openPage({ viewport: PHONE });
    await logIn(page, 'volontario');
    await visit(page, '/miei-compiti', 'I miei compiti di oggi');
    await expectNoAxeViolations(page);
    const decline = page.getByRole('button', { name: 'Non posso' }).first();
    if (await decline.isVisible()) {
      await decline.click();
      await page.getByLabel(/^Perché non puoi/).waitFor();
      await expectNoAxeViolations(page);
    }
    await page.context().close();
  });
});
