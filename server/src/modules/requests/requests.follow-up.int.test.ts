import { describe, expect, it } from 'vitest';
import { queryRows, sql } from '../../platform/db/database.js';
import { CREMONA, setupTestEnv } from '../../test/harness.js';
import { buildTaskWorld } from '../../test/task-factories.js';

const env = await setupTestEnv();
const world = await buildTaskWorld(env);
const { operator, coordinator, post, get } = world;
const admin = await env.loginAs('amministratore', { type: 'all' });
const otherOrganizationId = (
  await post(admin, '/api/organizations', {
    name: `Caritas prova ${Date.now()}`,
    kind: 'association',
    ambitoId: 'CREMONA',
    comuneCode: null,
  })
).json().id as string;

/** A request whose only task the volunteer could not do: nobody was at home. */
async function failedDelivery(): Promise<{ requestId: string; taskId: string }> {
  const opened = await world.openTask();
  const volunteerId = await env.buildVolunteer({ organizationId: world.organizationId });
  await post(coordinator, `/api/tasks/${opened.taskId}/assign`, { volunteerId });
  const failed = await post(coordinator, `/api/tasks/${opened.taskId}/complete`, {
    outcome: 'failed',
    reason: 'not_home',
  });
  expect(failed.json().status).toBe('failed');
  return opened;
}

const followUp = (requestId: string, payload: object, session = operator) =>
  post(session, `/api/requests/${requestId}/follow-up`, payload);

async function statusOf(requestId: string): Promise<string> {
  const [row] = await queryRows<{ status: string }>(
    env.database.db,
    sql`SELECT status FROM help_requests WHERE id = ${requestId}`,
  );
  return row!.status;
}

describe('a failed delivery', () => {
  it('keeps the request open, awaiting a decision, in the list, on the dashboard and its map', async () => {
    const { requestId } = await failedDelivery();
    const request = (await get(operator, `/api/requests/${requestId}`)).json();
    expect(request).toMatchObject({ status: 'accepted', awaitingDecision: true });
    expect(request.abilities.followUp).toBe(true);
    expect(request.events.map((e: { kind: string }) => e.kind)).toContain('awaiting_decision');
    const waiting = (await get(operator, '/api/requests?awaitingDecision=true&limit=100')).json();
    expect(waiting.items.map((r: { id: string }) => r.id)).toContain(requestId);
    const dashboard = (await get(operator, '/api/dashboard')).json();
    expect(dashboard.awaitingDecision).toBeGreaterThanOrEqual(1);
    expect(
      dashboard.openByComune.find((c: { comuneCode: string }) => c.comuneCode === CREMONA)?.open,
    ).toBeGreaterThan(0);
  });

  it('is tried again by the same organisation on the day chosen, and completes when done', async () => {
    const { requestId } = await failedDelivery();
    const retried = await followUp(requestId, { decision: 'retry' });
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({ status: 'accepted', awaitingDecision: false });
    expect(retried.json().taskIds).toHaveLength(2);
    const tasks = (await get(coordinator, `/api/tasks?requestId=${requestId}`)).json().items;
    const retry = tasks.find((t: { status: string }) => t.status === 'open');
    expect(retry.organizationId).toBe(world.organizationId);
    const volunteerId = await env.buildVolunteer({ organizationId: world.organizationId });
    await post(coordinator, `/api/tasks/${retry.id}/assign`, { volunteerId });
    await post(coordinator, `/api/tasks/${retry.id}/complete`, { outcome: 'done' });
    expect(await statusOf(requestId)).toBe('completed');
    const [audit] = await queryRows<{ details: { decision: string } }>(
      env.database.db,
      sql`SELECT details FROM audit_events WHERE entity_id = ${requestId} AND action = 'request.follow_up'`,
    );
    expect(audit!.details.decision).toBe('retry');
  });

  it('goes to another organisation only with a reason', async () => {
    const { requestId } = await failedDelivery();
    const withoutReason = await followUp(requestId, {
      decision: 'reroute',
      organizationId: otherOrganizationId,
    });
    expect(withoutReason.json().error.code).toBe('FOLLOW_UP_REASON_REQUIRED');
    const rerouted = await followUp(requestId, {
      decision: 'reroute',
      organizationId: otherOrganizationId,
      reason: 'AUSER non ha volontari questa settimana',
    });
    expect(rerouted.json()).toMatchObject({ organizationId: otherOrganizationId, awaitingDecision: false });
    const [task] = await queryRows<{ organization_id: string }>(
      env.database.db,
      sql`SELECT organization_id FROM tasks WHERE request_id = ${requestId} AND status = 'open'`,
    );
    expect(task!.organization_id).toBe(otherOrganizationId);
  });

  it('is closed with a reason, and then leaves the open requests', async () => {
    const { requestId } = await failedDelivery();
    expect((await followUp(requestId, { decision: 'close' })).statusCode).toBe(422);
    const closed = await followUp(requestId, { decision: 'close', reason: 'La persona è ricoverata' });
    expect(closed.json()).toMatchObject({ status: 'closed', awaitingDecision: false });
    expect(closed.json().events.at(-1)).toMatchObject({
      kind: 'closed',
      details: { reason: 'La persona è ricoverata' },
    });
    expect((await followUp(requestId, { decision: 'retry' })).json().error.code).toBe(
      'REQUEST_NOT_AWAITING_DECISION',
    );
  });

  it('answers 401 without a session, 403 to a volunteer and 404 to another district, changing nothing', async () => {
    const { requestId } = await failedDelivery();
    const anonymous = await env.app.inject({
      method: 'POST',
      url: `/api/requests/${requestId}/follow-up`,
      payload: { decision: 'retry' },
    });
    expect(anonymous.statusCode).toBe(401);
    expect(
      (await followUp(requestId, { decision: 'retry' }, await env.loginAs('volontario'))).statusCode,
    ).toBe(403);
    const cremasco = await env.loginAs('operatore', { type: 'ambito', id: 'CREMA' });
    expect((await followUp(requestId, { decision: 'close', reason: 'prova' }, cremasco)).statusCode).toBe(
      404,
    );
    expect(await statusOf(requestId)).toBe('accepted');
    expect((await get(operator, `/api/requests/${requestId}`)).json().awaitingDecision).toBe(true);
  });
});

describe('the dashboard’s requests awaiting triage', () => {
  it('follow the date filter: a past day counts those still waiting that evening', async () => {
    const on = async (daysAgo: number) => {
      const date = new Date(Date.now() - daysAgo * 86_400_000).toLocaleDateString('sv-SE', {
        timeZone: 'Europe/Rome',
      });
      return (await get(operator, `/api/dashboard?date=${date}`)).json().awaitingTriage as number;
    };
    const before = [await on(0), await on(2), await on(4)];
    const beneficiaryId = await env.buildPerson();
    const { id } = (
      await post(operator, '/api/requests', {
        channel: 'phone',
        beneficiaryId,
        interventionTypeId: 'masks_over65',
      })
    ).json();
    await env.database.db.execute(
      sql`UPDATE help_requests SET created_at = now() - interval '3 days' WHERE id = ${id}`,
    );
    expect([await on(0), await on(2), await on(4)]).toEqual([before[0]! + 1, before[1]! + 1, before[2]]);
    await post(operator, `/api/requests/${id}/triage`, { decision: 'accept' });
    // Accepted today: two days ago it was still waiting that evening.
    expect([await on(0), await on(2), await on(4)]).toEqual([before[0], before[1]! + 1, before[2]]);
  });
});
