import { describe, expect, it } from 'vitest';
import { PHONE, contentWidth, expectNoAxeViolations, logIn, openPage } from './harness/browser.js';

describe('goods: loans and the social market', () => {
  it('lists the tablets on loan with what is out, overdue and available, and the market’s cards', async () => {
    const page = await openPage({ viewport: PHONE });
    await logIn(page, 'operatore');
    await page.goto('/beni');
    await page.getByRole('link', { name: 'Beni in prestito' }).click();
    await page.getByRole('heading', { level: 1, name: 'Beni in prestito' }).waitFor();
    const summary = page.getByText(/^\d+ in prestito, \d+ in ritardo, \d+ disponibili$/);
    await summary.waitFor();
    const [out, overdue] = (await summary.textContent())!.match(/\d+/g)!.map(Number);
    // The demo lends ten tablets.
    expect(out! + overdue!).toBeGreaterThanOrEqual(10);
    await page.getByRole('table', { name: 'Prestiti aperti' }).getByText('Tablet').first().waitFor();
    await expectNoAxeViolations(page);
    expect(await contentWidth(page)).toBeLessThanOrEqual(PHONE.width);

    await page.goto('/beni');
    await page.getByRole('link', { name: 'Emporio solidale', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Emporio solidale' }).waitFor();
    await page.getByText(/^\d+ tessere?$/).waitFor();
    await expectNoAxeViolations(page);
    expect(await contentWidth(page)).toBeLessThanOrEqual(PHONE.width);
  });
});

describe('economic support: an application checked and decided', () => {
  it('shows the programmes with their budget, and rejects an application of the solidarity fund with its reason', async () => {
    const page = await openPage();
    await logIn(page, 'operatore');
    await page.getByRole('link', { name: 'Buoni e sostegni' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Buoni spesa e sostegno economico' }).waitFor();
    await page.getByRole('link', { name: 'Buoni spesa solidarietà alimentare 2026' }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Fondo di solidarietà per le emergenze sociali' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Fondo di solidarietà per le emergenze sociali' })
      .waitFor();
    await page.getByText(/^\d+ domande?$/).waitFor();
    await expectNoAxeViolations(page);
    const open = page.getByRole('link', { name: /^Apri la domanda di / }).first();
    await open.waitFor();
    await open.click();
    await page.getByRole('heading', { level: 2, name: 'Verifiche dell’operatore' }).waitFor();
    await expectNoAxeViolations(page);
    // Without a reason nothing is sent.
    await page.getByText('Respingi', { exact: true }).click();
    await page.getByRole('button', { name: 'Decidi' }).click();
    await page.getByText('Scrivi il motivo della decisione (almeno 3 caratteri).').waitFor();
    await page
      .getByLabel(/^Motivo della decisione/)
      .fill('Residenza fuori dal Comune di Cremona alla data della domanda');
    await page.getByRole('button', { name: 'Decidi' }).click();
    await page.getByText('Respinta', { exact: true }).waitFor();
    await page.getByText('Residenza fuori dal Comune di Cremona alla data della domanda').waitFor();
    const id = page.url().split('/').pop()!;
    const saved = (await (await page.request.get(`/api/applications/${id}`)).json()) as {
      status: string;
      decisionReason: string;
    };
    expect(saved).toMatchObject({
      status: 'rejected',
      decisionReason: 'Residenza fuori dal Comune di Cremona alla data della domanda',
    });
    await expectNoAxeViolations(page);
  });
});

describe('the social market’s till', () => {
  it('takes a household’s points by its card on a phone, says what is left, and refuses more than the card holds', async () => {
    const operator = await openPage();
    await logIn(operator, 'operatore');
    const points = (await (await operator.request.get('/api/goods/points')).json()) as {
      id: string;
      kind: string;
    }[];
    const market = points.find((p) => p.kind === 'social_market')!;
    const cards = (await (await operator.request.get(`/api/market/accounts?point=${market.id}`)).json()) as {
      id: string;
      cardCode: string;
      balancePoints: number;
    }[];
    const card = cards.find((c) => c.balancePoints > 3)!;

    const till = await openPage({ viewport: PHONE });
    await logIn(till, 'esercente');
    await till.goto('/buoni/riscuoti');
    await till.getByRole('link', { name: 'Cassa dell’emporio solidale' }).click();
    await till.getByRole('heading', { level: 1, name: 'Cassa dell’emporio solidale' }).waitFor();
    await till.getByText('Cassa di Emporio solidale di Cremona').waitFor();
    await expectNoAxeViolations(till);
    expect(await contentWidth(till)).toBeLessThanOrEqual(PHONE.width);

    // Nothing is sent without whole points.
    await till.getByLabel(/^Codice della tessera/).fill(card.cardCode.toLowerCase());
    await till.getByLabel(/^Punti della spesa/).fill('2,5');
    await till.getByRole('button', { name: 'Scala i punti' }).click();
    await till.getByText('Scrivi i punti come numero intero maggiore di zero, ad esempio 12.').waitFor();
    await till.getByLabel(/^Punti della spesa/).fill('3');
    await till.getByRole('button', { name: 'Scala i punti' }).click();
    await expect
      .poll(() => till.getByRole('status').textContent())
      .toContain(`Scalati 3 punti. Punti rimasti sulla tessera: ${card.balancePoints - 3}.`);
    await expectNoAxeViolations(till);

    await till.getByLabel(/^Codice della tessera/).fill(card.cardCode);
    await till.getByLabel(/^Punti della spesa/).fill(String(card.balancePoints));
    await till.getByRole('button', { name: 'Scala i punti' }).click();
    await till
      .getByRole('alert')
      .getByText(`La tessera ha ${card.balancePoints - 3} punti: non bastano per ${card.balancePoints}.`)
      .waitFor();
    await expectNoAxeViolations(till);
    const after = (await (await operator.request.get(`/api/market/accounts?point=${market.id}`)).json()) as {
      id: string;
      balancePoints: number;
    }[];
    expect(after.find((c) => c.id === card.id)!.balancePoints).toBe(card.balancePoints - 3);
  });
});
