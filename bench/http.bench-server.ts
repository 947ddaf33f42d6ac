/**
 * The servers `npm run bench` loads, in a process of their own so that the load generator does not
 * share their event loop: Legami on a pool of 10 connections, and a bare Fastify route on a pool of
 * the same size doing the single raw insert (no session, no rules, no audit) — the HTTP + database
 * limit of this machine. Prints their addresses as one JSON line, and stops on SIGTERM.
 */
import Fastify from 'fastify';
import pg from 'pg';
import { buildLegamiApp } from '../server/src/app.js';
import { openPostgres } from '../server/src/platform/db/database.js';

const url = process.env.BENCH_DATABASE_URL!;
const database = await openPostgres(url, 10);
const app = await buildLegamiApp({
  database,
  settings: { production: false, sessionTtlHours: 12 },
  logLevel: 'silent',
});

const pool = new pg.Pool({ connectionString: url, max: 10 });
const bare = Fastify({ logger: false });
bare.post('/bare', async (request, reply) => {
  const { beneficiaryId } = request.body as { beneficiaryId: string };
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO help_requests (channel, beneficiary_id, comune_code, intervention_type_id) VALUES ('phone', $1, '019036', 'food_parcels') RETURNING id`,
    [beneficiaryId],
  );
  return reply.status(201).send({ id: rows[0]!.id });
});

const addresses = {
  app: await app.listen({ port: 0, host: '127.0.0.1' }),
  bare: await bare.listen({ port: 0, host: '127.0.0.1' }),
};
process.stdout.write(`${JSON.stringify(addresses)}\n`);

process.once('SIGTERM', () => {
  void (async () => {
    await Promise.all([app.close(), bare.close()]);
    await Promise.all([pool.end(), database.close()]);
    process.exit(0);
  })();
});
