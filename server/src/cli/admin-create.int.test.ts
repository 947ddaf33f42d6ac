import { describe, expect, it } from 'vitest';
import { systemContext } from '../platform/context.js';
import { queryRows, sql } from '../platform/db/database.js';
import { createAdministrator } from '../modules/accounts/index.js';
import { setupTestEnv } from '../test/harness.js';
import { parseAdminCreateArgs } from './admin-create.args.js';

const env = await setupTestEnv({ production: true });
const sys = systemContext(env.database);

describe('npm run admin:create', () => {
  it('reads --email, --ambito, --name and --password-file, and refuses a password on the command line', () => {
    expect(parseAdminCreateArgs(['--email', 'a@b.it', '--ambito', 'CREMONA'])).toEqual({
      email: 'a@b.it',
      ambito: 'CREMONA',
      name: 'Amministratore',
      passwordFile: null,
    });
    expect(() =>
      parseAdminCreateArgs(['--email', 'a@b.it', '--ambito', 'CREMONA', '--password', 'x']),
    ).toThrow(/non ammessa/);
    expect(() => parseAdminCreateArgs(['--email', 'a@b.it'])).toThrow(/uso:/);
  });

  it('creates the first administrator of a production installation, who can log in, audited', async () => {
    const created = await createAdministrator(sys, {
      email: 'Anna.Prima@Comune.Cremona.it',
      fullName: 'Anna Prima',
      ambito: 'CREMONA',
      password: 'ciclamino viola sul torrazzo',
    });
    const session = await env.login('anna.prima@comune.cremona.it', 'ciclamino viola sul torrazzo');
    const me = (
      await env.app.inject({ method: 'GET', url: '/api/auth/me', headers: session.headers })
    ).json();
    expect(me.memberships).toEqual([
      expect.objectContaining({ role: 'amministratore', scopeType: 'ambito', scopeId: 'CREMONA' }),
    ]);
    expect(me.mustChangePassword).toBe(false);
    const [audit] = await queryRows<{ action: string; details: { channel: string } }>(
      env.database.db,
      sql`SELECT action, details FROM audit_events WHERE entity_id = ${created.id} AND action = 'user.create'`,
    );
    expect(audit?.details.channel).toBe('cli');
  });

  it('refuses a weak password, an unknown Ambito and a taken email, creating nothing', async () => {
    const attempt = (email: string, ambito: string, password: string) =>
      createAdministrator(sys, { email, fullName: 'X Y', ambito, password });
    await expect(attempt('debole@comune.it', 'CREMONA', 'password1234')).rejects.toThrow(/più usate/);
    await expect(attempt('debole@comune.it', 'ATLANTIDE', 'ciclamino viola sul torrazzo')).rejects.toThrow(
      /Ambito sconosciuto/,
    );
    await createAdministrator(sys, {
      email: 'doppio@comune.it',
      fullName: 'Doppio',
      ambito: 'all',
      password: 'ciclamino viola sul torrazzo',
    });
    await expect(attempt('doppio@comune.it', 'all', 'un altra frase lunga e sicura')).rejects.toThrow(
      /Esiste già/,
    );
    const [row] = await queryRows<{ n: number }>(
      env.database.db,
      sql`SELECT count(*)::int AS n FROM users WHERE email IN ('debole@comune.it', 'doppio@comune.it')`,
    );
    expect(row!.n).toBe(1);
  });
});
