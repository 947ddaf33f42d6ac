import { describe, expect, it } from 'vitest';
import { withScope } from '../../platform/access/access.js';
import type { Actor } from '../../platform/access/actor.js';
import { systemContext } from '../../platform/context.js';
import { queryRows, sql } from '../../platform/db/database.js';
import { addDays, dateInRome } from '../../platform/time.js';
import { CREMA, CREMONA, setupTestEnv, type Session } from '../../test/harness.js';

/*
 * Round plans inside the territory model: a plan names beneficiaries' homes and phones, so it is
 * scoped like the tasks it plans — another Ambito's plan answers 404, is missing from the list and
 * cannot be published — and every request that computes, opens, lists or publishes one is audited.
 */

const env = await setupTestEnv();
const db = env.database.db;
const province = await env.loginAs('amministratore', { type: 'all' });
const operator = await env.loginAs('operatore');
const cremoneseAdmin = await env.loginAs('amministratore', { type: 'ambito', id: 'CREMONA' });
const cremascoAdmin = await env.loginAs('amministratore', { type: 'ambito', id: 'CREMA' });
const date = addDays(dateInRome(), 2);

async function createOrganization(name: string, ambitoId: string): Promise<string> {
  const response = await env.app.inject({
    method: 'POST',
    url: '/api/organizations',
    headers: province.headers,
    payload: { name, kind: 'association', ambitoId, comuneCode: null },
  });
  return response.json().id as string;
}

const cremonese = await createOrganization('Consegne del Cremonese', 'CREMONA');
const cremasco = await createOrganization('Consegne del Cremasco', 'CREMA');
await env.app.inject({
  method: 'PUT',
  url: '/api/competence-rules',
  headers: province.headers,
  payload: {
    interventionTypeId: 'food_parcels',
    scopeType: 'ambito',
    scopeId: 'CREMONA',
    organizationIds: [cremonese],
  },
});
for (let i = 0; i < 2; i++) await env.buildVolunteer({ organizationId: cremonese });
await env.buildVolunteer({ organizationId: cremasco, comune: CREMA });
for (let i = 0; i < 4; i++) {
  const beneficiaryId = await env.buildPerson({ comune: CREMONA });
  const { id } = (
    await env.app.inject({
      method: 'POST',
      url: '/api/requests',
      headers: operator.headers,
      payload: { channel: 'phone', beneficiaryId, interventionTypeId: 'food_parcels', preferredDate: date },
    })
  ).json();
  await env.app.inject({
    method: 'POST',
    url: `/api/requests/${id}/triage`,
    headers: operator.headers,
    payload: { decision: 'accept' },
  });
}

async function computePlan(session: Session, organizationId: string) {
  const started = await env.app.inject({
    method: 'POST',
    url: '/api/rounds',
    headers: session.headers,
    payload: { date, organizationId, timeLimitSeconds: 1 },
  });
  expect(started.statusCode).toBe(202);
  const id = started.json().id as string;
  for (;;) {
    const [row] = await queryRows<{ status: string }>(
      db,
      sql`SELECT status FROM round_plans WHERE id = ${id}`,
    );
    if (row!.status !== 'planning') return id;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

// The Cremonese plans twice and publishes the first: the live plan, and a second one ready to publish.
const live = await computePlan(cremoneseAdmin, cremonese);
const ready = await computePlan(cremoneseAdmin, cremonese);
const publishedLive = await env.app.inject({
  method: 'POST',
  url: `/api/rounds/${live}/publish`,
  headers: cremoneseAdmin.headers,
});
expect(publishedLive.statusCode).toBe(200);

const statusOf = async (id: string) =>
  (await env.app.inject({ method: 'GET', url: `/api/rounds/${id}`, headers: cremoneseAdmin.headers })).json()
    .status as string;

async function auditOf(action: string, entityId?: string) {
  return queryRows<{ actor_user_id: string; entity_id: string | null; details: { ids?: string[] } }>(
    db,
    sql`SELECT actor_user_id, entity_id, details FROM audit_events
        WHERE action = ${action} AND (${entityId ?? null}::text IS NULL OR entity_id = ${entityId ?? null}) ORDER BY id`,
  );
}

function administratorOf(comune: string): Actor {
  return {
    userId: cremascoAdmin.userId,
    email: 'admin@test',
    fullName: 'Admin',
    personId: null,
    locale: 'it',
    grants: [
      {
        role: 'amministratore',
        organizationId: null,
        scope: { type: 'comune', id: comune },
        comuni: new Set([comune]),
      },
    ],
  };
}

describe('who may reach round plans', () => {
  it('answers 401 without a session', async () => {
    for (const [method, url] of [
      ['GET', `/api/rounds?date=${date}`],
      ['GET', `/api/rounds/${live}`],
      ['POST', `/api/rounds/${ready}/publish`],
    ] as const) {
      expect((await env.app.inject({ method, url })).statusCode).toBe(401);
    }
  });

  it('refuses an operator, who reads tasks but does not plan them, with 403', async () => {
    for (const [method, url] of [
      ['GET', `/api/rounds?date=${date}`],
      ['GET', `/api/rounds/${live}`],
      ['POST', `/api/rounds/${ready}/publish`],
    ] as const) {
      expect((await env.app.inject({ method, url, headers: operator.headers })).statusCode).toBe(403);
    }
    expect(await statusOf(ready)).toBe('ready');
  });
});

describe('round plans of another Ambito', () => {
  it('answers 404 to an administrator of the Cremasco opening a plan of the Cremonese', async () => {
    const response = await env.app.inject({
      method: 'GET',
      url: `/api/rounds/${live}`,
      headers: cremascoAdmin.headers,
    });
    expect(response.statusCode).toBe(404);
  });

  it('leaves them out of the Cremasco administrator’s list of the day', async () => {
    const response = await env.app.inject({
      method: 'GET',
      url: `/api/rounds?date=${date}`,
      headers: cremascoAdmin.headers,
    });
    expect(response.statusCode).toBe(200);
    const ids = response.json().map((p: { id: string }) => p.id);
    expect(ids).not.toContain(live);
    expect(ids).not.toContain(ready);
  });

  it('refuses to publish one with 404 and keeps the live plan live', async () => {
    const response = await env.app.inject({
      method: 'POST',
      url: `/api/rounds/${ready}/publish`,
      headers: cremascoAdmin.headers,
    });
    expect(response.statusCode).toBe(404);
    expect(await statusOf(live)).toBe('published');
    expect(await statusOf(ready)).toBe('ready');
  });

  it('refuses to move a stop of one with 404 and leaves its rounds as they were', async () => {
    const before = await queryRows<{ plan: unknown }>(
      db,
      sql`SELECT plan FROM round_plans WHERE id = ${ready}`,
    );
    const plan = (
      await env.app.inject({ method: 'GET', url: `/api/rounds/${ready}`, headers: cremoneseAdmin.headers })
    ).json() as { rounds: { volunteerId: string; stops: { taskId: string }[] }[] };
    const round = plan.rounds.find((r) => r.stops.length > 0)!;
    const response = await env.app.inject({
      method: 'POST',
      url: `/api/rounds/${ready}/move`,
      headers: cremascoAdmin.headers,
      payload: { taskId: round.stops[0]!.taskId, toVolunteerId: round.volunteerId, position: 0 },
    });
    expect(response.statusCode).toBe(404);
    const after = await queryRows<{ plan: unknown }>(
      db,
      sql`SELECT plan FROM round_plans WHERE id = ${ready}`,
    );
    expect(after).toEqual(before);
  });

  it('refuses a drop-out on one with 404 and stores no re-plan', async () => {
    const plan = (
      await env.app.inject({ method: 'GET', url: `/api/rounds/${live}`, headers: cremoneseAdmin.headers })
    ).json() as { rounds: { volunteerId: string }[] };
    const response = await env.app.inject({
      method: 'POST',
      url: `/api/rounds/${live}/drop-out`,
      headers: cremascoAdmin.headers,
      payload: { volunteerId: plan.rounds[0]!.volunteerId },
    });
    expect(response.statusCode).toBe(404);
    const replans = await queryRows<{ id: string }>(
      db,
      sql`SELECT id FROM round_plans WHERE based_on = ${live}`,
    );
    expect(replans).toEqual([]);
  });

  it('refuses a coordinator of the Cremasco planning for a Cremonese organisation named in the body', async () => {
    const user = await env.buildUser({ role: 'coordinatore', scope: { type: 'ambito', id: 'CREMA' } });
    await db.execute(sql`UPDATE memberships SET organization_id = ${cremasco} WHERE user_id = ${user.id}`);
    const coordinator = await env.login(user.email);
    const response = await env.app.inject({
      method: 'POST',
      url: '/api/rounds',
      headers: coordinator.headers,
      payload: { date, organizationId: cremonese },
    });
    expect(response.statusCode).toBe(404);
  });

  it('refuses to plan for an organisation of another Ambito named in the body', async () => {
    const before = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM round_plans`);
    const response = await env.app.inject({
      method: 'POST',
      url: '/api/rounds',
      headers: cremascoAdmin.headers,
      payload: { date, organizationId: cremonese },
    });
    expect(response.statusCode).toBe(404);
    const after = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM round_plans`);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('still lets the Cremasco administrator plan for an organisation of the Cremasco', async () => {
    const id = await computePlan(cremascoAdmin, cremasco);
    const response = await env.app.inject({
      method: 'GET',
      url: `/api/rounds/${id}`,
      headers: cremascoAdmin.headers,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ organizationId: cremasco, volunteersAvailable: 1 });
  });

  it('returns no plan row to a raw query under a foreign territory', async () => {
    const ctx = { ...systemContext(env.database), actor: administratorOf(CREMA) };
    const foreign = await withScope(ctx, 'task.assign', (tx) =>
      queryRows<{ id: string }>(tx, sql`SELECT id FROM round_plans`),
    );
    expect(foreign.map((r) => r.id)).not.toContain(live);
    const own = await withScope({ ...ctx, actor: administratorOf(CREMONA) }, 'task.assign', (tx) =>
      queryRows<{ id: string }>(tx, sql`SELECT id FROM round_plans`),
    );
    expect(own.map((r) => r.id)).toEqual(expect.arrayContaining([live, ready]));
  });
});

describe('audit of round plans', () => {
  it('records computing a plan once, with the tasks it plans', async () => {
    const id = await computePlan(cremoneseAdmin, cremonese);
    const events = await auditOf('round_plan.create', id);
    expect(events).toHaveLength(1);
    expect(events[0]!.actor_user_id).toBe(cremoneseAdmin.userId);
  });

  it('records each opening of a plan once, with the tasks shown', async () => {
    const before = (await auditOf('round_plan.read', live)).length;
    const plan = (
      await env.app.inject({ method: 'GET', url: `/api/rounds/${live}`, headers: cremoneseAdmin.headers })
    ).json() as { rounds: { stops: { taskId: string }[] }[] };
    const events = await auditOf('round_plan.read', live);
    expect(events).toHaveLength(before + 1);
    expect(events.at(-1)!.actor_user_id).toBe(cremoneseAdmin.userId);
    expect([...events.at(-1)!.details.ids!].sort()).toEqual(
      plan.rounds.flatMap((r) => r.stops.map((s) => s.taskId)).sort(),
    );
  });

  it('records a list of the day as one entry naming the plans listed', async () => {
    const before = (await auditOf('round_plan.search')).length;
    const listed = (
      await env.app.inject({
        method: 'GET',
        url: `/api/rounds?date=${date}`,
        headers: cremoneseAdmin.headers,
      })
    ).json() as { id: string }[];
    const events = await auditOf('round_plan.search');
    expect(events).toHaveLength(before + 1);
    expect(events.at(-1)!.actor_user_id).toBe(cremoneseAdmin.userId);
    expect([...events.at(-1)!.details.ids!].sort()).toEqual(listed.map((p) => p.id).sort());
  });

  it('records publishing a plan once, with the tasks it assigned', async () => {
    const events = await auditOf('round_plan.publish', live);
    expect(events).toHaveLength(1);
    expect(events[0]!.actor_user_id).toBe(cremoneseAdmin.userId);
    const [assigned] = await queryRows<{ ids: string[] }>(
      db,
      sql`SELECT coalesce(array_agg(id::text), '{}') AS ids FROM tasks WHERE organization_id = ${cremonese} AND status = 'assigned'`,
    );
    expect([...events[0]!.details.ids!].sort()).toEqual([...assigned!.ids].sort());
    expect(assigned!.ids).toHaveLength(4);
  });
});
