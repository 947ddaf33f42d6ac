import { describe, expect, it } from 'vitest';
import { queryRows, sql, type Tx } from '../db/database.js';
import { systemContext } from '../context.js';
import { CREMA, CREMONA, setupTestEnv } from '../../test/harness.js';
import { enqueueNotification } from '../../modules/notifications/notifications.outbox.js';
import { withPublicScope, withScope } from './access.js';
import type { Actor } from './actor.js';

const env = await setupTestEnv({ jobs: false });

// Columns that hold a person's data wherever they appear.
const PERSONAL_COLUMN =
  '^(given_name|family_name|full_name|requester_name|codice_fiscale|fiscal_code|birth_date|birth_place|address|ip|body|person_id)$|(^|_)(email|phone)$';

// Tables with such columns and deliberately no row-level security, each with its reason.
const NOT_PERSONAL: Record<string, string> = {
  organizations: 'the contacts of public bodies and associations, published in the catalogue',
  access_points: 'the public catalogue’s service points (offices, counters), published',
  catalog_providers: 'the providers’ business contacts, published with their services',
  goods_donors: 'companies (with a VAT number) and food drives, not persons',
  voucher_shops: 'the shops accepting vouchers, published to the beneficiaries',
};

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

const scopedTo = (comune: string) => ({ ...systemContext(env.database), actor: operatorOf(comune) });
const countIn = async (tx: Tx, table: string) =>
  (await queryRows<{ n: number }>(tx, sql.raw(`SELECT count(*)::int AS n FROM ${table}`)))[0]!.n;

describe('row-level security', () => {
  it('protects every table holding personal data, or names why it needs none', async () => {
    const rows = await queryRows<{ table_name: string; rls: boolean }>(
      env.database.db,
      sql`SELECT DISTINCT c.table_name, k.relrowsecurity AS rls
          FROM information_schema.columns c
          JOIN pg_class k ON k.relname = c.table_name AND k.relkind = 'r'
          JOIN pg_namespace n ON n.oid = k.relnamespace AND n.nspname = c.table_schema
          WHERE c.table_schema = 'public' AND c.column_name ~ ${PERSONAL_COLUMN}
          ORDER BY 1`,
    );
    expect(rows.length).toBeGreaterThan(15);
    const unprotected = rows.filter((r) => !r.rls).map((r) => r.table_name);
    expect(unprotected).toEqual(Object.keys(NOT_PERSONAL).sort());
  });

  it('shows another territory’s scoped transaction no user, session, login attempt or audit event of this one', async () => {
    const user = await env.buildUser({ role: 'operatore', scope: { type: 'comune', id: CREMONA } });
    await env.login(user.email);
    await withScope(scopedTo(CREMONA), 'person.read', (tx) =>
      tx.execute(
        sql`INSERT INTO audit_events (action, entity_type, comune_code) VALUES ('person.read', 'person', ${CREMONA})`,
      ),
    );

    const seen = await withScope(scopedTo(CREMA), 'person.read', async (tx) => ({
      users: await queryRows<{ id: string }>(tx, sql`SELECT id FROM users WHERE id = ${user.id}`),
      sessions: await countIn(tx, 'sessions'),
      loginAttempts: await countIn(tx, 'login_attempts'),
      audit: await queryRows<{ comune_code: string | null }>(tx, sql`SELECT comune_code FROM audit_events`),
    }));
    expect(seen).toEqual({ users: [], sessions: 0, loginAttempts: 0, audit: [] });

    const own = await withScope(scopedTo(CREMONA), 'person.read', async (tx) => ({
      users: await queryRows<{ id: string }>(tx, sql`SELECT id FROM users WHERE id = ${user.id}`),
      sessions: await countIn(tx, 'sessions'),
      audit: await queryRows<{ comune_code: string | null }>(tx, sql`SELECT comune_code FROM audit_events`),
    }));
    // A colleague's name shows in their own territory; sessions and logins (no comune) never do.
    expect(own).toEqual({ users: [{ id: user.id }], sessions: 0, audit: [{ comune_code: CREMONA }] });
    expect(await countIn(env.database.db, 'sessions')).toBeGreaterThan(0);
  });

  it('never hands the application role a password hash, nor lets it write an account or a session', async () => {
    const ctx = scopedTo(CREMONA);
    await expect(
      withScope(ctx, 'person.read', (tx) => tx.execute(sql`SELECT password_hash FROM users`)),
    ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/permission denied/) } });
    await expect(
      withScope(ctx, 'person.read', (tx) =>
        tx.execute(sql`UPDATE users SET full_name = 'x' WHERE email LIKE '%@test.legami.it'`),
      ),
    ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/permission denied/) } });
    await expect(
      withScope(ctx, 'person.read', (tx) =>
        tx.execute(
          sql`INSERT INTO sessions (id_hash, user_id, csrf_token, expires_at) SELECT 'x', id, 'y', now() FROM users LIMIT 1`,
        ),
      ),
    ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/permission denied/) } });
  });

  it('lets a use case append a notification but no scoped or public transaction read one back', async () => {
    await withScope(scopedTo(CREMONA), 'person.read', (tx) =>
      enqueueNotification(tx, {
        kind: 'request.accepted',
        recipientEmail: 'carla.prova@example.org',
        recipientPhone: '333 111 2222',
        subject: 'Richiesta accettata',
        body: 'Gentile Carla, …',
      }),
    );
    const [queued] = await queryRows<{ n: number }>(
      env.database.db,
      sql`SELECT count(*)::int AS n FROM notifications n JOIN jobs j ON (j.payload->>'notificationId')::bigint = n.id
          WHERE n.recipient_email = 'carla.prova@example.org'`,
    );
    expect(queued!.n).toBe(1);
    for (const comune of [CREMONA, CREMA]) {
      expect(await withScope(scopedTo(comune), 'person.read', (tx) => countIn(tx, 'notifications'))).toBe(0);
    }
    expect(await withPublicScope(systemContext(env.database), (tx) => countIn(tx, 'users'))).toBe(0);
  });
});
