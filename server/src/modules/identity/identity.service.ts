import { createHash } from 'node:crypto';
import { importJWK } from 'jose';
import * as oidcClient from 'openid-client';
import { unsafeSystemTransaction } from '../../platform/access/access.js';
import type { Context, OidcSettings } from '../../platform/context.js';
import { openCitizenSession } from '../accounts/index.js';
import { resolveProvider, signingAlgorithm, type ResolvedProvider } from './identity.federation.js';
import { spidLoginFailed, spidNoFiscalNumber, spidNotConfigured } from './identity.errors.js';
import { codiceFiscaleOf, FISCAL_NUMBER_CLAIM, REQUESTED_CLAIMS } from './identity.rules.js';
import * as repo from './identity.repository.js';

// A citizen has ten minutes between leaving for the identity provider and coming back.
const LOGIN_TTL_MINUTES = 10;

type SigningKey = Parameters<typeof oidcClient.PrivateKeyJwt>[0];

const hashState = (state: string) => createHash('sha256').update(state).digest('hex');

// Resolved trust chains by issuer, until they expire: a cache each instance can rebuild.
const providers = new Map<string, ResolvedProvider>();

async function providerOf(oidc: OidcSettings): Promise<ResolvedProvider> {
  const cached = providers.get(oidc.issuer);
  if (cached && cached.expiresAt > Date.now()) return cached;
  const resolved = await resolveProvider(oidc);
  providers.set(oidc.issuer, resolved);
  return resolved;
}

function settingsOf(ctx: Context): OidcSettings {
  if (!ctx.settings.oidc) throw spidNotConfigured();
  return ctx.settings.oidc;
}

/** openid-client's view of the provider and of us: private_key_jwt with our core key. */
async function clientConfiguration(ctx: Context, oidc: OidcSettings): Promise<oidcClient.Configuration> {
  const { metadata } = await providerOf(oidc);
  const coreKey = await importJWK(oidc.coreKey, signingAlgorithm(oidc.coreKey));
  const tokenEndpoint = String(metadata.token_endpoint);
  const config = new oidcClient.Configuration(
    metadata as oidcClient.ServerMetadata,
    oidc.clientId,
    {
      redirect_uris: [oidc.redirectUri],
      token_endpoint_auth_method: 'private_key_jwt',
      id_token_signed_response_alg: 'RS256',
      userinfo_signed_response_alg: 'RS256',
    },
    oidcClient.PrivateKeyJwt(coreKey as SigningKey, {
      // AgID: the client assertion's audience is the token endpoint.
      [oidcClient.modifyAssertion]: (header, payload) => {
        header.kid = oidc.coreKey.kid;
        payload.aud = tokenEndpoint;
      },
    }),
  );
  // Plain http only for the development identity provider, never in production.
  if (!ctx.settings.production && oidc.issuer.startsWith('http:')) oidcClient.allowInsecureRequests(config);
  return config;
}

/**
 * Starts a SPID/CIE login: a signed request object (our core key) with PKCE S256, the level of
 * assurance and the claims we need; state, nonce and verifier wait in the database.
 * @returns the provider's authorization URL and the state to bind to this browser (a cookie).
 * @throws 404 when SPID/CIE is not configured, 502 when the provider's trust chain fails.
 */
export async function startSpidLogin(
  ctx: Context,
  returnTo: string,
): Promise<{ authorizationUrl: string; state: string }> {
  const oidc = settingsOf(ctx);
  const config = await clientConfiguration(ctx, oidc);
  const state = oidcClient.randomState();
  const nonce = oidcClient.randomNonce();
  const codeVerifier = oidcClient.randomPKCECodeVerifier();
  await unsafeSystemTransaction(ctx, (tx) =>
    repo.insertPendingLogin(tx, {
      stateHash: hashState(state),
      codeVerifier,
      nonce,
      returnTo,
      ttlMinutes: LOGIN_TTL_MINUTES,
    }),
  );
  const coreKey = await importJWK(oidc.coreKey, signingAlgorithm(oidc.coreKey));
  const url = await oidcClient.buildAuthorizationUrlWithJAR(
    config,
    {
      response_type: 'code',
      scope: 'openid',
      redirect_uri: oidc.redirectUri,
      state,
      nonce,
      code_challenge: await oidcClient.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      acr_values: oidc.acr,
      prompt: 'consent login',
      claims: JSON.stringify(REQUESTED_CLAIMS),
      ui_locales: 'it',
    },
    coreKey as SigningKey,
    {
      [oidcClient.modifyAssertion]: (header) => {
        header.kid = oidc.coreKey.kid;
      },
    },
  );
  return { authorizationUrl: url.href, state };
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/**
 * Finishes a SPID/CIE login from the provider's redirect: the state must be this browser's and
 * unused, the code is exchanged with the PKCE verifier (private_key_jwt), the ID token's signature
 * and nonce are checked, the codice fiscale read from the fiscal_number claim ("TINIT-…"), and the
 * citizen's session opened by the accounts module.
 * @returns the session id for the cookie and where to go next.
 * @throws 401 SPID_LOGIN_FAILED for a foreign, reused or expired state or any protocol failure,
 * 401 SPID_NO_FISCAL_NUMBER without a codice fiscale.
 */
export async function finishSpidLogin(
  ctx: Context,
  options: { callbackUrl: URL; browserState: string | undefined },
): Promise<{ sessionId: string; returnTo: string }> {
  const oidc = settingsOf(ctx);
  const returnedState = options.callbackUrl.searchParams.get('state');
  if (!options.browserState || returnedState !== options.browserState) throw spidLoginFailed();
  const pending = await unsafeSystemTransaction(ctx, (tx) =>
    repo.takePendingLogin(tx, hashState(options.browserState!)),
  );
  if (!pending) throw spidLoginFailed();
  const config = await clientConfiguration(ctx, oidc);
  let claims: Record<string, unknown>;
  try {
    const tokens = await oidcClient.authorizationCodeGrant(config, options.callbackUrl, {
      pkceCodeVerifier: pending.code_verifier,
      expectedState: options.browserState,
      expectedNonce: pending.nonce,
    });
    const idToken = tokens.claims()!;
    const userinfo = await oidcClient.fetchUserInfo(config, tokens.access_token, idToken.sub);
    claims = { ...idToken, ...userinfo };
  } catch (error) {
    // The kind of failure only: the provider's answers may hold personal data.
    ctx.log.warn(
      { err: { type: error instanceof Error ? error.name : 'unknown' } },
      'SPID/CIE login refused',
    );
    throw spidLoginFailed();
  }
  const codiceFiscale = codiceFiscaleOf(claims[FISCAL_NUMBER_CLAIM]);
  if (!codiceFiscale) throw spidNoFiscalNumber();
  const fullName = [text(claims.given_name), text(claims.family_name)].filter(Boolean).join(' ');
  const { sessionId } = await openCitizenSession(ctx, {
    codiceFiscale,
    fullName: fullName || codiceFiscale,
    email: text(claims.email) || null,
  });
  return { sessionId, returnTo: pending.return_to };
}
