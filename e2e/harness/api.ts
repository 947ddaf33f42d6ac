import { randomBytes } from 'node:crypto';
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

/** The demo volunteer (volontario@demo.legami.it) as the coordinator assigns him. */
export async function demoVolunteer(): Promise<{ id: string; name: string }> {
  const [volunteer, coordinator] = await Promise.all([apiAs('volontario'), apiAs('coordinatore')]);
  const me = await volunteer.get<{ id: string; fullName: string }>('/api/auth/me');
  const familyName = me.fullName.split(' ').at(-1)!;
  const found = await coordinator.get<{ items: { id: string; userId: string | null }[] }>(
    `/api/volunteers?q=${encodeURIComponent(familyName)}&limit=50`,
  );
  await Promise.all([volunteer.dispose(), coordinator.dispose()]);
  return { id: found.items.find((v) => v.userId === me.id)!.id, name: me.fullName };
}

/** Letters only, as in a name: journeys running side by side never make the same person. */
const nameSuffix = () =>
  Array.from(randomBytes(6), (byte, i) => String.fromCharCode((i === 0 ? 65 : 97) + (byte % 26))).join('');

/** A person of the journey's own: a demo person's record (address, position, phone) under a new name. */
async function copyOfPerson(operator: ApiAs, template: DemoPerson): Promise<DemoPerson> {
  const record = await operator.get<Record<string, unknown>>(`/api/people/${template.id}`);
  const keep = ['birthDate', 'sex', 'birthPlace', 'comuneCode', 'address', 'latitude', 'longitude', 'phone'];
  return operator.post<DemoPerson>('/api/people', {
    ...Object.fromEntries(keep.map((key) => [key, record[key]])),
    codiceFiscale: null,
    givenName: `${template.givenName} ${nameSuffix()}`,
    familyName: template.familyName,
    consentPrivacy: true,
    consentContact: true,
    consentMethod: 'phone',
    confirmNotDuplicate: true,
  });
}

/**
 * Grocery tasks of today for AUSER Cremona, made by the journey itself: the demo's own tasks of
 * "today" are those of the day it was seeded, and a run that crosses midnight finds none. Each is a
 * phone request (of the urgency given) accepted under the protocol, for a demo Rossi of Cremona;
 * with `toDemoVolunteer`, for a person of the journey's own (so its card is found by its name while
 * other journeys run) and assigned to the demo volunteer.
 */
export async function groceryTasksOfToday(
  count: number,
  options: { urgency?: 'low' | 'normal' | 'high' | 'critical'; toDemoVolunteer?: boolean } = {},
): Promise<{ person: DemoPerson; taskId: string }[]> {
  const operator = await apiAs('operatore');
  // A coordinator's session only for a journey whose tasks go to the demo volunteer.
  const coordinator = options.toDemoVolunteer ? await apiAs('coordinatore') : null;
  const people = await operator.get<{ items: DemoPerson[] }>('/api/people?q=rossi&limit=50');
  const template = people.items.find((p) => p.comuneCode === '019036') ?? people.items[0]!;
  const assignTo = options.toDemoVolunteer ? (await demoVolunteer()).id : null;
  const made: { person: DemoPerson; taskId: string }[] = [];
  for (let n = 0; n < count; n++) {
    const person = assignTo ? await copyOfPerson(operator, template) : template;
    const request = await operator.post<{ id: string }>('/api/requests', {
      channel: 'phone',
      beneficiaryId: person.id,
      interventionTypeId: 'groceries_medicines',
      description: 'Spesa della settimana',
      confirmSimilar: true,
      ...(options.urgency ? { urgency: options.urgency } : {}),
    });
    const { taskIds } = await operator.post<{ taskIds: string[] }>(`/api/requests/${request.id}/triage`, {
      decision: 'accept',
    });
    if (assignTo) await coordinator!.post(`/api/tasks/${taskIds[0]}/assign`, { volunteerId: assignTo });
    made.push({ person, taskId: taskIds[0]! });
  }
  await Promise.all([operator.dispose(), coordinator?.dispose()]);
  return made;
}

/** An open grocery task of today for the first demo Rossi of Cremona. Returns the beneficiary. */
export async function openTaskOfToday(urgency?: 'low' | 'normal' | 'high' | 'critical'): Promise<DemoPerson> {
  return (await groceryTasksOfToday(1, urgency ? { urgency } : {}))[0]!.person;
}
