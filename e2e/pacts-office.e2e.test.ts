import { describe, expect, it } from 'vitest';
import { addDays, todayInRome } from '../server/src/platform/time.js';
import { contentWidth, expectNoAxeViolations, logIn, openPage, PHONE } from './harness/browser.js';

describe('the office’s screens for collaboration pacts', () => {
  it('accepts a citizen’s proposal and signs the pact with the duties of each and its dates', async () => {
    const citizen = await openPage();
    await logIn(citizen, 'cittadino');
    await citizen.goto('/proponi-un-patto');
    const commons = citizen.getByLabel(/^Bene comune del registro/);
    await commons.locator('option', { hasText: 'Piazza Stradivari' }).waitFor({ state: 'attached' });
    await commons.selectOption(
      (await commons.locator('option', { hasText: 'Piazza Stradivari' }).getAttribute('value'))!,
    );
    await citizen.getByLabel(/^Titolo della proposta/).fill('Fioriere di Piazza Stradivari');
    await citizen
      .getByLabel(/^Che cosa volete fare/)
      .fill('Innaffiamo e curiamo le fioriere della piazza due volte a settimana.');
    await citizen.getByRole('button', { name: 'Invia la proposta' }).click();
    await citizen.getByText('Proposta «Fioriere di Piazza Stradivari» inviata').waitFor();
    await citizen.context().close();

    const page = await openPage({ viewport: PHONE });
    await logIn(page, 'welfare_manager');
    await page.goto('/patti');
    await page.getByRole('heading', { level: 1, name: 'Patti di collaborazione: proposte' }).waitFor();
    const card = page.getByRole('article', { name: 'Fioriere di Piazza Stradivari' });
    await card.waitFor();
    expect(await card.textContent()).toContain('In attesa di valutazione');
    await expectNoAxeViolations(page);
    await card
      .getByLabel(/^Motivazione della decisione/)
      .fill('Proposta utile e coerente con il regolamento.');
    await card.getByRole('button', { name: 'Accogli la proposta' }).click();
    await card.getByText('Accolta').waitFor();
    await card.getByRole('link', { name: 'Stipula il patto' }).click();

    await page.getByRole('heading', { level: 1, name: 'Stipula un patto di collaborazione' }).waitFor();
    expect(await page.getByLabel(/^Titolo del patto/).inputValue()).toBe('Fioriere di Piazza Stradivari');
    // Nothing typed yet: every missing field is named at once.
    await page.getByRole('button', { name: 'Stipula il patto' }).click();
    for (const field of [/^Impegni del Comune di Cremona/, /^Il sostegno del Comune/, /^Inizio/, /^Fine/])
      await page.getByLabel(field).and(page.locator('[aria-invalid="true"]')).waitFor();
    await expectNoAxeViolations(page);

    // A pact signed on paper last season, registered now: it never enters the public list, which
    // the other journeys on this server count.
    const startsOn = addDays(todayInRome(), -60);
    const endsOn = addDays(todayInRome(), -1);
    await page.getByLabel(/^Impegni del Comune di Cremona/).fill('Fornisce terriccio, piante e acqua.');
    await page.getByLabel(/^Impegni di /).fill('Innaffia e pulisce le fioriere.');
    await page.getByLabel(/^Il sostegno del Comune/).fill('Assicurazione dei volontari e attrezzi.');
    await page.getByLabel(/^Inizio/).fill(startsOn);
    await page.getByLabel(/^Fine/).fill(endsOn);
    await page.getByRole('button', { name: 'Stipula il patto' }).click();
    await page.getByRole('heading', { level: 1, name: 'Fioriere di Piazza Stradivari' }).waitFor();
    const parties = page.getByRole('list', { name: /^Chi firma il patto/ });
    const text = (await parties.textContent()) ?? '';
    expect(text).toContain('Comune di Cremona: Fornisce terriccio, piante e acqua.');
    expect(text).toContain('Innaffia e pulisce le fioriere.');
    expect(await page.getByText(/Concluso\.$/).count()).toBe(1);

    const id = new URL(page.url()).pathname.split('/').pop()!;
    const pact = (await (await page.request.get(`/api/pacts/${id}`)).json()) as {
      startsOn: string;
      endsOn: string;
      parties: { kind: string; duties: string }[];
    };
    expect(pact).toMatchObject({ startsOn, endsOn });
    expect(pact.parties.map((p) => [p.kind, p.duties])).toEqual([
      ['comune', 'Fornisce terriccio, piante e acqua.'],
      ['citizen', 'Innaffia e pulisce le fioriere.'],
    ]);

    // The care done is reported on the pact; a blank count of people is named next to its field.
    await page.getByLabel(/^Giorno/).fill(addDays(todayInRome(), -30));
    await page.getByLabel(/^Che cosa è stato fatto/).fill('Prima innaffiatura e pulizia delle fioriere.');
    await page.getByLabel(/^Ore in tutto/).fill('2,5');
    await page.getByRole('button', { name: 'Registra l’attività' }).click();
    await page
      .getByLabel(/^Persone/)
      .and(page.locator('[aria-invalid="true"]'))
      .waitFor();
    await page.getByLabel(/^Persone/).fill('3');
    await page.getByRole('button', { name: 'Registra l’attività' }).click();
    await page.getByText('Prima innaffiatura e pulizia delle fioriere. (3 persone, 2,5 ore)').waitFor();
    const logged = (await (await page.request.get(`/api/pacts/${id}`)).json()) as {
      activityLog: { participants: number; hours: number }[];
    };
    expect(logged.activityLog.map((a) => [a.participants, a.hours])).toEqual([[3, 2.5]]);
    expect(await contentWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it('adds a common to the register with its place on the map, naming a wrong coordinate next to it', async () => {
    const page = await openPage({ viewport: PHONE });
    await logIn(page, 'welfare_manager');
    await page.goto('/patti');
    await page.getByRole('link', { name: 'Registro dei beni comuni' }).click();
    await page.getByRole('heading', { level: 1, name: 'Registro dei beni comuni' }).waitFor();
    const list = page.getByRole('list', { name: 'Beni comuni del registro' });
    await list.getByText('Piazza Stradivari').waitFor();
    const before = await list.getByRole('listitem').count();
    await page.getByLabel(/^Comune/).selectOption({ label: 'Cremona' });
    await page.getByLabel(/^Nome/).fill('Cortile della scuola Trento e Trieste');
    await page.getByLabel(/^Tipo/).selectOption({ label: 'Cortile scolastico' });
    await page.getByLabel(/^Indirizzo o luogo/).fill('Via Palestro, Cremona');
    await page.getByLabel(/^Latitudine/).fill('quarantacinque');
    await page.getByLabel(/^Longitudine/).fill('10,0262');
    await page.getByRole('button', { name: 'Aggiungi al registro' }).click();
    await page
      .getByLabel(/^Latitudine/)
      .and(page.locator('[aria-invalid="true"]'))
      .waitFor();
    expect(await list.getByRole('listitem').count()).toBe(before);
    await expectNoAxeViolations(page);
    await page.getByLabel(/^Latitudine/).fill('45,1380');
    await page.getByRole('button', { name: 'Aggiungi al registro' }).click();
    await page.getByText('«Cortile della scuola Trento e Trieste» è nel registro.').waitFor();
    await list.getByText('Cortile della scuola Trento e Trieste').waitFor();
    expect(await list.getByRole('listitem').count()).toBe(before + 1);
    const commons = (await (await page.request.get('/api/commons?comune=019036')).json()) as {
      name: string;
      kind: string;
      latitude: number;
      longitude: number;
    }[];
    expect(commons.find((c) => c.name === 'Cortile della scuola Trento e Trieste')).toMatchObject({
      kind: 'school_courtyard',
      latitude: 45.138,
      longitude: 10.0262,
    });
    expect(await contentWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await page.context().close();
  });
});
