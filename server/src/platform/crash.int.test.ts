import { afterAll, describe, expect, it } from 'vitest';
import {
  HttpClient,
  prepareProcessDatabase,
  startServerProcess,
  type ProcessDatabase,
  type ServerProcess,
} from '../test/server-process.js';
import { checkWorkload, prepareWorkload, runWriteLoad } from '../test/workload.js';

/*
 * kill -9 of the real server mid-load, on the engine of this run: a PostgreSQL database, or a PGlite
 * data directory (PGlite survives a crashed process through its WAL; it does not fsync, so a power
 * cut is another matter — see the README).
 */

const engine = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite (data directory)';
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(`a crash of the server on ${engine}`, () => {
  let database: ProcessDatabase | undefined;
  const servers: ServerProcess[] = [];
  afterAll(async () => {
    for (const server of servers) await server.crash();
    await database?.drop();
  });

  it('loses no acknowledged write and leaves none half-done: intake, triage, assignment, money advanced and reimbursed', async () => {
    database = await prepareProcessDatabase();
    const db = await database.open();
    const workload = await prepareWorkload(db);
    await db.close();

    const server = await startServerProcess(database);
    servers.push(server);
    const admin = new HttpClient(server.url);
    const operator = new HttpClient(server.url);
    expect((await admin.login(workload.adminEmail)).status).toBe(200);
    expect((await operator.login(workload.operatorEmail)).status).toBe(200);

    let stopped = false;
    const load = runWriteLoad(workload, [{ operator, admin }], { workers: 4, shouldStop: () => stopped });
    for (let i = 0; i < 600 && load.acked.filter((c) => c.reimbursedCents).length < 5; i++) await wait(50);
    expect(load.acked.filter((c) => c.reimbursedCents).length).toBeGreaterThanOrEqual(5);
    // Mid-load: requests are in flight at every step of the chain.
    await server.crash();
    stopped = true;
    await load.done;
    expect(load.failures.length).toBeGreaterThan(0);

    const restarted = await startServerProcess(database);
    servers.push(restarted);
    // The session survived too (it is in the database): the same cookie reads the last reimbursed task.
    const last = load.acked.filter((c) => c.reimbursedCents).at(-1)!;
    const task = await admin.on(restarted.url).send('GET', `/api/tasks/${last.taskId}`);
    expect(task.status).toBe(200);
    expect(task.body).toMatchObject({
      status: 'done',
      moneyAdvancedCents: last.advancedCents,
      moneyReimbursedCents: last.reimbursedCents,
    });
    await restarted.stop();

    const reopened = await database.open();
    try {
      expect(await checkWorkload(reopened, load.acked)).toEqual([]);
    } finally {
      await reopened.close();
    }
  }, 240_000);
});
