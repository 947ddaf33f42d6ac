import { accessSync, constants, mkdirSync, readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import type { JsonWebKeyWithKid, OidcSettings } from './context.js';

/** Runtime configuration, read once from the environment at start-up. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  production: boolean;
  logLevel: string;
  seedDemo: boolean;
  sessionTtlHours: number;
  webDistDir: string;
  smtpUrl: string | undefined;
  /** Nominatim-compatible geocoder; addresses are not geocoded without it. */
  geocoderUrl: string | undefined;
  /** Street tiles, `https://…/{z}/{x}/{y}.png`, and the attribution the tile server requires. */
  mapTilesUrl: string | undefined;
  mapTilesAttribution: string | undefined;
  /** The help line on the public home (HELPLINE_PHONE and HELPLINE_HOURS, both or neither). */
  helpline: { phone: string; hours: string } | undefined;
  /** Where people write about their data and accessibility (CONTACT_EMAIL). */
  contactEmail: string | undefined;
  /** SPID/CIE through OpenID Connect Federation; undefined when OIDC_ISSUER is unset. */
  oidc: OidcSettings | undefined;
  /** Addresses or CIDR ranges of the reverse proxies whose X-Forwarded-For is believed; empty: none. */
  trustProxy: string[];
}

/** A configuration the platform cannot start with; main() prints the message and exits. */
export class ConfigError extends Error {}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw)) return true;
  if (['0', 'false', 'no'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

// proxy-addr's names for the usual private ranges, accepted as they are.
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * TRUST_PROXY: a comma-separated list of the proxies' addresses or CIDR ranges. Off by default, so
 * a client cannot choose the address the lockout, the rate limits and the audit trail see.
 */
export function parseTrustProxy(raw: string | undefined): string[] {
  if (raw === undefined || raw.trim() === '' || ['0', 'false', 'no'].includes(raw.trim())) return [];
  return raw.split(',').map((part) => {
    const entry = part.trim();
    const [address = '', bits, ...rest] = entry.split('/');
    const family = isIP(address);
    const bitsOk =
      bits === undefined ||
      (/^\d+$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32) && rest.length === 0);
    if (!PROXY_RANGE_NAMES.has(entry) && (family === 0 || !bitsOk)) {
      throw new ConfigError(
        `TRUST_PROXY must list the proxies' addresses or CIDR ranges separated by commas (e.g. 10.0.0.5,192.168.0.0/16), got "${entry}"`,
      );
    }
    return entry;
  });
}

const OIDC_REQUIRED = ['OIDC_TRUST_ANCHOR', 'OIDC_CLIENT_ID', 'OIDC_PRIVATE_JWKS_FILE'] as const;
const SPID_L2 = 'https://www.spid.gov.it/SpidL2';

function httpUrl(env: NodeJS.ProcessEnv, name: string, production: boolean): string {
  const raw = (env[name] ?? '').trim().replace(/\/+$/, '');
  // The federation runs over HTTPS; plain http only for the development identity provider.
  if (!(production ? /^https:\/\/[^/]/ : /^https?:\/\/[^/]/).test(raw))
    throw new ConfigError(`${name} must be an ${production ? 'https' : 'http(s)'} address, got "${raw}"`);
  return raw;
}

/**
 * The SPID/CIE settings, when OIDC_ISSUER is set: the other OIDC_* variables must then be set too,
 * and the key file must hold one or two private signing keys with a kid (the first signs the
 * entity configuration, the last the request objects and client assertions).
 */
function oidcSettings(env: NodeJS.ProcessEnv, production: boolean): OidcSettings | undefined {
  if (!env.OIDC_ISSUER?.trim()) return undefined;
  const missing = OIDC_REQUIRED.filter((name) => !env[name]?.trim());
  if (missing.length > 0)
    throw new ConfigError(`OIDC_ISSUER is set, so ${missing.join(', ')} must be set too`);
  const clientId = httpUrl(env, 'OIDC_CLIENT_ID', production);
  let keys: JsonWebKeyWithKid[];
  try {
    const file = resolve(env.OIDC_PRIVATE_JWKS_FILE!.trim());
    keys = (JSON.parse(readFileSync(file, 'utf8')) as { keys?: JsonWebKeyWithKid[] }).keys ?? [];
  } catch {
    throw new ConfigError('OIDC_PRIVATE_JWKS_FILE must name a readable JSON file { "keys": [ … ] }');
  }
  if (
    keys.length < 1 ||
    keys.length > 2 ||
    keys.some((k) => !k.kid || !k.d || !['RSA', 'EC'].includes(k.kty ?? ''))
  )
    throw new ConfigError(
      'OIDC_PRIVATE_JWKS_FILE must hold one or two private RSA or EC keys, each with a kid',
    );
  return {
    issuer: httpUrl(env, 'OIDC_ISSUER', production),
    trustAnchor: httpUrl(env, 'OIDC_TRUST_ANCHOR', production),
    clientId,
    redirectUri: env.OIDC_REDIRECT_URI?.trim()
      ? httpUrl(env, 'OIDC_REDIRECT_URI', production)
      : `${clientId}/api/auth/spid/callback`,
    federationKey: keys[0]!,
    coreKey: keys.at(-1)!,
    acr: env.OIDC_ACR?.trim() || SPID_L2,
    organizationName: env.OIDC_ORGANIZATION_NAME?.trim() || 'Legami',
  };
}

/**
 * Reads and checks the configuration.
 * @throws ConfigError with one sentence that says what to fix.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const logLevel = env.LOG_LEVEL ?? 'info';
  if (!LOG_LEVELS.includes(logLevel))
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  const dataDir = resolve(env.DATA_DIR ?? './data');
  if (!databaseUrl) {
    try {
      mkdirSync(dataDir, { recursive: true });
      accessSync(dataDir, constants.W_OK);
    } catch {
      throw new ConfigError(`DATA_DIR "${dataDir}" cannot be created or written`);
    }
  }
  const smtpUrl = env.SMTP_URL || undefined;
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl))
    throw new ConfigError('SMTP_URL must start with smtp:// or smtps://');
  const geocoderUrl = env.GEOCODER_URL || undefined;
  if (geocoderUrl && !/^https?:\/\//.test(geocoderUrl))
    throw new ConfigError('GEOCODER_URL must start with http:// or https://');
  const mapTilesUrl = env.MAP_TILES_URL || undefined;
  if (
    mapTilesUrl &&
    !(/^https?:\/\//.test(mapTilesUrl) && ['{z}', '{x}', '{y}'].every((p) => mapTilesUrl.includes(p)))
  )
    throw new ConfigError('MAP_TILES_URL must be an http(s) address with {z}, {x} and {y}');
  const helplinePhone = env.HELPLINE_PHONE?.trim() || undefined;
  const helplineHours = env.HELPLINE_HOURS?.trim() || undefined;
  if (helplinePhone && !/^\+?[0-9][0-9 ./-]{4,24}$/.test(helplinePhone))
    throw new ConfigError(`HELPLINE_PHONE must be a phone number (digits, spaces), got "${helplinePhone}"`);
  if (Boolean(helplinePhone) !== Boolean(helplineHours))
    throw new ConfigError('HELPLINE_PHONE and HELPLINE_HOURS go together: set both or neither');
  const contactEmail = env.CONTACT_EMAIL?.trim() || undefined;
  if (contactEmail && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(contactEmail))
    throw new ConfigError(`CONTACT_EMAIL must be an email address, got "${contactEmail}"`);
  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    databaseUrl,
    production,
    logLevel,
    // Demo accounts share a public password: never in production.
    seedDemo: !production && flag(env, 'SEED_DEMO', true),
    sessionTtlHours: integer(env, 'SESSION_TTL_HOURS', 12, 1, 24 * 30),
    webDistDir: resolve(env.WEB_DIST_DIR ?? './web/dist'),
    smtpUrl,
    geocoderUrl,
    mapTilesUrl,
    mapTilesAttribution: env.MAP_TILES_ATTRIBUTION || undefined,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    helpline: helplinePhone && helplineHours ? { phone: helplinePhone, hours: helplineHours } : undefined,
    contactEmail,
    oidc: oidcSettings(env, production),
  };
}
