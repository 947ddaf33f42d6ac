import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { openTaskOfToday } from './harness/api.js';
import { expectNoAxeViolations, logIn, openPage, PHONE } from './harness/browser.js';

beforeAll(async () => {
  // Today's tasks of more than one urgency, whatever the hour the tests run at.
  await openTaskOfToday('low');
  await openTaskOfToday('critical');
});

const SIZES = [
  { name: 'desktop', viewport: { width: 1280, height: 900 } },
  { name: 'phone', viewport: PHONE },
];

interface Queue {
  requestsToTriage: number | null;
  tasksToAssign: number | null;
}

/** The user's queue as the server counts it (with the page's own session). */
async function queueOf(page: Page): Promise<Queue> {
  const response = await page.context().request.get('/api/work-queue');
  expect(response.ok()).toBe(true);
  return (await response.json()) as Queue;
}

/** The home page's card for a queue: its count and where it leads. */
async function queueCard(page: Page, label: string): Promise<{ count: string; href: string | null }> {
  const card = page.getByRole('region', { name: 'Da fare' }).getByRole('link', { name: new RegExp(label) });
  return {
    count: (await card.locator('.counter-value').textContent()) ?? '',
    href: await card.getAttribute('href'),
  };
}

const URGENCY_RANK: Record<string, number> = { Critica: 0, Alta: 1, Normale: 2, Bassa: 3 };

describe('each role’s work queue', () => {
  for (const size of SIZES) {
    it(`gives the operator the requests to assess, Nuova richiesta in the menu and the next call after a triage (${size.name})`, async () => {
      const page = await openPage({ viewport: size.viewport });
      await logIn(page, 'operatore');
      const queue = await queueOf(page);
      expect(queue.requestsToTriage).toBeGreaterThan(1);
      const card = await queueCard(page, 'Richieste da valutare');
      expect(card).toEqual({ count: String(queue.requestsToTriage), href: '/richieste?stato=new' });
      expect(
        await page.locator('header a[href="/richieste/nuova"]', { hasText: 'Nuova richiesta' }).count(),
      ).toBe(1);
      await expectNoAxeViolations(page);

      await page
        .getByRole('region', { name: 'Da fare' })
        .getByRole('link', { name: /Richieste da valutare/ })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Richieste di aiuto' }).waitFor();
      await page.getByRole('table').getByRole('link').first().click();
      await page.getByRole('heading', { name: 'Valuta la richiesta' }).waitFor();
      const triaged = page.url();
      await page.getByRole('button', { name: 'Accogli e affida' }).click();
      await page.getByText('Valutazione registrata.').waitFor();
      const next = page.getByRole('link', { name: /^Prossima chiamata: / });
      await next.waitFor();
      await expectNoAxeViolations(page);
      await next.click();
      await page.getByRole('heading', { name: 'Valuta la richiesta' }).waitFor();
      expect(page.url()).not.toBe(triaged);
      // The queue on the home page counts one request fewer.
      await page.goto('/');
      await page.getByRole('region', { name: 'Da fare' }).waitFor();
      expect((await queueCard(page, 'Richieste da valutare')).count).toBe(
        String(queue.requestsToTriage! - 1),
      );
      await page.context().close();
    });

    it(`gives the coordinator the tasks to assign, the most urgent first (${size.name})`, async () => {
      const page = await openPage({ viewport: size.viewport });
      await logIn(page, 'coordinatore');
      const queue = await queueOf(page);
      expect(queue.tasksToAssign).toBeGreaterThan(0);
      const card = await queueCard(page, 'Compiti da assegnare');
      expect(card).toEqual({ count: String(queue.tasksToAssign), href: '/compiti?stato=open&giorno=' });
      await expectNoAxeViolations(page);

      // A day's list, unfiltered: critical before high before normal before low.
      await page.goto('/compiti');
      await page.getByRole('heading', { level: 1, name: 'Compiti dei volontari' }).waitFor();
      await page.getByRole('table').locator('tbody tr').first().waitFor();
      const urgencies = await page.getByRole('table').evaluate((table) => {
        const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent?.trim());
        const column = headers.indexOf('Urgenza');
        return [...table.querySelectorAll('tbody tr')].map(
          (tr) => tr.querySelectorAll('td')[column]?.textContent?.trim() ?? '',
        );
      });
      const ranks = urgencies.map((u) => URGENCY_RANK[u] ?? -1);
      expect(ranks, urgencies.join(', ')).not.toContain(-1);
      expect(new Set(ranks).size, 'more than one urgency among the day’s tasks').toBeGreaterThan(1);
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      await page.context().close();
    });
  }
});
