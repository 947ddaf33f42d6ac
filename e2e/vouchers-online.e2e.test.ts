import { describe, expect, it } from 'vitest';
import { contentWidth, expectNoAxeViolations, logIn, openPage, PHONE } from './harness/browser.js';

/*
 * A citizen applies online for the solidarity fund on a 390×844 phone (issue 12 item 7): the open
 * programmes of their comune with the documents they need, the application sent with the household
 * and ISEE of their records, then listed as pending; the API agrees. Axe on each step.
 */

const FUND = 'Fondo di solidarietà per le emergenze sociali';

interface OwnApplication {
  id: string;
  programmeName: string;
  channel: string;
  status: string;
  documents: string[];
  missingDocuments: string[];
}

describe('a citizen’s online application to an economic-support programme', () => {
  it('applies for the solidarity fund on a phone and sees the application pending', async () => {
    const page = await openPage({ viewport: PHONE });
    await logIn(page, 'cittadino');
    await page.goto('/sostegno-economico');
    await page.getByRole('heading', { level: 1, name: 'Sostegni economici' }).waitFor();
    const card = page.getByRole('region', { name: FUND });
    await card.getByRole('checkbox', { name: 'ISEE' }).waitFor();
    await page.waitForLoadState('networkidle');
    await expectNoAxeViolations(page);
    expect(await contentWidth(page)).toBeLessThanOrEqual(PHONE.width);
    expect(await card.getByRole('checkbox').count()).toBe(2);

    // Bootstrap Italia draws the box over the label: a person clicks the label, which ticks it.
    await card.getByRole('checkbox', { name: 'ISEE' }).check({ force: true });
    expect(await card.getByRole('checkbox', { name: 'ISEE' }).isChecked()).toBe(true);
    await card.getByRole('button', { name: `Presenta la domanda: ${FUND}` }).click();
    await page.getByText('Domanda inviata').waitFor();
    const mine = page.getByRole('region', { name: 'Le mie domande' });
    const item = mine.getByRole('listitem').filter({ hasText: FUND });
    await item.getByText('Da esaminare').waitFor();
    expect(await item.textContent()).toContain('Relazione sociale');
    // Applied for: the programme is no longer offered.
    expect(await page.getByRole('region', { name: FUND }).count()).toBe(0);
    await expectNoAxeViolations(page);
    expect(await contentWidth(page)).toBeLessThanOrEqual(PHONE.width);

    const own = (await (await page.request.get('/api/applications/mine')).json()) as OwnApplication[];
    expect(own.filter((a) => a.programmeName === FUND)).toEqual([
      expect.objectContaining({
        channel: 'online',
        status: 'submitted',
        documents: ['ISEE'],
        missingDocuments: ['Relazione sociale'],
      }),
    ]);
    await page.context().close();
  });
});
