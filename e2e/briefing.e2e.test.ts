import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { openTaskOfToday, type DemoPerson } from './harness/api.js';
import { expectNoAxeViolations, logIn, openPage, PHONE } from './harness/browser.js';

// A request of today and its open task, whatever the hour the tests run at (the day may be young).
let beneficiary: DemoPerson;
beforeAll(async () => {
  beneficiary = await openTaskOfToday('high');
});

const SIZES = [
  { name: 'desktop', viewport: { width: 1280, height: 900 } },
  { name: 'phone', viewport: PHONE },
];

async function openBriefing(page: Page, role: string): Promise<void> {
  await logIn(page, role);
  await page.goto('/cabina-di-regia/briefing');
  await page.getByRole('heading', { level: 1, name: /^Briefing del / }).waitFor();
  await page.locator('#briefing-open').waitFor();
  await page.waitForLoadState('networkidle');
}

/** The section of the briefing under a heading. */
const section = (page: Page, name: string | RegExp) => page.getByRole('region', { name });

describe('the printed briefing', () => {
  for (const size of SIZES) {
    it(`shows the trend, the charts by type and urgency and the map of open requests (${size.name})`, async () => {
      const page = await openPage({ viewport: size.viewport });
      await openBriefing(page, 'coordinatore');
      // The trend's two lines, the bars of both charts, the comuni drawn with a circle per comune.
      expect(
        await section(page, 'Andamento degli ultimi 30 giorni').locator('svg .recharts-line').count(),
      ).toBe(2);
      for (const title of ['Richieste del giorno per tipo', 'Richieste del giorno per urgenza']) {
        const bars = section(page, title).locator('svg .recharts-bar-rectangle');
        expect(await bars.count(), title).toBeGreaterThan(0);
      }
      const map = section(page, 'Richieste aperte per comune');
      expect(await map.locator('.leaflet-container path').count()).toBeGreaterThan(10);
      expect(await map.getByRole('table').count()).toBe(1);
      await expectNoAxeViolations(page);
      await page.context().close();
    });
  }

  it('names the beneficiaries of the tasks to the coordinator, not to a role without the task lists', async () => {
    const coordinator = await openPage();
    await openBriefing(coordinator, 'coordinatore');
    const name = `${beneficiary.familyName} ${beneficiary.givenName}`;
    const unassigned = section(coordinator, /^Compiti del giorno non assegnati/);
    expect(await unassigned.getByRole('columnheader', { name: 'Per chi' }).count()).toBe(1);
    expect(await unassigned.getByRole('cell', { name }).count()).toBeGreaterThan(0);
    await coordinator.context().close();

    const socialWorker = await openPage();
    await openBriefing(socialWorker, 'assistente_sociale');
    for (const title of [/^Compiti del giorno non assegnati/, /^Compiti in ritardo/]) {
      const tasks = section(socialWorker, title);
      expect(await tasks.getByRole('table').count()).toBe(0);
      expect(await tasks.textContent()).toContain('L’elenco dei compiti non è visibile per il tuo ruolo');
    }
    expect(await socialWorker.getByRole('columnheader', { name: 'Per chi' }).count()).toBe(0);
    expect(await socialWorker.getByText(`${beneficiary.familyName} ${beneficiary.givenName}`).count()).toBe(
      0,
    );
    // The figures are still there.
    expect(
      await section(socialWorker, 'Richieste aperte per comune').locator('.leaflet-container').count(),
    ).toBe(1);
    await expectNoAxeViolations(socialWorker);
    await socialWorker.context().close();
  });
});
