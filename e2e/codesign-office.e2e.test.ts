import { describe, expect, it } from 'vitest';
import type { PublicCall } from '../shared/src/codesign/codesign.schemas.js';
import { addDays, todayInRome } from '../server/src/platform/time.js';
import { contentWidth, expectNoAxeViolations, logIn, openPage, PHONE } from './harness/browser.js';

describe('the office’s screens for co-design', () => {
  it('records the evaluation of a third-sector body’s proposal, criterion by criterion', async () => {
    const page = await openPage({ viewport: PHONE });
    await logIn(page, 'amministratore');
    // A call closed yesterday with one proposal received, made through the API the screens use.
    const { csrfToken } = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
    const headers = { 'x-csrf-token': csrfToken };
    const [demo] = (await (await page.request.get('/api/public/codesign/calls')).json()) as PublicCall[];
    const igea = demo!.agreement!.partners.find((p) => p.role === 'lead')!;
    const call = await page.request.post('/api/codesign/calls', {
      headers,
      data: {
        comuneCode: demo!.comuneCode,
        title: 'Avviso di co-progettazione — centri estivi inclusivi',
        description: 'Centri estivi aperti ai ragazzi con disabilità in tutto l’Ambito.',
        budgetCents: 5_000_000,
        opensOn: addDays(todayInRome(), -30),
        closesOn: addDays(todayInRome(), -1),
        criteria: [
          { label: 'Qualità del progetto', maxScore: 60 },
          { label: 'Radicamento nel territorio', maxScore: 40 },
        ],
      },
    });
    expect(call.status()).toBe(201);
    const callId = ((await call.json()) as { id: string }).id;
    const proposal = await page.request.post(`/api/codesign/calls/${callId}/proposals`, {
      headers,
      data: {
        organizationId: igea.organizationId,
        title: 'Estate per tutti',
        summary: 'Educatori di sostegno nei centri estivi di dieci comuni.',
        requestedCents: 4_500_000,
        submittedOn: addDays(todayInRome(), -2),
        contact: { fullName: 'Marta Ferrari', email: 'estate@example.org' },
      },
    });
    expect(proposal.status()).toBe(201);

    await page.goto('/');
    // The home card of the office's screens, not the footer's link to the public page.
    await page.locator('a[href="/co-progettazione/avvisi"]:visible').first().click();
    await page.getByRole('heading', { level: 1, name: 'Co-progettazione: avvisi e proposte' }).waitFor();
    await page.getByRole('link', { name: 'Avviso di co-progettazione — centri estivi inclusivi' }).click();
    const card = page.getByRole('article', { name: 'Estate per tutti' });
    await card.waitFor();
    expect(await card.textContent()).toContain('Non ancora valutata.');
    expect(await card.textContent()).toContain('Marta Ferrari');
    await expectNoAxeViolations(page);

    // A score above the criterion's maximum is refused next to its field, and nothing is recorded.
    await card.getByLabel('Qualità del progetto (da 0 a 60)').fill('75');
    await card.getByLabel('Radicamento nel territorio (da 0 a 40)').fill('30');
    await card.getByRole('button', { name: 'Registra la valutazione' }).click();
    await card.locator('[aria-invalid="true"]').first().waitFor();
    const refused = (await (await page.request.get(`/api/codesign/calls/${callId}`)).json()) as {
      proposals: { scores: unknown[] }[];
    };
    expect(refused.proposals[0]!.scores).toEqual([]);

    await card.getByLabel('Qualità del progetto (da 0 a 60)').fill('52');
    await card.getByRole('button', { name: 'Registra la valutazione' }).click();
    await card.getByText('Punteggio totale 82, 1ª in graduatoria.').waitFor();
    const scored = (await (await page.request.get(`/api/codesign/calls/${callId}`)).json()) as {
      proposals: { total: number; scores: { score: number }[] }[];
    };
    expect(scored.proposals[0]!.total).toBe(82);
    expect(scored.proposals[0]!.scores.map((s) => s.score).sort()).toEqual([30, 52]);
    expect(await contentWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await expectNoAxeViolations(page);
    await page.context().close();
  });
});
