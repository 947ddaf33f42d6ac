import type { FastifyBaseLogger } from 'fastify';
import type { Actor } from './access/actor.js';
import type { Database } from './db/database.js';

/** Everything a use case needs about the request it serves. */
export interface Context {
  actor: Actor | null;
  settings: Settings;
  database: Database;
  requestId: string;
  ip: string;
  log: FastifyBaseLogger | Console;
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
}

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
