import { describe, expect, it } from 'vitest';
import { logIn, openPage } from './harness/browser.js';

describe('language', () => {
  it('switches the interface to English and keeps it after a reload', async () => {
    const page = await openPage();
    await logIn(page, 'operatore');
    expect(await page.locator('html').getAttribute('lang')).toBe('it');
    await page.getByRole('link', { name: 'Persone', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Cerca persona' }).waitFor();

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Find a person' }).waitFor();
    expect(await page.getByLabel('Name, codice fiscale or phone').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Find a person' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('link', { name: 'People', exact: true }).isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Italiano' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cerca persona' }).waitFor();
    await page.context().close();
  });

  it('shows the server errors in English when the code is known', async () => {
    const page = await openPage();
    await page.goto('/login');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByLabel(/^Email/).fill('operatore@demo.legami.it');
    await page.getByLabel(/^Password/).fill('not-the-password');
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    expect(await page.getByRole('alert').textContent()).toContain('Wrong email or password.');
    await page.context().close();
  });
});
