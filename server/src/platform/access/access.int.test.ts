import { describe, expect, it } from 'vitest';
import { queryRows, sql } from '../db/database.js';
import { systemContext } from '../context.js';
import { CREMA, CREMONA, setupTestEnv } from '../../test/harness.js';
import { withScope } from './access.js';
import type { Actor } from './actor.js';

const env = await setupTestEnv();

function operatorOf(comune: string): Actor {
  return {
    userId: '00000000-0000-0000-0000-000000000000',
    email: 'op@test',
    fullName: 'Op',
    personId: null,
    locale: 'it',
    grants: [
      {
        role: 'operatore',
        organizationId: null,
        scope: { type: 'comune', id: comune },
        comuni: new Set([comune]),
      },
    ],
  };
}

describe('withScope', () => {
  it('runs as the non-owner application role, so row-level security applies', async () => {
    const ctx = { ...systemContext(env.database), actor: operatorOf(CREMA) };
    const [who] = await withScope(ctx, 'person.read', (tx) =>
      queryRows<{ role: string }>(tx, sql`SELECT current_user AS role`),
    );
    expect(who!.role).toBe('legami_app');
  });

  it('returns no row of another territory even from a query with no filter', async () => {
    const id = await env.buildPerson({ comune: CREMONA });
    const ctx = { ...systemContext(env.database), actor: operatorOf(CREMA) };
    const rows = await withScope(ctx, 'person.read', (tx) =>
      queryRows<{ id: string }>(tx, sql`SELECT id FROM people`),
    );
    expect(rows.map((r) => r.id)).not.toContain(id);
    const own = await withScope({ ...ctx, actor: operatorOf(CREMONA) }, 'person.read', (tx) =>
      queryRows<{ id: string }>(tx, sql`SELECT id FROM people`),
    );
    expect(own.map((r) => r.id)).toContain(id);
  });

  it('refuses to write a row into another territory', async () => {
    const ctx = { ...systemContext(env.database), actor: operatorOf(CREMA) };
    await expect(
      withScope(ctx, 'person.write', (tx) =>
        tx.execute(sql`INSERT INTO households (comune_code, address) VALUES (${CREMONA}, 'Via Roma 1')`),
      ),
    ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/row-level security/) } });
  });
});
