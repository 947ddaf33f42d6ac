import { afterAll, describe, expect, it } from 'vitest';
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose';
import { queryRows, sql } from '../../platform/db/database.js';
import { CREMONA, setupTestEnv } from '../../test/harness.js';
import { logInAtProvider, startDevIdentityProvider } from '../../test/dev-identity-provider.js';

const CLIENT_ID = 'http://legami.test';
const idp = await startDevIdentityProvider({ clientId: CLIENT_ID });
afterAll(() => idp.close());
const env = await setupTestEnv({ jobs: false, oidc: idp.settings });

async function codiceFiscaleOf(personId: string): Promise<string> {
  const [row] = await queryRows<{ codice_fiscale: string }>(
    env.database.db,
    sql`SELECT codice_fiscale FROM people WHERE id = ${personId}`,
  );
  return row!.codice_fiscale;
}

async function start(returnTo = '/chiedi-aiuto') {
  const response = await env.app.inject({
    method: 'GET',
    url: `/api/auth/spid/start?returnTo=${encodeURIComponent(returnTo)}`,
  });
  const state = response.cookies.find((c) => c.name === 'legami_spid_state');
  return { response, location: String(response.headers.location), state: state?.value ?? '' };
}

/** The browser's way: Legami → provider (log in with a codice fiscale) → Legami's callback. */
async function spidLogin(codiceFiscale: string, options: { state?: string } = {}) {
  const started = await start();
  const back = new URL(await logInAtProvider(started.location, codiceFiscale));
  const callback = await env.app.inject({
    method: 'GET',
    url: back.pathname + back.search,
    headers: { cookie: `legami_spid_state=${options.state ?? started.state}` },
  });
  const session = callback.cookies.find((c) => c.name === 'legami_session')?.value;
  return { callback, session, back, started };
}

async function me(session: string) {
  return (
    await env.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: `legami_session=${session}` },
    })
  ).json<{
    id: string;
    roles: string[];
    personId: string | null;
    fullName: string;
  }>();
}

describe('SPID/CIE through OpenID Connect Federation', () => {
  it('publishes a self-signed entity configuration naming the trust anchor', async () => {
    const response = await env.app.inject({ method: 'GET', url: '/.well-known/openid-federation' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/entity-statement+jwt');
    const statement = decodeJwt(response.body) as { jwks: JSONWebKeySet };
    const { payload, protectedHeader } = await jwtVerify(response.body, createLocalJWKSet(statement.jwks));
    expect(protectedHeader.typ).toBe('entity-statement+jwt');
    expect(payload).toMatchObject({
      iss: CLIENT_ID,
      sub: CLIENT_ID,
      authority_hints: [idp.settings.trustAnchor],
      metadata: {
        openid_relying_party: {
          client_id: CLIENT_ID,
          client_registration_types: ['automatic'],
          redirect_uris: [`${CLIENT_ID}/api/auth/spid/callback`],
          token_endpoint_auth_method: 'private_key_jwt',
        },
      },
    });
    const rp = (payload.metadata as { openid_relying_party: { jwks: JSONWebKeySet } }).openid_relying_party;
    expect(rp.jwks.keys.map((k) => k.kid)).toEqual([idp.settings.coreKey.kid]);
    // Public keys only.
    expect(JSON.stringify(payload)).not.toContain('"d":');
  });

  it('sends the citizen to the provider with a signed request object, PKCE S256, SPID L2 and the fiscal_number claim', async () => {
    const { response, location, state } = await start();
    expect(response.statusCode).toBe(303);
    const url = new URL(location);
    expect(url.origin).toBe(idp.settings.issuer);
    const request = url.searchParams.get('request')!;
    expect(decodeProtectedHeader(request)).toMatchObject({ alg: 'RS256', kid: idp.settings.coreKey.kid });
    const claims = decodeJwt(request);
    expect(claims).toMatchObject({
      iss: CLIENT_ID,
      aud: idp.settings.issuer,
      client_id: CLIENT_ID,
      response_type: 'code',
      scope: 'openid',
      code_challenge_method: 'S256',
      acr_values: 'https://www.spid.gov.it/SpidL2',
      state,
    });
    expect(String(claims.code_challenge)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(claims.claims).toMatchObject({
      userinfo: { 'https://attributes.eid.gov.it/fiscal_number': { essential: true } },
    });
    expect(response.cookies.find((c) => c.name === 'legami_spid_state')).toMatchObject({ httpOnly: true });
  });

  it('logs in the citizen whose codice fiscale is in the registry, with the cittadino role over their comune', async () => {
    const personId = await env.buildPerson({ comune: CREMONA, givenName: 'Rosa' });
    const { callback, session } = await spidLogin(await codiceFiscaleOf(personId));
    expect(callback.statusCode).toBe(303);
    expect(callback.headers.location).toBe('/chiedi-aiuto');
    const user = await me(session!);
    expect(user).toMatchObject({ roles: ['cittadino'], personId, fullName: 'Maria Bianchi' });
    const audit = await queryRows<{ action: string; details: { channel?: string } }>(
      env.database.db,
      sql`SELECT action, details FROM audit_events WHERE entity_id = ${user.id} ORDER BY id`,
    );
    expect(audit.map((a) => [a.action, a.details.channel])).toEqual([
      ['user.create', 'spid'],
      ['user.login', 'spid'],
    ]);

    // The next login finds the same account.
    const again = await spidLogin(await codiceFiscaleOf(personId));
    expect((await me(again.session!)).id).toBe(user.id);
  });

  it('logs in the account already linked to the person (made before SPID), not a new one', async () => {
    const personId = await env.buildPerson({ comune: CREMONA });
    const existing = await env.buildUser({ role: 'cittadino', scope: { type: 'comune', id: CREMONA } });
    await env.database.db.execute(sql`UPDATE users SET person_id = ${personId} WHERE id = ${existing.id}`);
    const { session } = await spidLogin(await codiceFiscaleOf(personId));
    expect(await me(session!)).toMatchObject({ id: existing.id, roles: ['cittadino'], personId });
  });

  it('gives a citizen the registry does not know an account without a role, linked when they are registered', async () => {
    const codiceFiscale = 'VRDLGU70C12D150K';
    const first = await spidLogin(codiceFiscale);
    expect(await me(first.session!)).toMatchObject({ roles: [], personId: null });
    // The help line registers them; the next login links the account and grants the role.
    const personId = await env.buildPerson({ comune: CREMONA });
    await env.database.db.execute(
      sql`UPDATE people SET codice_fiscale = ${codiceFiscale} WHERE id = ${personId}`,
    );
    const second = await spidLogin(codiceFiscale);
    expect(await me(second.session!)).toMatchObject({ roles: ['cittadino'], personId });
  });

  it('refuses a callback from another browser (state not bound to it), opening no session', async () => {
    const { callback, session } = await spidLogin('BNCLRA85T45D142A', { state: 'someone-else' });
    expect(callback.statusCode).toBe(303);
    expect(callback.headers.location).toBe('/login?spid=SPID_LOGIN_FAILED');
    expect(session).toBeUndefined();
  });

  it('refuses a callback replayed with the same state and code', async () => {
    const { back, started, session } = await spidLogin('BNCLRA85T45D142A');
    expect(session).toBeDefined();
    const replay = await env.app.inject({
      method: 'GET',
      url: back.pathname + back.search,
      headers: { cookie: `legami_spid_state=${started.state}` },
    });
    expect(replay.headers.location).toBe('/login?spid=SPID_LOGIN_FAILED');
    expect(replay.cookies.find((c) => c.name === 'legami_session')).toBeUndefined();
  });

  it('never returns to another site after the login', async () => {
    const { location } = await start('//evil.example/');
    const request = decodeJwt(new URL(location).searchParams.get('request')!);
    const [row] = await queryRows<{ return_to: string }>(
      env.database.db,
      sql`SELECT return_to FROM oidc_logins ORDER BY expires_at DESC LIMIT 1`,
    );
    expect(request.state).toBeDefined();
    expect(row!.return_to).toBe('/');
  });

  it('says whether the SPID/CIE login is on', async () => {
    const site = await env.app.inject({ method: 'GET', url: '/api/site' });
    expect(site.json().spidCie).toBe(true);
  });
});
