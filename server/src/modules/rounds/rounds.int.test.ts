import { describe, expect, it } from 'vitest';
import { queryRows, sql } from '../../platform/db/database.js';
import { addDays, dateInRome } from '../../platform/time.js';
import { CREMONA, setupTestEnv } from '../../test/harness.js';

const env = await setupTestEnv();
const admin = await env.loginAs('amministratore', { type: 'all' });
const operator = await env.loginAs('operatore');
const tomorrow = addDays(dateInRome(), 1);

const organizationId = (
  await env.app.inject({
    method: 'POST',
    url: '/api/organizations',
    headers: admin.headers,
    payload: { name: 'AUSER giri', kind: 'association', ambitoId: 'CREMONA', comuneCode: null },
  })
).json().id as string;
await env.app.inject({
  method: 'PUT',
  url: '/api/competence-rules',
  headers: admin.headers,
  payload: {
    interventionTypeId: 'food_parcels',
    scopeType: 'ambito',
    scopeId: 'CREMONA',
    organizationIds: [organizationId],
  },
});
const coordinatorUser = await env.buildUser({ role: 'coordinatore' });
await env.database.db.execute(
  sql`UPDATE memberships SET organization_id = ${organizationId} WHERE user_id = ${coordinatorUser.id}`,
);
const coordinator = await env.login(coordinatorUser.email);
for (let i = 0; i < 3; i++) await env.buildVolunteer({ organizationId });

const comuni = ['019036', '019056', '019006', '019076'];
for (let i = 0; i < 8; i++) {
  const beneficiaryId = await env.buildPerson({ comune: i % 2 === 0 ? CREMONA : comuni[i % comuni.length] });
  const { id } = (
    await env.app.inject({
      method: 'POST',
      url: '/api/requests',
      headers: operator.headers,
      payload: {
        channel: 'phone',
        beneficiaryId,
        interventionTypeId: 'food_parcels',
        preferredDate: tomorrow,
      },
    })
  ).json();
  await env.app.inject({
    method: 'POST',
    url: `/api/requests/${id}/triage`,
    headers: operator.headers,
    payload: { decision: 'accept' },
  });
}

async function waitUntilComputed(id: string) {
  for (;;) {
    const plan = (
      await env.app.inject({ method: 'GET', url: `/api/rounds/${id}`, headers: coordinator.headers })
    ).json();
    if (plan.status !== 'planning') return plan;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function planUntilReady(): Promise<{
  id: string;
  plan: Record<string, unknown> & {
    rounds: { volunteerId: string; stops: { taskId: string }[] }[];
    status: string;
  };
}> {
  const started = await env.app.inject({
    method: 'POST',
    url: '/api/rounds',
    headers: coordinator.headers,
    payload: { date: tomorrow, timeLimitSeconds: 1 },
  });
  expect(started.statusCode).toBe(202);
  const { id } = started.json();
  return { id, plan: await waitUntilComputed(id) };
}

describe('round planning in the product', () => {
  it('re-times the rounds when the coordinator moves a stop, and shows what the move breaks', async () => {
    const { id, plan } = await planUntilReady();
    const [from, to] =
      plan.rounds.length > 1 ? [plan.rounds[0]!, plan.rounds[1]!] : [plan.rounds[0]!, plan.rounds[0]!];
    const taskId = from.stops[0]!.taskId;
    const moved = await env.app.inject({
      method: 'POST',
      url: `/api/rounds/${id}/move`,
      headers: coordinator.headers,
      payload: { taskId, toVolunteerId: to.volunteerId, position: 0 },
    });
    expect(moved.statusCode).toBe(200);
    const target = moved.json().rounds.find((r: { volunteerId: string }) => r.volunteerId === to.volunteerId);
    expect(target.stops[0].taskId).toBe(taskId);
    expect(moved.json().rounds.flatMap((r: { stops: unknown[] }) => r.stops)).toHaveLength(
      plan.rounds.flatMap((r) => r.stops).length,
    );
    const bad = await env.app.inject({
      method: 'POST',
      url: `/api/rounds/${id}/move`,
      headers: coordinator.headers,
      payload: { taskId, toVolunteerId: taskId, position: 0 },
    });
    expect(bad.statusCode).toBe(422);
  });

  it('plans tomorrow off the request thread, then publishes the rounds in order', async () => {
    const { id, plan } = await planUntilReady();
    expect(plan).toMatchObject({ status: 'ready', tasksCount: 8, volunteersAvailable: 3, unserved: [] });
    expect(plan.rounds.flatMap((r) => r.stops)).toHaveLength(8);
    const published = await env.app.inject({
      method: 'POST',
      url: `/api/rounds/${id}/publish`,
      headers: coordinator.headers,
    });
    expect(published.json()).toEqual({ assigned: 8, conflicts: [] });
    const first = plan.rounds[0]!;
    const rows = await queryRows<{
      id: string;
      volunteer_id: string;
      round_position: number;
      planned_start: string | null;
    }>(
      env.database.db,
      sql`SELECT id, volunteer_id, round_position, planned_start::text FROM tasks WHERE volunteer_id = ${first.volunteerId} ORDER BY round_position`,
    );
    expect(rows.map((r) => r.id)).toEqual(first.stops.map((s) => s.taskId));
    expect(rows.every((r) => r.planned_start !== null)).toBe(true);
    expect(
      (
        await env.app.inject({
          method: 'POST',
          url: `/api/rounds/${id}/publish`,
          headers: coordinator.headers,
        })
      ).statusCode,
    ).toBe(409);
  });

  it('proposes five substitutes at most and a re-plan when a volunteer drops out', async () => {
    const published = (
      await queryRows<{ id: string }>(
        env.database.db,
        sql`SELECT id FROM round_plans WHERE status = 'published' ORDER BY created_at LIMIT 1`,
      )
    )[0]!.id;
    const plan = (
      await env.app.inject({ method: 'GET', url: `/api/rounds/${published}`, headers: coordinator.headers })
    ).json();
    const dropped = plan.rounds[0].volunteerId as string;
    const response = await env.app.inject({
      method: 'POST',
      url: `/api/rounds/${published}/drop-out`,
      headers: coordinator.headers,
      payload: { volunteerId: dropped },
    });
    // The request only enqueues: the re-plan and the substitutes are computed by the job queue.
    expect(response.statusCode).toBe(202);
    expect(response.json().replan).toMatchObject({ status: 'planning', substitutes: [] });
    const replan = await waitUntilComputed(response.json().replan.id);
    expect(replan.status).toBe('ready');
    const { substitutes } = replan;
    expect(substitutes).toHaveLength(plan.rounds[0].stops.length);
    for (const s of substitutes) {
      expect(s.candidates.length).toBeLessThanOrEqual(5);
      expect(s.candidates.map((c: { volunteerId: string }) => c.volunteerId)).not.toContain(dropped);
    }
    expect(replan.rounds.map((r: { volunteerId: string }) => r.volunteerId)).not.toContain(dropped);
    const republished = await env.app.inject({
      method: 'POST',
      url: `/api/rounds/${replan.id}/publish`,
      headers: coordinator.headers,
    });
    expect(republished.json().conflicts).toEqual([]);
    const [left] = await queryRows<{ n: number }>(
      env.database.db,
      sql`SELECT count(*)::int AS n FROM tasks WHERE volunteer_id = ${dropped}`,
    );
    expect(left!.n).toBe(0);
  });

  it('finds the day’s plans again and lists every volunteer a stop can move to', async () => {
    const plans = (
      await env.app.inject({
        method: 'GET',
        url: `/api/rounds?date=${tomorrow}`,
        headers: coordinator.headers,
      })
    ).json();
    expect(plans.some((p: { status: string }) => p.status === 'published')).toBe(true);
    const plan = (
      await env.app.inject({ method: 'GET', url: `/api/rounds/${plans[0].id}`, headers: coordinator.headers })
    ).json();
    expect(plan.volunteers).toHaveLength(3);
    const other = await env.loginAs('coordinatore');
    expect(
      (
        await env.app.inject({ method: 'GET', url: `/api/rounds?date=${tomorrow}`, headers: other.headers })
      ).json(),
    ).toEqual([]);
  });

  it('keeps plans to the coordinator’s organisation and refuses volunteers', async () => {
    const other = await env.loginAs('coordinatore');
    const planId = (
      await queryRows<{ id: string }>(env.database.db, sql`SELECT id FROM round_plans LIMIT 1`)
    )[0]!.id;
    expect(
      (await env.app.inject({ method: 'GET', url: `/api/rounds/${planId}`, headers: other.headers }))
        .statusCode,
    ).toBe(404);
    const volunteer = await env.loginAs('volontario');
    expect(
      (
        await env.app.inject({
          method: 'POST',
          url: '/api/rounds',
          headers: volunteer.headers,
          payload: { date: tomorrow },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('refuses to plan a day in the past or beyond a year, naming the field', async () => {
    for (const date of ['1900-01-01', addDays(dateInRome(), -1), addDays(dateInRome(), 400)]) {
      const refused = await env.app.inject({
        method: 'POST',
        url: '/api/rounds',
        headers: coordinator.headers,
        payload: { date },
      });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().error).toMatchObject({
        code: 'PLAN_DATE_OUT_OF_RANGE',
        details: { field: 'date' },
      });
    }
  });

  it('audits every response that names the beneficiaries, once, with the tasks shown', async () => {
    // A plan of the earlier tests that has rounds (the day's tasks are published by now).
    const [{ id } = { id: '' }] = await queryRows<{ id: string }>(
      env.database.db,
      sql`SELECT id FROM round_plans WHERE jsonb_array_length(plan->'rounds') > 0 ORDER BY created_at LIMIT 1`,
    );
    const plan = (
      await env.app.inject({ method: 'GET', url: `/api/rounds/${id}`, headers: coordinator.headers })
    ).json() as { rounds: { stops: { taskId: string }[] }[] };
    const shown = plan.rounds.flatMap((r) => r.stops.map((s) => s.taskId)).sort();
    expect(shown.length).toBeGreaterThan(0);
    const before = await queryRows<{ n: number }>(
      env.database.db,
      sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'round_plan.read' AND entity_id = ${id}`,
    );
    await env.app.inject({ method: 'GET', url: `/api/rounds/${id}`, headers: coordinator.headers });
    const events = await queryRows<{ actor_user_id: string; details: { ids: string[] } }>(
      env.database.db,
      sql`SELECT actor_user_id, details FROM audit_events WHERE action = 'round_plan.read' AND entity_id = ${id} ORDER BY id`,
    );
    expect(events).toHaveLength(before[0]!.n + 1);
    expect(events.at(-1)!.actor_user_id).toBe(coordinatorUser.id);
    expect([...events.at(-1)!.details.ids].sort()).toEqual(shown);
  });
});
