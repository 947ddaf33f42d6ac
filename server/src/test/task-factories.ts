import { sql } from '../platform/db/database.js';
import type { Session, TestEnv } from './harness.js';

type Response = Awaited<ReturnType<TestEnv['app']['inject']>>;

/* Test factories for tasks: an organisation competent in the Ambito Cremonese, its coordinator, and accepted requests. */

export interface TaskWorld {
  organizationId: string;
  operator: Session;
  coordinator: Session;
  /** An accepted request of that type for a new person, and its (single) task id. */
  openTask(interventionTypeId?: string): Promise<{ requestId: string; taskId: string }>;
  /** A volunteer of the organisation with a login of his own. */
  volunteerWithLogin(): Promise<{ volunteerId: string; session: Session }>;
  post(session: Session, url: string, payload?: object): Promise<Response>;
  get(session: Session, url: string): Promise<Response>;
}

export async function buildTaskWorld(env: TestEnv): Promise<TaskWorld> {
  const admin = await env.loginAs('amministratore', { type: 'all' });
  const operator = await env.loginAs('operatore');
  const post = (session: Session, url: string, payload?: object) =>
    env.app.inject({ method: 'POST', url, headers: session.headers, ...(payload ? { payload } : {}) });
  const get = (session: Session, url: string) =>
    env.app.inject({ method: 'GET', url, headers: session.headers });
  const organizationId = (
    await post(admin, '/api/organizations', {
      name: `AUSER prova ${Date.now()}`,
      kind: 'association',
      ambitoId: 'CREMONA',
      comuneCode: null,
    })
  ).json().id as string;
  for (const type of ['groceries_medicines', 'covid_groceries_medicines', 'masks_over65']) {
    await env.app.inject({
      method: 'PUT',
      url: '/api/competence-rules',
      headers: admin.headers,
      payload: {
        interventionTypeId: type,
        scopeType: 'ambito',
        scopeId: 'CREMONA',
        organizationIds: [organizationId],
      },
    });
  }
  const coordinatorUser = await env.buildUser({ role: 'coordinatore' });
  await env.database.db.execute(
    sql`UPDATE memberships SET organization_id = ${organizationId} WHERE user_id = ${coordinatorUser.id}`,
  );
  const coordinator = await env.login(coordinatorUser.email);
  return {
    organizationId,
    operator,
    coordinator,
    post,
    get,
    openTask: async (interventionTypeId = 'groceries_medicines') => {
      const beneficiaryId = await env.buildPerson();
      const created = await post(operator, '/api/requests', {
        channel: 'phone',
        beneficiaryId,
        interventionTypeId,
      });
      const requestId = created.json().id as string;
      const accepted = await post(operator, `/api/requests/${requestId}/triage`, { decision: 'accept' });
      return { requestId, taskId: accepted.json().taskIds[0] as string };
    },
    volunteerWithLogin: async () => {
      const user = await env.buildUser({ role: 'volontario' });
      const volunteerId = await env.buildVolunteer({ organizationId, userId: user.id });
      return { volunteerId, session: await env.login(user.email) };
    },
  };
}
