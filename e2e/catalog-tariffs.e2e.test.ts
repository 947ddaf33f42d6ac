import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiAs } from './harness/api.js';
import { contentWidth, expectNoAxeViolations, logIn, openPage, PHONE } from './harness/browser.js';

/*
 * The administrator's tariff page (issue 11) on a phone: Cremona's home care (the Cassano d'Adda
 * scheme: free up to €3,000, €2–5 linear up to €7,500, €5–18 up to €20,000) gets a new maximum
 * in its second band, and the preview — the server's tariff engine — prices an ISEE exactly on
 * that band's upper threshold (included) at the new maximum.
 */

interface RuleView {
  id: string;
  scopeType: 'comune' | 'ambito';
  scopeId: string;
  serviceId: string | null;
  categoryId: string | null;
  name: string;
  source: string | null;
  rule: {
    bands: { price: { kind: string; cents?: number; minCents?: number; maxCents?: number } }[];
    fullTariffCents: number;
  };
}

const CREMONA = '019036';
const PANDINO = '019067';

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
}

const cremonaHomeCare = (rules: RuleView[]) =>
  rules.find(
    (r) => r.scopeType === 'comune' && r.scopeId === CREMONA && r.categoryId === 'assistenza_domiciliare',
  )!;

describe('the administrator’s tariff page', () => {
  it('on a phone: edits a band of Cremona’s home care and previews the new price on the threshold', async () => {
    const admin = await apiAs('amministratore');
    const original = cremonaHomeCare(await admin.get<RuleView[]>('/api/tariff-rules'));
    const page = await openPage({ viewport: PHONE });
    await logIn(page, 'amministratore');
    await page.getByRole('link', { name: /^Tariffe dei servizi/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Tariffe dei servizi' }).waitFor();
    const option = page.locator('#tariff-rule option', { hasText: 'Cassano' });
    await option.waitFor({ state: 'attached' });
    await page.getByLabel(/^Tariffa/).selectOption((await option.getAttribute('value'))!);
    await page.getByRole('heading', { level: 2, name: /^Comune di Cremona/ }).waitFor();
    expect(await page.locator('#band-1-max').inputValue()).toBe('5,00');
    await settle(page);
    await expectNoAxeViolations(page);

    await page.locator('#band-1-max').fill('6,00');
    await page.getByLabel(/^Tipo di ISEE/).selectOption('sociosanitario');
    await page.getByLabel(/^ISEE del cittadino/).fill('7500,00');
    await page.getByRole('button', { name: 'Calcola' }).click();
    const answer = page.getByRole('status').filter({ hasText: 'si paga' });
    await answer.waitFor();
    const text = ((await answer.textContent()) ?? '').replace(/\s/g, ' ');
    expect(text).toMatch(/ISEE sociosanitario di 7\.?500,00 € si paga 6,00 € per unità/);
    expect(text).toContain('Fascia 2.');
    expect(text).toContain('Senza ISEE: 20,00 €.');
    await page.locator('figure svg').first().waitFor();
    expect(await contentWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await settle(page);
    await expectNoAxeViolations(page);

    // One cent above the threshold is the third band: €5 at its lower end.
    await page.getByLabel(/^ISEE del cittadino/).fill('7500,01');
    await page.getByRole('button', { name: 'Calcola' }).click();
    await page.getByRole('status').filter({ hasText: 'Fascia 3.' }).waitFor();

    await page.getByRole('button', { name: 'Salva la tariffa' }).click();
    await page.getByRole('status').filter({ hasText: 'Tariffa salvata' }).waitFor();
    const saved = cremonaHomeCare(await admin.get<RuleView[]>('/api/tariff-rules'));
    expect(saved.id).not.toBe(original.id);
    expect(saved.rule.bands[1]!.price).toEqual({ kind: 'linear', minCents: 200, maxCents: 600 });

    // The demo's tariff back as it was, for the journeys that follow on the same server.
    await admin.post('/api/tariff-rules', {
      scopeType: original.scopeType,
      scopeId: original.scopeId,
      categoryId: original.categoryId,
      name: original.name,
      source: original.source,
      rule: original.rule,
    });
    await admin.dispose();
    await page.context().close();
  });

  it('sets a comune’s first tariff for a category', async () => {
    const admin = await apiAs('amministratore');
    const page = await openPage({ viewport: PHONE });
    await logIn(page, 'amministratore');
    await page.goto('/tariffe');
    await page.getByLabel(/^Comune$/).selectOption({ label: 'Pandino' });
    await page.getByLabel(/^Categoria di servizi/).selectOption({ index: 1 });
    const categoryId = await page.getByLabel(/^Categoria di servizi/).inputValue();
    await page.getByRole('button', { name: 'Prepara la tariffa' }).click();
    await page.getByRole('heading', { level: 2, name: /^Comune di Pandino/ }).waitFor();
    await page.getByLabel(/^Nome della tariffa/).fill('Tariffa di prova di Pandino');
    await page.locator('#band-0-kind').selectOption('fixed');
    await page.locator('#band-0-min').fill('3,00');
    await page.getByLabel(/^Tariffa piena/).fill('10,00');
    await settle(page);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Salva la tariffa' }).click();
    await page.getByRole('status').filter({ hasText: 'Tariffa salvata' }).waitFor();
    const rules = await admin.get<RuleView[]>('/api/tariff-rules');
    expect(rules.find((r) => r.scopeId === PANDINO && r.categoryId === categoryId)).toMatchObject({
      name: 'Tariffa di prova di Pandino',
      rule: { bands: [{ price: { kind: 'fixed', cents: 300 } }], fullTariffCents: 1000 },
    });
    await admin.dispose();
    await page.context().close();
  });
});
