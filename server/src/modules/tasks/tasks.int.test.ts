import { describe, expect, it } from 'vitest';
import { queryRows, sql } from '../../platform/db/database.js';
import { CREMA, setupTestEnv, type Session } from '../../test/harness.js';

const env = await setupTestEnv();
const admin = await env.loginAs('amministratore', { type: 'all' });
const operator = await env.loginAs('operatore');

const organizationId = (
  await env.app.inject({
    method: 'POST',
    url: '/api/organizations',
    headers: admin.headers,
    payload: { name: 'AUSER test', kind: 'association', ambitoId: 'CREMONA', comuneCode: null },
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

/** An accepted request of that type and its (single) task id. */
async function openTask(interventionTypeId = 'groceries_medicines'): Promise<string> {
  const beneficiaryId = await env.buildPerson();
  const { id } = (
    await env.app.inject({
      method: 'POST',
      url: '/api/requests',
      headers: operator.headers,
      payload: { channel: 'phone', beneficiaryId, interventionTypeId },
    })
  ).json();
  const accepted = await env.app.inject({
    method: 'POST',
    url: `/api/requests/${id}/triage`,
    headers: operator.headers,
    payload: { decision: 'accept' },
  });
  return accepted.json().taskIds[0];
}

const assign = (taskId: string, volunteerId: string, session: Session = coordinator) =>
  env.app.inject({
    method: 'POST',
    url: `/api/tasks/${taskId}/assign`,
    headers: session.headers,
    payload: { volunteerId },
  });

describe('tasks', () => {
  it('suggests eligible volunteers first and explains the others', async () => {
    const taskId = await openTask();
    const withCar = await env.buildVolunteer({ organizationId });
    const withoutCar = await env.buildVolunteer({ organizationId, hasCar: false });
    const suggestions = (
      await env.app.inject({
        method: 'GET',
        url: `/api/tasks/${taskId}/suggestions`,
        headers: coordinator.headers,
      })
    ).json();
    const ids = suggestions.map((s: { volunteerId: string }) => s.volunteerId);
    expect(ids.indexOf(withCar)).toBeLessThan(ids.indexOf(withoutCar));
    expect(suggestions.find((s: { volunteerId: string }) => s.volunteerId === withoutCar)).toMatchObject({
      eligible: false,
      problems: ['Questo compito richiede un volontario con auto e patente.'],
    });
  });

  it('refuses a volunteer without a car on a car task and leaves the task open', async () => {
    const taskId = await openTask();
    const response = await assign(taskId, await env.buildVolunteer({ organizationId, hasCar: false }));
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('VOLUNTEER_NO_CAR');
    const [row] = await queryRows<{ status: string }>(
      env.database.db,
      sql`SELECT status FROM tasks WHERE id = ${taskId}`,
    );
    expect(row!.status).toBe('open');
  });

  it('requires health training for a Covid patient', async () => {
    const taskId = await openTask('covid_groceries_medicines');
    expect((await assign(taskId, await env.buildVolunteer({ organizationId }))).json().error.code).toBe(
      'VOLUNTEER_NOT_TRAINED',
    );
    expect(
      (await assign(taskId, await env.buildVolunteer({ organizationId, healthTraining: true }))).statusCode,
    ).toBe(200);
  });

  it('never assigns a task twice, even to parallel requests', async () => {
    const taskId = await openTask();
    const volunteers = await Promise.all(
      Array.from({ length: 8 }, () => env.buildVolunteer({ organizationId })),
    );
    const responses = await Promise.all(volunteers.map((v) => assign(taskId, v)));
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
    const [row] = await queryRows<{ n: number }>(
      env.database.db,
      sql`SELECT count(DISTINCT volunteer_id)::int AS n FROM tasks WHERE id = ${taskId}`,
    );
    expect(row!.n).toBe(1);
    expect(responses.find((r) => r.statusCode === 409)!.json().error.code).toBe('TASK_ALREADY_ASSIGNED');
  });

  it('stops at the volunteer’s daily maximum, even under parallel assignment', async () => {
    const volunteerId = await env.buildVolunteer({ organizationId, maxTasksPerDay: 2 });
    const tasks = await Promise.all([openTask(), openTask(), openTask(), openTask()]);
    const responses = await Promise.all(tasks.map((t) => assign(t, volunteerId)));
    expect(responses.filter((r) => r.statusCode === 200)).toHaveLength(2);
    expect(
      responses
        .filter((r) => r.statusCode === 422)
        .every((r) => r.json().error.code === 'VOLUNTEER_DAILY_LIMIT'),
    ).toBe(true);
  });

  it('lets the volunteer see today’s tasks, accept, and mark one done with money advanced', async () => {
    const volunteerUser = await env.buildUser({ role: 'volontario' });
    const volunteerId = await env.buildVolunteer({ organizationId, userId: volunteerUser.id });
    const volunteer = await env.login(volunteerUser.email);
    const taskId = await openTask();
    await assign(taskId, volunteerId);
    const mine = (
      await env.app.inject({ method: 'GET', url: '/api/tasks/mine', headers: volunteer.headers })
    ).json();
    expect(mine.items.map((t: { id: string }) => t.id)).toEqual([taskId]);
    expect(mine.items[0].abilities).toMatchObject({ respond: true, assign: false });
    expect(
      (
        await env.app.inject({
          method: 'POST',
          url: `/api/tasks/${taskId}/accept`,
          headers: volunteer.headers,
        })
      ).json().status,
    ).toBe('accepted');
    const done = await env.app.inject({
      method: 'POST',
      url: `/api/tasks/${taskId}/complete`,
      headers: volunteer.headers,
      payload: { outcome: 'done', moneyAdvancedCents: 2350 },
    });
    expect(done.json()).toMatchObject({ status: 'done', moneyAdvancedCents: 2350 });
    const requestId = done.json().requestId;
    const request = (
      await env.app.inject({ method: 'GET', url: `/api/requests/${requestId}`, headers: operator.headers })
    ).json();
    expect(request.status).toBe('completed');
    const tooMuch = await env.app.inject({
      method: 'POST',
      url: `/api/tasks/${taskId}/reimburse`,
      headers: coordinator.headers,
      payload: { amountCents: 2351 },
    });
    expect(tooMuch.statusCode).toBe(422);
    const repaid = await env.app.inject({
      method: 'POST',
      url: `/api/tasks/${taskId}/reimburse`,
      headers: coordinator.headers,
      payload: { amountCents: 2350 },
    });
    expect(repaid.json().moneyReimbursedCents).toBe(2350);
    const [outbox] = await queryRows<{ n: number }>(
      env.database.db,
      sql`SELECT count(*)::int AS n FROM notifications WHERE kind = 'task.assigned'`,
    );
    expect(outbox!.n).toBeGreaterThan(0);
  });

  it('completes the request, with its event, and tells the requester when its last task closes', async () => {
    const volunteerUser = await env.buildUser({ role: 'volontario' });
    const volunteerId = await env.buildVolunteer({ organizationId, userId: volunteerUser.id });
    const volunteer = await env.login(volunteerUser.email);
    const taskId = await openTask();
    await assign(taskId, volunteerId);
    const countCompletedNotices = async () =>
      (
        await queryRows<{ n: number }>(
          env.database.db,
          sql`SELECT count(*)::int AS n FROM notifications WHERE kind = 'request.completed'`,
        )
      )[0]!.n;
    const noticesBefore = await countCompletedNotices();
    const done = await env.app.inject({
      method: 'POST',
      url: `/api/tasks/${taskId}/complete`,
      headers: volunteer.headers,
      payload: { outcome: 'done' },
    });
    const request = (
      await env.app.inject({
        method: 'GET',
        url: `/api/requests/${done.json().requestId}`,
        headers: operator.headers,
      })
    ).json();
    expect(request.status).toBe('completed');
    expect(request.events.at(-1)).toMatchObject({
      kind: 'completed',
      actorName: expect.stringMatching(/^Utente volontario/),
    });
    expect(await countCompletedNotices()).toBe(noticesBefore + 1);
  });

  it('needs a reason when a task fails, and hides other volunteers’ tasks', async () => {
    const volunteerUser = await env.buildUser({ role: 'volontario' });
    const volunteerId = await env.buildVolunteer({ organizationId, userId: volunteerUser.id });
    const volunteer = await env.login(volunteerUser.email);
    const taskId = await openTask();
    await assign(taskId, volunteerId);
    const complete = (payload: object, session = volunteer) =>
      env.app.inject({
        method: 'POST',
        url: `/api/tasks/${taskId}/complete`,
        headers: session.headers,
        payload,
      });
    expect((await complete({ outcome: 'failed' })).json().error.code).toBe('OUTCOME_REASON_REQUIRED');
    const stranger = await env.loginAs('volontario');
    expect((await complete({ outcome: 'done' }, stranger)).statusCode).toBe(404);
    expect((await complete({ outcome: 'failed', reason: 'not_home' })).json()).toMatchObject({
      status: 'failed',
      outcomeReason: 'not_home',
    });
  });

  it('records an outcome sent again with the same Idempotency-Key once, and refuses a reassigned task', async () => {
    const volunteerUser = await env.buildUser({ role: 'volontario' });
    const volunteerId = await env.buildVolunteer({ organizationId, userId: volunteerUser.id });
    const volunteer = await env.login(volunteerUser.email);
    const taskId = await openTask();
    await assign(taskId, volunteerId);
    const complete = (key: string, payload: object, id = taskId) =>
      env.app.inject({
        method: 'POST',
        url: `/api/tasks/${id}/complete`,
        headers: { ...volunteer.headers, 'idempotency-key': key },
        payload,
      });
    const first = await complete('offline-key-0001', { outcome: 'done', moneyAdvancedCents: 1250 });
    expect(first.json()).toMatchObject({ status: 'done', moneyAdvancedCents: 1250 });
    // The phone did not hear the answer and sends the queued outcome again: the same task, nothing new.
    const again = await complete('offline-key-0001', { outcome: 'done', moneyAdvancedCents: 1250 });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: taskId, status: 'done', moneyAdvancedCents: 1250 });
    const [events] = await queryRows<{ n: number }>(
      env.database.db,
      sql`SELECT count(*)::int AS n FROM task_events WHERE task_id = ${taskId} AND kind = 'done'`,
    );
    expect(events!.n).toBe(1);
    const [audited] = await queryRows<{ n: number }>(
      env.database.db,
      sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'task.complete' AND entity_id = ${taskId}`,
    );
    expect(audited!.n).toBe(1);
    // Another key is another outcome: the task is closed already.
    const other = await complete('offline-key-0002', { outcome: 'failed', reason: 'not_home' });
    expect(other.statusCode).toBe(409);
    expect(other.json().error.code).toBe('TASK_CLOSED');
    expect((await complete('bad key!', { outcome: 'done' })).statusCode).toBe(400);

    // Reassigned while the phone was offline: the queued outcome is refused, the new volunteer's task untouched.
    const moved = await openTask();
    await assign(moved, volunteerId);
    const unassigned = await env.app.inject({
      method: 'POST',
      url: `/api/tasks/${moved}/decline`,
      headers: volunteer.headers,
      payload: { reason: 'Non posso più' },
    });
    expect(unassigned.statusCode).toBe(200);
    expect((await assign(moved, await env.buildVolunteer({ organizationId }))).statusCode).toBe(200);
    const late = await complete('offline-key-0003', { outcome: 'done' }, moved);
    expect(late.statusCode).toBe(404);
    const [row] = await queryRows<{ status: string; completion_key: string | null }>(
      env.database.db,
      sql`SELECT status, completion_key FROM tasks WHERE id = ${moved}`,
    );
    expect(row).toEqual({ status: 'assigned', completion_key: null });
  });

  it('hides a task from a coordinator of another district', async () => {
    const taskId = await openTask();
    const cremasco = await env.loginAs('coordinatore', { type: 'ambito', id: 'CREMA' });
    expect(
      (await assign(taskId, await env.buildVolunteer({ organizationId, comune: CREMA }), cremasco))
        .statusCode,
    ).toBe(404);
  });

  it('audits the volunteer’s list of the day as one entry with the tasks shown', async () => {
    const volunteerUser = await env.buildUser({ role: 'volontario' });
    const volunteerId = await env.buildVolunteer({ organizationId, userId: volunteerUser.id });
    const volunteer = await env.login(volunteerUser.email);
    const taskId = await openTask();
    await assign(taskId, volunteerId);
    await env.app.inject({ method: 'GET', url: '/api/tasks/mine', headers: volunteer.headers });
    const events = await queryRows<{ action: string; details: { ids: string[] } }>(
      env.database.db,
      sql`SELECT action, details FROM audit_events WHERE actor_user_id = ${volunteerUser.id} AND action = 'task.read'`,
    );
    expect(events).toEqual([
      { action: 'task.read', details: expect.objectContaining({ ids: [taskId], own: true }) },
    ]);
  });
});
