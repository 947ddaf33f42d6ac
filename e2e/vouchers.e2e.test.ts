import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PHONE, contentWidth, expectNoAxeViolations, logIn, openPage } from './harness/browser.js';

/** A demo voucher of Cremona with more than €10 left, found by the desk operator through the API. */
async function demoVoucher(operator: Page): Promise<{ code: string; balanceCents: number }> {
  const programmes = (await (await operator.request.get('/api/programmes')).json()) as {
    id: string;
    kind: string;
  }[];
  const programme = programmes.find((p) => p.kind === 'voucher')!;
  const applications = (await (
    await operator.request.get(`/api/programmes/${programme.id}/applications?status=approved&limit=500`)
  ).json()) as { voucherId: string | null; comuneName: string }[];
  for (const a of applications.filter((x) => x.voucherId && x.comuneName === 'Cremona')) {
    const voucher = (await (await operator.request.get(`/api/vouchers/${a.voucherId}`)).json()) as {
      code: string;
      balanceCents: number;
    };
    if (voucher.balanceCents > 1_000) return voucher;
  }
  throw new Error('no demo voucher with credit left');
}

const euros = (cents: number) =>
  new Intl.NumberFormat('it-IT', { style: 'currency', currency: 'EUR' }).format(cents / 100);

describe('a shop redeems a voucher at the till', () => {
  it('spends part of a voucher by its code on a phone, then the rest, then is told it is spent', async () => {
    const operator = await openPage();
    await logIn(operator, 'operatore');
    const voucher = await demoVoucher(operator);

    const shop = await openPage({ viewport: PHONE });
    await logIn(shop, 'esercente');
    await shop.goto('/buoni/riscuoti');
    await shop.getByRole('heading', { level: 1, name: 'Riscuoti un buono spesa' }).waitFor();
    await shop.getByText('Cassa di Alimentari Bergamaschi').waitFor();
    await expectNoAxeViolations(shop);
    expect(await contentWidth(shop)).toBeLessThanOrEqual(PHONE.width);

    // Typed from paper: lower case, spaces instead of dashes.
    await shop.getByLabel(/^Codice del buono/).fill(voucher.code.toLowerCase().replace(/-/g, ' '));
    await shop.getByLabel(/^Importo della spesa/).fill('5,00');
    await shop.getByRole('button', { name: 'Riscuoti' }).click();
    const done = shop.getByRole('status');
    await expect
      .poll(() => done.textContent())
      .toContain(`Riscossi ${euros(500)}. Credito residuo sul buono: ${euros(voucher.balanceCents - 500)}.`);
    await expectNoAxeViolations(shop);

    const rest = voucher.balanceCents - 500;
    await shop.getByLabel(/^Codice del buono/).fill(voucher.code);
    await shop
      .getByLabel(/^Importo della spesa/)
      .fill(`${Math.trunc(rest / 100)},${String(rest % 100).padStart(2, '0')}`);
    await shop.getByRole('button', { name: 'Riscuoti' }).click();
    await expect.poll(() => done.textContent()).toContain(`Credito residuo sul buono: ${euros(0)}.`);

    await shop.getByLabel(/^Codice del buono/).fill(voucher.code);
    await shop.getByLabel(/^Importo della spesa/).fill('1,00');
    await shop.getByRole('button', { name: 'Riscuoti' }).click();
    await shop.getByRole('alert').getByText('Il buono è già stato speso per intero.').waitFor();
    await expectNoAxeViolations(shop);
    expect(await contentWidth(shop)).toBeLessThanOrEqual(PHONE.width);
  });

  it('refuses a mistyped code and an amount that is not one next to the fields, sending nothing', async () => {
    const shop = await openPage();
    await logIn(shop, 'esercente');
    await shop
      .getByRole('link', { name: /Riscuoti un buono spesa/ })
      .first()
      .click();
    await shop.getByRole('heading', { level: 1, name: 'Riscuoti un buono spesa' }).waitFor();
    await shop.getByLabel(/^Codice del buono/).fill('BS-0000-0000-1');
    await shop.getByLabel(/^Importo della spesa/).fill('dieci');
    await shop.getByRole('button', { name: 'Riscuoti' }).click();
    await shop.getByText('Scrivi un importo in euro, ad esempio 23,50.').waitFor();
    await shop.getByLabel(/^Importo della spesa/).fill('10');
    await shop.getByRole('button', { name: 'Riscuoti' }).click();
    await shop
      .getByRole('alert')
      .getByText(/codice/i)
      .waitFor();
    await expectNoAxeViolations(shop);
  });
});
