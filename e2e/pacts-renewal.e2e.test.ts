import { describe, expect, it } from 'vitest';
import type { Commons, Pact, PublicPact } from '../shared/src/pacts/pacts.schemas.js';
import { addDays, todayInRome } from '../server/src/platform/time.js';
import { contentWidth, expectNoAxeViolations, logIn, openPage, PHONE } from './harness/browser.js';

const TITLE = 'Orto condiviso di Via Dante';

describe('the office’s list of pacts and their renewal', () => {
  it('lists the pacts in every state and renews an ended one from its page', async () => {
    const page = await openPage({ viewport: PHONE });
    await logIn(page, 'welfare_manager');
    const { csrfToken } = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
    const headers = { 'x-csrf-token': csrfToken };
    const post = async (url: string, data: object) => {
      const response = await page.request.post(url, { headers, data });
      expect(response.status(), url).toBeLessThan(300);
      return (await response.json()) as { id: string };
    };
    // A pact of the last two seasons, made through the API the screens use. It and its renewal end
    // before today: the public list of the pacts in force, which other journeys count, stays as it is.
    const commons = (await (await page.request.get('/api/commons?comune=019036')).json()) as Commons[];
    const garden = commons.find((c) => c.kind === 'garden') ?? commons[0]!;
    const proposal = await post('/api/pacts/proposals', {
      comuneCode: '019036',
      commonsId: garden.id,
      title: TITLE,
      description: 'Un orto curato dai vicini di casa, aperto alle scuole.',
      proposerKind: 'group',
      groupName: 'Vicini di Via Dante',
      proposerFullName: 'Teresa Galli',
      proposerEmail: 'teresa@example.org',
    });
    await post(`/api/pacts/proposals/${proposal.id}/decision`, {
      status: 'accepted',
      note: 'Proposta coerente con il regolamento.',
    });
    const endsOn = addDays(todayInRome(), -200);
    const pact = await post('/api/pacts', {
      commonsId: garden.id,
      proposalId: proposal.id,
      title: TITLE,
      purpose: 'Coltivare l’orto e aprirlo alle classi.',
      comuneSupport: 'Acqua e attrezzi.',
      startsOn: addDays(todayInRome(), -400),
      endsOn,
      renewal: 'on_request',
      parties: [
        { kind: 'comune', publicName: 'Comune di Cremona', duties: 'Porta l’acqua all’orto.' },
        {
          kind: 'group',
          publicName: 'Vicini di Via Dante',
          duties: 'Coltiva l’orto.',
          contact: { fullName: 'Teresa Galli', email: 'teresa@example.org' },
        },
      ],
    });
    const inForceBefore = ((await (await page.request.get('/api/public/pacts')).json()) as PublicPact[])
      .length;

    await page.goto('/patti');
    const list = page.getByRole('navigation', { name: 'I patti del territorio' });
    await list.waitFor();
    const inForce = list.getByRole('region', { name: /patt[oi] in vigore$/ });
    await inForce.getByRole('link', { name: 'Piazza Stradivari, salotto della città' }).waitFor();
    const ended = list.getByRole('region', { name: /^\d+ patt[oi] conclus[oi]$/ });
    expect(await ended.getByRole('link', { name: TITLE }).count()).toBe(1);
    expect(await inForce.getByRole('link', { name: TITLE }).count()).toBe(0);
    await expectNoAxeViolations(page);
    await ended.getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByText('Concluso.').waitFor();

    // An end before the renewal can start is refused next to the date, and no pact is added.
    const renewal = page.getByRole('form', { name: 'Rinnovo del patto' });
    await renewal.getByLabel(/^Fine del rinnovo/).fill(endsOn);
    await renewal.getByRole('button', { name: 'Rinnova il patto' }).click();
    await renewal.locator('#renewal-endsOn[aria-invalid="true"]').waitFor();
    const office = async () => (await (await page.request.get('/api/pacts')).json()) as PublicPact[];
    expect((await office()).filter((p) => p.renewedFromId === pact.id)).toEqual([]);
    await expectNoAxeViolations(page);

    const renewedEnd = addDays(todayInRome(), -10);
    await renewal.getByLabel(/^Fine del rinnovo/).fill(renewedEnd);
    await renewal.getByRole('button', { name: 'Rinnova il patto' }).click();
    await page.waitForURL((url) => !url.pathname.endsWith(pact.id));
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    const renewedId = page.url().split('/').pop()!;
    const renewed = (await (await page.request.get(`/api/pacts/${renewedId}`)).json()) as Pact;
    expect(renewed).toMatchObject({
      renewedFromId: pact.id,
      startsOn: addDays(endsOn, 1),
      endsOn: renewedEnd,
      state: 'ended',
    });
    expect(renewed.parties.map((p) => [p.kind, p.name, p.duties])).toEqual([
      ['comune', 'Comune di Cremona', 'Porta l’acqua all’orto.'],
      ['group', 'Vicini di Via Dante', 'Coltiva l’orto.'],
    ]);
    // The first pact cannot be renewed twice: its page no longer offers it.
    await page.goto(`/patti/${pact.id}`);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.getByRole('form', { name: 'Rinnovo del patto' }).count()).toBe(0);
    expect(((await (await page.request.get('/api/public/pacts')).json()) as PublicPact[]).length).toBe(
      inForceBefore,
    );
    expect(await contentWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await page.context().close();
  });
});
