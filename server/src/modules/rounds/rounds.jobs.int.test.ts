import { describe, expect, it } from 'vitest';
import { queryRows, sql } from '../../platform/db/database.js';
import { reclaimStaleJobs, type JobDefinition } from '../../platform/jobs/jobs.js';
import { addDays, dateInRome } from '../../platform/time.js';
import { setupTestEnv } from '../../test/harness.js';
import { planJob } from './index.js';

// No runner of its own: the test plays the instance that died while computing.
const env = await setupTestEnv({ jobs: false });
const db = env.database.db;
const admin = await env.loginAs('amministratore', { type: 'ambito', id: 'CREMONA' });
const province = await env.loginAs('amministratore', { type: 'all' });

describe('a plan whose computation was abandoned', () => {
  it('is marked failed by the queue’s stale check under the job’s system context, not by a read', async () => {
    const organizationId = (
      await env.app.inject({
        method: 'POST',
        url: '/api/organizations',
        headers: province.headers,
        payload: { name: 'Giri abbandonati', kind: 'association', ambitoId: 'CREMONA', comuneCode: null },
      })
    ).json().id as string;
    const started = await env.app.inject({
      method: 'POST',
      url: '/api/rounds',
      headers: admin.headers,
      payload: { date: addDays(dateInRome(), 1), organizationId },
    });
    expect(started.statusCode).toBe(202);
    const planId = started.json().id as string;
    const [job] = await queryRows<{ id: number }>(
      db,
      sql`SELECT id::int FROM jobs WHERE kind = 'rounds.plan' AND payload->>'planId' = ${planId}`,
    );
    // Its last attempt was running on an instance that stopped answering.
    await db.execute(
      sql`UPDATE jobs SET status = 'running', attempts = max_attempts, locked_by = 'gone',
                          locked_until = now() - interval '1 second' WHERE id = ${job!.id}`,
    );
    const read = async () =>
      (await env.app.inject({ method: 'GET', url: `/api/rounds/${planId}`, headers: admin.headers })).json();
    expect((await read()).status).toBe('planning');

    expect(await reclaimStaleJobs(env.database, [planJob] as JobDefinition[])).toBe(1);
    expect(await read()).toMatchObject({
      status: 'failed',
      error: 'Il calcolo dei giri non è riuscito: riprova.',
    });
    const audit = await queryRows<{ request_id: string; actor_user_id: string | null }>(
      db,
      sql`SELECT request_id, actor_user_id FROM audit_events WHERE action = 'job.failed' AND entity_id = ${String(job!.id)}`,
    );
    expect(audit).toEqual([{ request_id: `job:${job!.id}`, actor_user_id: null }]);
  });
});
