import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, logIn, openPage, PHONE } from './harness/browser.js';

const OPERATOR = 'Marco Bassi'; // the demo operatore

describe('the audit trail, as an auditor reads it', () => {
  it('names every operation and record, finds a user by name, links the record, exports CSV', async () => {
    // The operator opens a request: a read of personal data to find again.
    const operator = await openPage();
    await logIn(operator, 'operatore');
    await operator.goto('/richieste');
    await operator.locator('table tbody tr a').first().click();
    await operator.waitForURL(/\/richieste\/[0-9a-f-]{36}$/);
    const requestId = operator.url().split('/').at(-1)!;
    await operator.context().close();

    const auditor = await openPage();
    await logIn(auditor, 'revisore');
    await auditor.goto('/registro-accessi');
    await auditor.getByRole('heading', { level: 1, name: 'Registro accessi' }).waitFor();

    // The filters list every operation and kind of record, by name.
    const actions = await auditor.getByLabel('Operazione').locator('option').allTextContents();
    for (const name of [
      'Valutazione richiesta di aiuto',
      'Assegnazione compito',
      'Lettura compiti',
      'Accesso',
    ])
      expect(actions).toContain(name);
    const kinds = await auditor.getByLabel('Tipo di dato').locator('option').allTextContents();
    expect(kinds).toEqual(
      expect.arrayContaining(['Richiesta di aiuto', 'Compito', 'Piano dei giri', 'Persona']),
    );

    // The user by name, not only by email.
    await auditor.getByLabel('Utente', { exact: true }).fill(OPERATOR);
    await auditor.getByLabel('Operazione').selectOption({ label: 'Lettura richiesta di aiuto' });
    await auditor.getByRole('button', { name: 'Cerca' }).click();
    const rows = auditor.locator('table tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    const row = rows.filter({ hasText: requestId.slice(0, 8) }).first();
    await row.getByText('Lettura richiesta di aiuto', { exact: true }).waitFor();
    await row.getByText(OPERATOR, { exact: true }).waitFor();
    await row.getByText('Operatore', { exact: true }).waitFor();
    expect(await auditor.locator('table').textContent()).not.toContain('request.read');
    // The record by kind and short id, with its own trail one click away.
    await row.getByText(`Richiesta di aiuto ${requestId.slice(0, 8)}`, { exact: true }).waitFor();
    expect(
      await row
        .getByRole('link', { name: `Registro di richiesta di aiuto ${requestId.slice(0, 8)}` })
        .getAttribute('href'),
    ).toBe(`/registro-accessi?entityId=${requestId}`);

    // A login shows the user's roles, never "()".
    await auditor.getByLabel('Operazione').selectOption({ label: 'Accesso' });
    await auditor.getByRole('button', { name: 'Cerca' }).click();
    const login = auditor.locator('table tbody tr').first();
    await login.getByText('Accesso', { exact: true }).waitFor();
    await login.getByText('Operatore', { exact: true }).waitFor();
    expect(await auditor.locator('table').textContent()).not.toContain('()');

    // The result as CSV for Excel: semicolons, a BOM, names in Italian.
    const href = await auditor
      .getByRole('link', { name: 'Scarica il risultato (CSV per Excel)' })
      .getAttribute('href');
    expect(href).toContain('lang=it');
    const csv = await (await auditor.request.get(href!)).body();
    const text = csv.toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.split('\r\n')[0]).toBe(
      '\uFEFFData e ora (UTC);Utente;Email;Ruoli;Operazione;Tipo di dato;Identificativo;Comune;Identificativi mostrati;Indirizzo IP',
    );
    expect(text).toContain(`;${OPERATOR};`);
    expect(text).toContain(';Accesso;');
    await expectNoAxeViolations(auditor);

    // A reversed range is said next to its field, and nothing is searched.
    await auditor.getByLabel('Dal').fill('2030-01-01');
    await auditor.getByLabel('Al', { exact: true }).fill('2020-01-01');
    await auditor.getByRole('button', { name: 'Cerca' }).click();
    await auditor.getByText('La data «Al» non può essere prima della data «Dal».').waitFor();
    expect(await auditor.getByLabel('Al', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(new URL(auditor.url()).searchParams.get('from')).toBeNull();
    await expectNoAxeViolations(auditor);
    await auditor.setViewportSize(PHONE);
    await expectNoAxeViolations(auditor);
    await auditor.context().close();
  });
});
