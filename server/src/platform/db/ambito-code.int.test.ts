import { describe, expect, it } from 'vitest';
import { queryRows, sql } from './database.js';
import { CREMA, CREMONA, setupTestEnv } from '../../test/harness.js';

/*
 * The distribution column of a sharded deployment (README, "Past one machine"): every table with
 * a comune carries its Ambito, filled by the database itself.
 */

const env = await setupTestEnv();
const db = env.database.db;

async function ambitoOf(comune: string): Promise<string> {
  const [row] = await queryRows<{ ambito_id: string }>(
    db,
    sql`SELECT ambito_id FROM comuni WHERE istat_code = ${comune}`,
  );
  return row!.ambito_id;
}

describe('ambito_code', () => {
  it('is on every table with a comune, with its trigger', async () => {
    const rows = await queryRows<{ table_name: string; has_column: boolean; has_trigger: boolean }>(
      db,
      sql`SELECT c.table_name,
                 EXISTS (SELECT 1 FROM information_schema.columns a
                         WHERE a.table_schema = 'public' AND a.table_name = c.table_name AND a.column_name = 'ambito_code') AS has_column,
                 EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = format('public.%I', c.table_name)::regclass
                         AND g.tgname = 'legami_ambito_code') AS has_trigger
          FROM information_schema.columns c
          JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
          WHERE c.table_schema = 'public' AND c.column_name = 'comune_code' AND t.table_type = 'BASE TABLE'
          ORDER BY 1`,
    );
    expect(rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining(['people', 'help_requests', 'tasks', 'volunteers']),
    );
    const missing = rows.filter((r) => !(r.has_column && r.has_trigger));
    expect(missing.map((r) => r.table_name)).toEqual([]);
  });

  it('is set from the comune on insert and follows a move to another comune', async () => {
    const id = await env.buildPerson({ comune: CREMONA });
    const read = async () =>
      (await queryRows<{ ambito_code: string }>(db, sql`SELECT ambito_code FROM people WHERE id = ${id}`))[0]!
        .ambito_code;
    expect(await read()).toBe(await ambitoOf(CREMONA));
    await db.execute(sql`UPDATE people SET comune_code = ${CREMA} WHERE id = ${id}`);
    expect(await read()).toBe(await ambitoOf(CREMA));
    expect(await ambitoOf(CREMA)).not.toBe(await ambitoOf(CREMONA));
  });

  it('moves with the comune when the comune is assigned to another Ambito', async () => {
    const id = await env.buildPerson({ comune: CREMONA });
    const before = await ambitoOf(CREMONA);
    const other = await ambitoOf(CREMA);
    await db.execute(sql`UPDATE comuni SET ambito_id = ${other} WHERE istat_code = ${CREMONA}`);
    const [row] = await queryRows<{ ambito_code: string }>(
      db,
      sql`SELECT ambito_code FROM people WHERE id = ${id}`,
    );
    expect(row!.ambito_code).toBe(other);
    await db.execute(sql`UPDATE comuni SET ambito_id = ${before} WHERE istat_code = ${CREMONA}`);
  });
});

describe('append-only ledgers', () => {
  it('keep the Ambito they were written with: each exists and refuses rewrites', async () => {
    const rows = await queryRows<{ name: string; exists: boolean; guarded: boolean }>(
      db,
      sql`SELECT n AS name,
                 to_regclass(format('public.%I', n)) IS NOT NULL AS exists,
                 EXISTS (SELECT 1 FROM pg_trigger g
                         WHERE g.tgrelid = to_regclass(format('public.%I', n)) AND NOT g.tgisinternal
                           AND g.tgname <> 'legami_ambito_code' AND (g.tgtype & 16) <> 0) AS guarded
          FROM unnest(legami_ambito_as_written()) AS n`,
    );
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.filter((r) => !r.exists || !r.guarded).map((r) => r.name)).toEqual([]);
  });

  it('do not block moving a comune that has ledger rows', async () => {
    const [organization] = await queryRows<{ id: string }>(
      db,
      sql`INSERT INTO organizations (name, kind, comune_code) VALUES ('Banco di prova', 'association', ${CREMONA}) RETURNING id`,
    );
    const [point] = await queryRows<{ id: string }>(
      db,
      sql`INSERT INTO distribution_points (name, kind, organization_id, comune_code, address)
          VALUES ('Punto di prova', 'point', ${organization!.id}, ${CREMONA}, 'Via Prova 1') RETURNING id`,
    );
    await db.execute(
      sql`INSERT INTO stock_batches (kind, point_id, comune_code, occurred_on, reason)
          VALUES ('write_off', ${point!.id}, ${CREMONA}, CURRENT_DATE, 'prova')`,
    );
    const before = await ambitoOf(CREMONA);
    const other = await ambitoOf(CREMA);
    await db.execute(sql`UPDATE comuni SET ambito_id = ${other} WHERE istat_code = ${CREMONA}`);
    const [batch] = await queryRows<{ ambito_code: string }>(
      db,
      sql`SELECT ambito_code FROM stock_batches WHERE point_id = ${point!.id}`,
    );
    const [moved] = await queryRows<{ ambito_code: string }>(
      db,
      sql`SELECT ambito_code FROM distribution_points WHERE id = ${point!.id}`,
    );
    await db.execute(sql`UPDATE comuni SET ambito_id = ${before} WHERE istat_code = ${CREMONA}`);
    expect(batch!.ambito_code).toBe(before);
    expect(moved!.ambito_code).toBe(other);
  });
});
