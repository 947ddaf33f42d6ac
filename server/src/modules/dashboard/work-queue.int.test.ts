import { describe, expect, it } from 'vitest';
import { setupTestEnv } from '../../test/harness.js';
import { buildTaskWorld } from '../../test/task-factories.js';

const env = await setupTestEnv();
const world = await buildTaskWorld(env);
const { operator, coordinator, get, post } = world;

const queueOf = async (session: typeof operator) => (await get(session, '/api/work-queue')).json();

describe('the work queue on the home page', () => {
  it('counts what waits for each role, and nothing for queues a role does not work', async () => {
    const before = { operator: await queueOf(operator), coordinator: await queueOf(coordinator) };
    expect(before.operator).toMatchObject({ tasksToAnswer: null, myTasksToday: null });
    expect(before.coordinator).toMatchObject({ requestsToTriage: null, failedDeliveries: null });
    const beneficiaryId = await env.buildPerson();
    await post(operator, '/api/requests', {
      channel: 'phone',
      beneficiaryId,
      interventionTypeId: 'masks_over65',
    });
    const { taskId } = await world.openTask();
    expect((await queueOf(operator)).requestsToTriage).toBe(before.operator.requestsToTriage + 1);
    expect((await queueOf(coordinator)).tasksToAssign).toBe(before.coordinator.tasksToAssign + 1);

    const volunteer = await world.volunteerWithLogin();
    await post(coordinator, `/api/tasks/${taskId}/assign`, { volunteerId: volunteer.volunteerId });
    expect(await queueOf(volunteer.session)).toMatchObject({
      tasksToAnswer: 1,
      myTasksToday: 1,
      requestsToTriage: null,
      tasksToAssign: null,
    });
    await post(volunteer.session, `/api/tasks/${taskId}/complete`, { outcome: 'failed', reason: 'not_home' });
    expect((await queueOf(operator)).failedDeliveries).toBe(before.operator.failedDeliveries + 1);
  });

  it('lists a day’s tasks most urgent first', async () => {
    for (const urgency of ['low', 'critical', 'normal', 'high']) {
      const beneficiaryId = await env.buildPerson();
      const { id } = (
        await post(operator, '/api/requests', {
          channel: 'phone',
          beneficiaryId,
          interventionTypeId: 'groceries_medicines',
          urgency,
        })
      ).json();
      await post(operator, `/api/requests/${id}/triage`, { decision: 'accept' });
    }
    const { items } = (await get(coordinator, '/api/tasks?status=open&limit=1000')).json();
    const rank = { critical: 0, high: 1, normal: 2, low: 3 } as Record<string, number>;
    const today = items.filter((t: { dueDate: string }) => t.dueDate === items[0].dueDate);
    const ranks = today.map((t: { urgency: string }) => rank[t.urgency]);
    expect(ranks).toEqual([...ranks].sort((a: number, b: number) => a - b));
    expect(ranks[0]).toBe(0);
  });

  it('answers 401 without a session', async () => {
    expect((await env.app.inject({ method: 'GET', url: '/api/work-queue' })).statusCode).toBe(401);
  });
});
