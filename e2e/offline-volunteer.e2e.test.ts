import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiAs, groceryTasksOfToday } from './harness/api.js';
import { expectNoAxeViolations, logIn, openPage, PHONE } from './harness/browser.js';

interface Task {
  id: string;
  requestId: string;
  status: string;
  dueDate: string;
  moneyAdvancedCents: number;
  beneficiary: { givenName: string; familyName: string };
  history: { kind: string }[];
}

/** The browser's storage, read inside the page (this project compiles without the DOM library). */
interface PageGlobals {
  caches: {
    keys: () => Promise<string[]>;
    open: (name: string) => Promise<{ keys: () => Promise<{ url: string }[]> }>;
  };
  navigator: { serviceWorker: { controller: object | null; getRegistrations: () => Promise<unknown[]> } };
  indexedDB: { databases: () => Promise<{ name?: string }[]> };
}

const cardName = (task: Task) => `${task.beneficiary.familyName} ${task.beneficiary.givenName}`;
const card = (page: Page, task: Task) =>
  page.getByRole('article').filter({ has: page.getByRole('heading', { level: 2, name: cardName(task) }) });

/** What the service worker keeps of the volunteer's own answers: the session and the days' tasks. */
const cachedApi = (page: Page) =>
  page.evaluate(async () =>
    (await (await (globalThis as unknown as PageGlobals).caches.open('legami-volunteer')).keys()).map(
      (r) => new URL(r.url).pathname + new URL(r.url).search,
    ),
  );

describe("the volunteer's day without network, on a phone", () => {
  it('is an installable app whose service worker is never cached and whose bundles are', async () => {
    const page = await openPage();
    const manifest = await page.request.get('/manifest.webmanifest');
    expect(await manifest.json()).toMatchObject({
      short_name: 'Legami',
      start_url: '/miei-compiti',
      display: 'standalone',
      icons: [{ sizes: '192x192' }, { sizes: '512x512' }],
    });
    const sw = await page.request.get('/sw.js');
    expect(sw.ok()).toBe(true);
    expect(sw.headers()['cache-control']).toBe('no-cache');
    expect(sw.headers()['content-type']).toMatch(/javascript/);
    const asset = (await sw.text()).match(/url:"(assets\/[^"]+\.js)"/)?.[1];
    expect((await page.request.get(`/${asset}`)).headers()['cache-control']).toBe(
      'public, max-age=31536000, immutable',
    );
    // The public home never registers it.
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(
      await page.evaluate(
        async () =>
          (await (globalThis as unknown as PageGlobals).navigator.serviceWorker.getRegistrations()).length,
      ),
    ).toBe(0);
    await page.context().close();
  });

  it('shows the day and the round sheet offline, queues outcomes and sends each once when the network returns', async () => {
    const volunteer = await apiAs('volontario');
    const operator = await apiAs('operatore');
    const made = await groceryTasksOfToday(2, { toDemoVolunteer: true });
    for (const { taskId } of made) await volunteer.post(`/api/tasks/${taskId}/accept`, {});
    const [kept, cancelled] = (await Promise.all(
      made.map(({ taskId }) => volunteer.get<Task>(`/api/tasks/${taskId}`)),
    )) as [Task, Task];

    const page = await openPage({ viewport: PHONE });
    const context = page.context();
    await logIn(page, 'volontario');
    await page.goto('/il-mio-giro');
    await page.getByRole('heading', { level: 1, name: 'Il mio giro' }).waitFor();
    await page.goto('/miei-compiti');
    await page.getByRole('heading', { level: 1, name: 'I miei compiti di oggi' }).waitFor();
    await card(page, kept).waitFor();
    // The service worker took over and keeps the session, today's and tomorrow's tasks.
    await page.waitForFunction(
      () => (globalThis as unknown as PageGlobals).navigator.serviceWorker.controller !== null,
    );
    const tomorrow = new Date(Date.parse(`${kept.dueDate}T12:00:00Z`) + 86_400_000)
      .toISOString()
      .slice(0, 10);
    await expect
      .poll(async () => (await cachedApi(page)).sort(), { timeout: 20_000 })
      .toEqual(['/api/auth/me', `/api/tasks/mine?date=${kept.dueDate}`, `/api/tasks/mine?date=${tomorrow}`]);

    await context.setOffline(true);
    // Meanwhile the operator cancels the second task's request: the phone cannot know.
    await operator.post(`/api/requests/${cancelled.requestId}/cancel`, { reason: 'La persona è ricoverata' });

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'I miei compiti di oggi' }).waitFor();
    await page.getByText('Sei senza rete: vedi i compiti salvati sul telefono.', { exact: false }).waitFor();
    await card(page, kept).waitFor();
    await card(page, cancelled).waitFor();
    await expectNoAxeViolations(page);

    // The round sheet, opened afresh without network.
    await page.goto('/il-mio-giro');
    await page.getByRole('heading', { level: 1, name: 'Il mio giro' }).waitFor();
    await page
      .getByText(`${kept.beneficiary.givenName} ${kept.beneficiary.familyName}`, { exact: true })
      .first()
      .waitFor();
    await expectNoAxeViolations(page);

    await page.goto('/miei-compiti');
    await card(page, kept).waitFor();
    await card(page, kept).getByRole('button', { name: 'Fatto' }).click();
    await card(page, kept).getByLabel('Soldi anticipati per la spesa, in euro').fill('12,50');
    await card(page, kept).getByRole('button', { name: 'Conferma: fatto' }).click();
    await page.getByText('Esito salvato sul telefono: sarà inviato appena torna la rete.').waitFor();
    await card(page, kept)
      .getByText(/In attesa di rete: Svolto · Anticipati 12,50\s€/)
      .waitFor();
    await card(page, cancelled).getByRole('button', { name: 'Fatto' }).click();
    await card(page, cancelled).getByRole('button', { name: 'Conferma: fatto' }).click();
    await page.getByText('2 esiti in attesa di rete.').waitFor();
    await expectNoAxeViolations(page);
    // Nothing reached the server yet.
    expect((await volunteer.get<Task>(`/api/tasks/${kept.id}`)).status).toBe('accepted');

    await context.setOffline(false);
    const conflict = page.getByRole('alert').filter({ hasText: 'Esiti non registrati' });
    await conflict
      .getByText(
        `Il compito per ${cardName(cancelled)} è stato chiuso o annullato mentre eri senza rete: l’esito che avevi segnato non è stato registrato.`,
        { exact: false },
      )
      .waitFor();
    await card(page, kept)
      .getByText(/Svolto · Anticipati 12,50\s€/)
      .waitFor();
    await expectNoAxeViolations(page);

    // Once each: one outcome on the kept task, none on the cancelled one, also after a reload.
    await page.reload();
    await card(page, kept)
      .getByText(/Svolto · Anticipati 12,50\s€/)
      .waitFor();
    const done = await volunteer.get<Task>(`/api/tasks/${kept.id}`);
    expect(done).toMatchObject({ status: 'done', moneyAdvancedCents: 1250 });
    expect(done.history.filter((step) => step.kind === 'done')).toHaveLength(1);
    const gone = await volunteer.get<Task>(`/api/tasks/${cancelled.id}`);
    expect(gone.status).toBe('cancelled');
    expect(gone.history.some((step) => step.kind === 'done')).toBe(false);

    await conflict.getByRole('button', { name: 'Ho capito' }).click();
    await expect.poll(() => conflict.count()).toBe(0);

    // Logout erases the phone's copy: caches, queue and service worker.
    await page.getByRole('button', { name: 'Esci' }).click();
    await page.waitForURL((url) => url.pathname === '/login' || url.pathname === '/');
    expect(
      await page.evaluate(async () => ({
        caches: (await (globalThis as unknown as PageGlobals).caches.keys()).length,
        workers: (await (globalThis as unknown as PageGlobals).navigator.serviceWorker.getRegistrations())
          .length,
        databases: (await (globalThis as unknown as PageGlobals).indexedDB.databases()).map((d) => d.name),
      })),
    ).toEqual({ caches: 0, workers: 0, databases: [] });

    await volunteer.dispose();
    await operator.dispose();
    await context.close();
  });
});
