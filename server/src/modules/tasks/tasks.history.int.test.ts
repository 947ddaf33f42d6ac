import { describe, expect, it } from 'vitest';
import { setupTestEnv } from '../../test/harness.js';
import { buildTaskWorld } from '../../test/task-factories.js';

const env = await setupTestEnv();
const world = await buildTaskWorld(env);
const { coordinator, post, get } = world;

describe('a task’s history', () => {
  it('shows who assigned, declined with the reason, reassigned, accepted, failed and reimbursed', async () => {
    const { taskId, requestId } = await world.openTask();
    const first = await world.volunteerWithLogin();
    const second = await world.volunteerWithLogin();
    expect(
      (await post(coordinator, `/api/tasks/${taskId}/assign`, { volunteerId: first.volunteerId })).statusCode,
    ).toBe(200);
    await post(first.session, `/api/tasks/${taskId}/decline`, { reason: 'Sono fuori città' });
    await post(coordinator, `/api/tasks/${taskId}/assign`, { volunteerId: second.volunteerId });
    await post(second.session, `/api/tasks/${taskId}/accept`);
    await post(second.session, `/api/tasks/${taskId}/complete`, {
      outcome: 'failed',
      reason: 'not_home',
      moneyAdvancedCents: 1200,
    });
    await post(coordinator, `/api/tasks/${taskId}/reimburse`, { amountCents: 1200 });

    const task = (await get(coordinator, `/api/tasks/${taskId}`)).json();
    const names = await Promise.all(
      [first.volunteerId, second.volunteerId].map(async (id) =>
        (await get(coordinator, `/api/volunteers/${id}`)).json(),
      ),
    );
    const [firstName, secondName] = names.map(
      (v: { givenName: string; familyName: string }) => `${v.givenName} ${v.familyName}`,
    );
    const steps = task.history.map((e: Record<string, unknown>) => [
      e.kind,
      e.volunteerName,
      e.reason ?? e.outcomeReason ?? e.amountCents,
    ]);
    expect(steps).toEqual([
      ['assigned', firstName, null],
      ['declined', firstName, 'Sono fuori città'],
      ['assigned', secondName, null],
      ['accepted', secondName, null],
      ['failed', secondName, 'not_home'],
      ['reimbursed', secondName, 1200],
    ]);
    const actors = task.history.map((e: { actorName: string | null }) => e.actorName);
    expect(actors.every((name: string | null) => typeof name === 'string' && name.length > 0)).toBe(true);
    expect(actors[0]).toBe(actors[2]);
    expect(actors[1]).not.toBe(actors[0]);

    // On its request: the tasks it became, each with the same history.
    const ofRequest = (await get(coordinator, `/api/tasks?requestId=${requestId}`)).json();
    expect(ofRequest.items[0].history).toEqual(task.history);
  });

  it('shows the volunteer his own task’s history', async () => {
    const { taskId } = await world.openTask();
    const volunteer = await world.volunteerWithLogin();
    await post(coordinator, `/api/tasks/${taskId}/assign`, { volunteerId: volunteer.volunteerId });
    const mine = (await get(volunteer.session, '/api/tasks/mine')).json();
    expect(mine.items[0].history.map((e: { kind: string }) => e.kind)).toEqual(['assigned']);
  });

  it('records the cancellation of a request on its open tasks', async () => {
    const { taskId, requestId } = await world.openTask();
    await post(world.operator, `/api/requests/${requestId}/cancel`, { reason: 'Non serve più' });
    const task = (await get(coordinator, `/api/tasks/${taskId}`)).json();
    expect(task.status).toBe('cancelled');
    expect(task.history.map((e: { kind: string }) => e.kind)).toEqual(['cancelled']);
  });
});
