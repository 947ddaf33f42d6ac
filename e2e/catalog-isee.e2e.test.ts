import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { contentWidth, expectNoAxeViolations, logIn, openPage, PHONE } from './harness/browser.js';

/*
 * The ISEE declaration on a person's record (issue 11): a social worker records one (a wrong value
 * is marked next to its field, nothing saved; theirs is verified as recorded); an operator, who may not see
 * economic data, does not get the section. Axe at desktop size and on a 390×844 phone.
 */

interface Declaration {
  id: string;
  iseeType: string;
  valueCents: number;
  dsuProtocol: string;
  status: string;
  verifiedAt: string | null;
}

async function somePerson(page: Page): Promise<string> {
  const response = await page.request.get('/api/people?q=rossi&limit=5');
  const { items } = (await response.json()) as { items: { id: string }[] };
  return items[0]!.id;
}

async function openRecord(page: Page, id: string): Promise<void> {
  await page.goto(`/persone/${id}`);
  await page.getByRole('heading', { level: 2, name: 'Anagrafica e contatti' }).waitFor();
  await page.waitForLoadState('networkidle');
}

describe('the ISEE on a person’s record', () => {
  it('lets a social worker record a declaration, with a wrong value marked next to its field', async () => {
    const page = await openPage();
    await logIn(page, 'assistente_sociale');
    const id = await somePerson(page);
    await openRecord(page, id);
    await page.getByRole('heading', { level: 2, name: 'ISEE' }).waitFor();
    await expectNoAxeViolations(page);

    const protocol = `INPS-ISEE-2026-${String(Date.now()).slice(-9)}A-00`;
    await page.getByLabel(/^Tipo di ISEE/).selectOption('sociosanitario');
    await page.getByLabel(/^Valore ISEE/).fill('settemila');
    await page.getByLabel(/^Protocollo della DSU/).fill(protocol);
    await page.getByLabel(/^Rilasciata il/).fill('2026-01-15');
    await page.getByLabel(/^Scade il/).fill('2026-12-31');
    await page.getByRole('button', { name: 'Registra l’ISEE' }).click();
    await page.locator('#isee-value[aria-invalid="true"]').waitFor();
    expect(await page.locator('#isee-value').locator('xpath=..').textContent()).toContain(
      'Scrivi un importo in euro',
    );
    await expectNoAxeViolations(page);
    const before = (await (await page.request.get(`/api/people/${id}/isee`)).json()) as Declaration[];
    expect(before.some((d) => d.dsuProtocol === protocol)).toBe(false);

    await page.getByLabel(/^Valore ISEE/).fill('7500,40');
    await page.getByRole('button', { name: 'Registra l’ISEE' }).click();
    await page.getByText('Dichiarazione ISEE registrata.').first().waitFor();
    const item = page.getByRole('listitem').filter({ hasText: protocol });
    // A social worker may verify: what they record is verified as they record it.
    await item.getByText('Verificato da').waitFor();
    expect(await item.textContent()).toContain('Valido');
    const [saved] = (
      (await (await page.request.get(`/api/people/${id}/isee`)).json()) as Declaration[]
    ).filter((d) => d.dsuProtocol === protocol);
    expect(saved).toMatchObject({ iseeType: 'sociosanitario', valueCents: 750_040, status: 'valid' });
    expect(saved!.verifiedAt).not.toBeNull();
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it('fits a phone, and is not shown to an operator, who may not see economic data', async () => {
    const phone = await openPage({ viewport: PHONE });
    await logIn(phone, 'assistente_sociale');
    await openRecord(phone, await somePerson(phone));
    await phone.getByRole('heading', { level: 2, name: 'ISEE' }).waitFor();
    await expectNoAxeViolations(phone);
    expect(await contentWidth(phone)).toBeLessThanOrEqual(PHONE.width);
    await phone.context().close();

    const page = await openPage();
    await logIn(page, 'operatore');
    await openRecord(page, await somePerson(page));
    expect(await page.getByRole('heading', { level: 2, name: 'ISEE' }).count()).toBe(0);
    await page.context().close();
  });
});
