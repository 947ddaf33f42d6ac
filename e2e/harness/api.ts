import { request, type APIRequestContext } from 'playwright-core';
import { inject } from 'vitest';
import { DEMO_PASSWORD } from './browser.js';

/** Calls the Legami API as a demo user (session cookie and CSRF token), to prepare a journey's data. */
export interface ApiAs {
  get: <T>(path: string) => Promise<T>;
  post: <T>(path: string, body: unknown) => Promise<T>;
  dispose: () => Promise<void>;
}

async function ok<T>(response: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> {
  if (!response.ok()) throw new Error(`${response.url()} → ${response.status()}: ${await response.text()}`);
  return (await response.json()) as T;
}

export async function apiAs(role: string): Promise<ApiAs> {
  const context = await request.newContext({ baseURL: inject('baseUrl') });
  const me = await ok<{ csrfToken: string }>(
    await context.post('/api/auth/login', {
      data: { email: `${role}@demo.legami.it`, password: DEMO_PASSWORD },
    }),
  );
  const headers = { 'x-csrf-token': me.csrfToken };
  return {
    get: async <T>(path: string) => ok<T>(await context.get(path)),
    post: async <T>(path: string, body: unknown) => ok<T>(await context.post(path, { data: body, headers })),
    dispose: () => context.dispose(),
  };
}

export interface DemoPerson {
  id: string;
  givenName: string;
  familyName: string;
  comuneCode: string;
}

/**
 * An open grocery task of today for AUSER Cremona: a phone request (of the urgency given) for a
 * demo Rossi of Cremona, accepted under the protocol. Returns the beneficiary.
 */
export async function openTaskOfToday(urgency?: 'low' | 'normal' | 'high' | 'critical'): Promise<DemoPerson> {
  const operator = await apiAs('operatore');
  const people = await operator.get<{ items: DemoPerson[] }>('/api/people?q=rossi&limit=50');
  const person = people.items.find((p) => p.comuneCode === '019036') ?? people.items[0]!;
  const request = await operator.post<{ id: string }>('/api/requests', {
    channel: 'phone',
    beneficiaryId: person.id,
    interventionTypeId: 'groceries_medicines',
    description: 'Spesa della settimana',
    confirmSimilar: true,
    ...(urgency ? { urgency } : {}),
  });
  await operator.post(`/api/requests/${request.id}/triage`, { decision: 'accept' });
  await operator.dispose();
  return person;
}
