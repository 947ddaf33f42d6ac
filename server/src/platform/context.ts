import type { FastifyBaseLogger } from 'fastify';
import type { JWK } from 'jose';
import type { Actor } from './access/actor.js';
import type { Database, TransactionGuard } from './db/database.js';
import type { Partner } from './access/partner.js';

/** Everything a use case needs about the request it serves. */
export interface Context {
  actor: Actor | null;
  /** A partner system calling without a session (platform/access/partner.ts); never with an actor. */
  partner?: Partner;
  settings: Settings;
  database: Database;
  /**
   * Set when `actor` was predicted from an earlier read of the session, not read for this request:
   * the access layer reads it again in the request's transaction (platform/access/access.ts).
   */
  predictedSession?: PredictedSession;
  requestId: string;
  ip: string;
  log: FastifyBaseLogger | Console;
}

/**
 * An actor predicted from the session as this process last read it. `guard` reads the session in
 * the transaction's first round trip and throws SessionChanged (or 401) when it is no longer what
 * was predicted; `confirm` reads it now. `verified` once either has found it unchanged.
 */
export interface PredictedSession {
  guard: TransactionGuard;
  confirm(): Promise<Actor>;
  verified: boolean;
}

/** The part of the configuration use cases depend on. */
export interface Settings {
  production: boolean;
  sessionTtlHours: number;
  /** Nominatim-compatible geocoder (GEOCODER_URL); addresses are not geocoded without it. */
  geocoderUrl?: string | null;
  /** Street tiles for the maps (MAP_TILES_URL, `{z}/{x}/{y}`) and their attribution. */
  mapTilesUrl?: string | null;
  mapTilesAttribution?: string | null;
  /** Demo data and demo logins are on (SEED_DEMO, never in production): the login lists them. */
  demo?: boolean;
  /** The help line citizens call (HELPLINE_PHONE, HELPLINE_HOURS), on the public home. */
  helpline?: { phone: string; hours: string } | null;
  /** Where people write about their data and accessibility (CONTACT_EMAIL). */
  contactEmail?: string | null;
  /** SPID/CIE through OpenID Connect Federation (OIDC_*); the citizens' login is off without it. */
  oidc?: OidcSettings | null;
}

/** The relying party's side of SPID/CIE: who we are in the federation, whom we trust, our keys. */
export interface OidcSettings {
  /** The provider's issuer (its entity id), e.g. a SPID identity provider or CIE's. */
  issuer: string;
  /** The federation's trust anchor (entity id), e.g. the SPID or CIE registry. */
  trustAnchor: string;
  /** Our entity id: the public address of this installation; the entity configuration is under it. */
  clientId: string;
  redirectUri: string;
  /** Private JWKs: the federation key signs the entity configuration, the core key requests and assertions. */
  federationKey: JsonWebKeyWithKid;
  coreKey: JsonWebKeyWithKid;
  /** The level of assurance asked for (SPID L2 by default). */
  acr: string;
  organizationName: string;
}

export type JsonWebKeyWithKid = JWK & { kid: string };

export const DEFAULT_SETTINGS: Settings = { production: false, sessionTtlHours: 12 };

/**
 * A context with no actor, for jobs, seeds and CLI commands. Loud on purpose: code that
 * calls it skips the access layer and must not be reachable from a route.
 */
export function systemContext(
  database: Database,
  log: Context['log'] = console,
  settings: Settings = DEFAULT_SETTINGS,
): Context {
  return { actor: null, settings, database, requestId: 'system', ip: 'system', log };
}
