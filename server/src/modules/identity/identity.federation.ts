import {
  createLocalJWKSet,
  decodeJwt,
  importJWK,
  jwtVerify,
  SignJWT,
  type JSONWebKeySet,
  type JWK,
  type JWTPayload,
} from 'jose';
import type { JsonWebKeyWithKid, OidcSettings } from '../../platform/context.js';
import { providerUntrusted } from './identity.errors.js';

/*
 * OpenID Connect Federation 1.0 as AgID's SPID/CIE rules use it, the part no maintained Node
 * library covers: our entity configuration, and the trust chain provider → trust anchor that
 * tells us the provider's metadata. The OIDC protocol itself is openid-client's.
 */

export const ENTITY_STATEMENT_CONTENT_TYPE = 'application/entity-statement+jwt';
const ENTITY_STATEMENT_TYP = 'entity-statement+jwt';
const WELL_KNOWN = '/.well-known/openid-federation';
// AgID: an entity configuration lives at most 48 hours; ours is re-signed on every request anyway.
const ENTITY_CONFIGURATION_TTL_SECONDS = 24 * 3600;
const FETCH_TIMEOUT_MS = 5000;
// How long a resolved chain is trusted at most, even if its statements live longer.
const CHAIN_CACHE_MS = 60 * 60 * 1000;

interface EntityStatement extends JWTPayload {
  iss: string;
  sub: string;
  jwks: JSONWebKeySet;
  authority_hints?: string[];
  metadata?: {
    openid_provider?: Record<string, unknown>;
    federation_entity?: { federation_fetch_endpoint?: string };
  };
}

export function signingAlgorithm(key: JsonWebKeyWithKid): string {
  return key.alg ?? (key.kty === 'EC' ? 'ES256' : 'RS256');
}

/** The public half of a private JWK: only the fields a verifier needs. */
export function publicJwk(key: JsonWebKeyWithKid): JWK {
  const { kty, kid, n, e, crv, x, y } = key;
  const pub: JWK = kty === 'EC' ? { kty, kid, crv, x, y } : { kty: kty!, kid, n, e };
  return { ...pub, use: 'sig', alg: signingAlgorithm(key) };
}

/**
 * Our entity configuration, served at `/.well-known/openid-federation`: self-signed with the
 * federation key, naming the trust anchor as authority and carrying the relying party's metadata
 * (core keys, redirect URI, private_key_jwt, automatic registration).
 */
export async function entityConfiguration(
  oidc: OidcSettings,
  contactEmail: string | null,
  now: Date = new Date(),
): Promise<string> {
  const iat = Math.floor(now.getTime() / 1000);
  const contacts = contactEmail ? [contactEmail] : [];
  const coreAlg = signingAlgorithm(oidc.coreKey);
  return new SignJWT({
    jwks: { keys: [publicJwk(oidc.federationKey)] },
    authority_hints: [oidc.trustAnchor],
    metadata: {
      openid_relying_party: {
        client_id: oidc.clientId,
        client_registration_types: ['automatic'],
        application_type: 'web',
        client_name: oidc.organizationName,
        contacts,
        redirect_uris: [oidc.redirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'private_key_jwt',
        token_endpoint_auth_signing_alg: coreAlg,
        request_object_signing_alg: coreAlg,
        id_token_signed_response_alg: 'RS256',
        userinfo_signed_response_alg: 'RS256',
        jwks: { keys: [publicJwk(oidc.coreKey)] },
      },
      federation_entity: {
        organization_name: oidc.organizationName,
        homepage_uri: oidc.clientId,
        policy_uri: `${oidc.clientId}/privacy`,
        contacts,
      },
    },
  })
    .setProtectedHeader({
      alg: signingAlgorithm(oidc.federationKey),
      kid: oidc.federationKey.kid,
      typ: ENTITY_STATEMENT_TYP,
    })
    .setIssuer(oidc.clientId)
    .setSubject(oidc.clientId)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ENTITY_CONFIGURATION_TTL_SECONDS)
    .sign(await importJWK(oidc.federationKey, signingAlgorithm(oidc.federationKey)));
}

async function fetchStatement(url: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: 'error' });
  } catch {
    throw providerUntrusted(`${url} non risponde`);
  }
  if (!response.ok) throw providerUntrusted(`${url} risponde ${response.status}`);
  return (await response.text()).trim();
}

/** An entity's configuration, checked to be about itself and signed by its own federation keys. */
async function selfSignedConfiguration(
  entityId: string,
): Promise<{ jwt: string; statement: EntityStatement }> {
  const jwt = await fetchStatement(`${entityId}${WELL_KNOWN}`);
  let statement: EntityStatement;
  try {
    statement = decodeJwt(jwt) as EntityStatement;
    if (statement.iss !== entityId || statement.sub !== entityId) throw new Error('subject');
    await jwtVerify(jwt, createLocalJWKSet(statement.jwks), { typ: ENTITY_STATEMENT_TYP });
  } catch {
    throw providerUntrusted(`la configurazione di ${entityId} non è firmata da sé stessa`);
  }
  return { jwt, statement };
}

/** The provider's OpenID metadata, vouched for by the trust anchor, and until when to believe it. */
export interface ResolvedProvider {
  metadata: Record<string, unknown> & { issuer: string };
  expiresAt: number;
}

/**
 * Resolves the trust chain provider → trust anchor: the provider's entity configuration names the
 * trust anchor among its authorities; the trust anchor's subordinate statement about the provider
 * (from its fetch endpoint, signed by the trust anchor) carries the keys that must have signed the
 * provider's configuration. Only then is the provider's `openid_provider` metadata used.
 * @throws 502 SPID_PROVIDER_UNTRUSTED naming the link of the chain that failed.
 */
export async function resolveProvider(oidc: OidcSettings): Promise<ResolvedProvider> {
  const provider = await selfSignedConfiguration(oidc.issuer);
  if (!provider.statement.authority_hints?.includes(oidc.trustAnchor))
    throw providerUntrusted(`${oidc.issuer} non indica ${oidc.trustAnchor} tra le sue autorità`);
  const anchor = await selfSignedConfiguration(oidc.trustAnchor);
  const fetchEndpoint = anchor.statement.metadata?.federation_entity?.federation_fetch_endpoint;
  if (!fetchEndpoint) throw providerUntrusted(`${oidc.trustAnchor} non pubblica l’endpoint di fetch`);
  const subordinateJwt = await fetchStatement(`${fetchEndpoint}?sub=${encodeURIComponent(oidc.issuer)}`);
  let subordinate: EntityStatement;
  try {
    ({ payload: subordinate } = (await jwtVerify(subordinateJwt, createLocalJWKSet(anchor.statement.jwks), {
      issuer: oidc.trustAnchor,
      subject: oidc.issuer,
      typ: ENTITY_STATEMENT_TYP,
    })) as { payload: EntityStatement });
    // The provider's configuration must be signed with a key the trust anchor vouches for.
    await jwtVerify(provider.jwt, createLocalJWKSet(subordinate.jwks));
  } catch {
    throw providerUntrusted(`${oidc.trustAnchor} non garantisce per ${oidc.issuer}`);
  }
  const metadata = provider.statement.metadata?.openid_provider;
  if (!metadata || metadata.issuer !== oidc.issuer)
    throw providerUntrusted(`${oidc.issuer} non pubblica i metadati di un provider OpenID`);
  const expiresAt = Math.min(
    (provider.statement.exp ?? 0) * 1000,
    (subordinate.exp ?? 0) * 1000,
    Date.now() + CHAIN_CACHE_MS,
  );
  return { metadata: metadata as ResolvedProvider['metadata'], expiresAt };
}
