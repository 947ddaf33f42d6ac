import { existsSync } from 'node:fs';
import Fastify, { type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import helmet from '@fastify/helmet';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Actor } from '../access/actor.js';
import type { Database } from '../db/database.js';
import type { PredictedSession, Settings } from '../context.js';
import { AppError } from '../errors.js';
import {
  clientErrorHandler,
  frameworkErrors,
  installErrorHandler,
  installNotFoundHandler,
} from './errors.js';
import { installInputGuards } from './input.js';
import { redactedError, redactedRequest } from './logging.js';
import { databaseRateLimitStore } from './rate-limit-store.js';
import { SESSION_COOKIE, type App } from './types.js';

/** Resolves a session cookie to its actor; supplied by the accounts module (platform imports no module). */
export type Authenticate = (
  database: Database,
  sessionId: string,
  options: { predict?: boolean },
) => Promise<{ actor: Actor; csrfToken: string; predicted?: PredictedSession } | null>;

export interface AppOptions {
  database: Database;
  settings: Settings;
  /** The accounts module's session lookup. */
  authenticate: Authenticate;
  /** Registers the modules' routes. */
  registerRoutes: (app: App) => Promise<void>;
  logLevel?: string;
  /** Where log lines go (default stdout); tests read them. */
  logStream?: { write(line: string): void };
  /** Built web app to serve at `/`; omitted in API tests. */
  webDistDir?: string;
  /**
   * Reverse proxies (addresses or CIDR ranges) whose X-Forwarded-For is believed; none by default,
   * so the lockout, rate limits and audit trail see the real peer address.
   */
  trustProxy?: string[];
}

const csrfFailed = () =>
  new AppError(403, 'CSRF_FAILED', 'Richiesta non autorizzata: ricarica la pagina e riprova.');

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// Login opens the session, so it cannot carry the session's CSRF token; it checks Origin instead.
const CSRF_EXEMPT = new Set(['/api/auth/login']);

/** The street-tile server's origin for the CSP (`{s}` subdomains as a wildcard), or none. */
export function tileOrigin(url: string | null | undefined): string[] {
  const origin = /^(https?:\/\/[^/]+)/.exec(url ?? '')?.[1];
  return origin ? [origin.replace('{s}', '*')] : [];
}

/**
 * Security headers for every response. The CSP allows no inline script: the built web app and the
 * API docs page (/api/docs) load only scripts of their own origin. HSTS only in production, where
 * the site is served over HTTPS; upgrade-insecure-requests likewise.
 */
function securityHeaders(settings: Settings): Parameters<typeof helmet>[1] {
  const production = settings.production;
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...tileOrigin(settings.mapTilesUrl)],
        objectSrc: ["'none'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        // Bootstrap Italia, Leaflet and Swagger UI set style attributes; no script runs from them.
        styleSrc: ["'self'", "'unsafe-inline'"],
        ...(production ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    hsts: production ? { maxAge: 31536000, includeSubDomains: true } : false,
    // The web app embeds nothing cross-origin; COEP would only break the docs' assets.
    crossOriginEmbedderPolicy: false,
  };
}

/** Vite's content-hashed bundles and fonts: a changed file gets a new name. */
const HASHED_ASSETS = /[\\/]assets[\\/]/;

/**
 * The built web app: the `.br`/`.gz` twins written at build time (web/vite.precompress.ts) for
 * clients that accept them; hashed assets cached for a year, everything else (index.html, which
 * names the current bundles) revalidated on every visit.
 */
function webAppFiles(root: string): Parameters<typeof fastifyStatic>[1] {
  return {
    root,
    wildcard: false,
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, path) => {
      reply.header(
        'cache-control',
        HASHED_ASSETS.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  };
}

/** Builds the HTTP application: plugins, the per-request context, the modules' routes. */
export async function buildApp(options: AppOptions): Promise<App> {
  const app = Fastify({
    logger: {
      level: options.logLevel ?? 'info',
      ...(options.logStream ? { stream: options.logStream } : {}),
      // Never log credentials, cookies, query strings or a failed query's parameters (personal data).
      // (Fastify's types want the default serializers' shapes; ours return less on purpose.)
      serializers: {
        req: redactedRequest as never,
        err: redactedError as never,
        error: redactedError as never,
      },
      redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'],
    },
    trustProxy: options.trustProxy && options.trustProxy.length > 0 ? options.trustProxy : false,
    bodyLimit: 5 * 1024 * 1024,
    clientErrorHandler,
    frameworkErrors,
  }).withTypeProvider<TypeBoxTypeProvider>();

  installErrorHandler(app);
  await app.register(helmet, securityHeaders(options.settings));
  await app.register(cookie);
  // Off by default; public forms opt in with `config: { rateLimit: PUBLIC_FORM_RATE_LIMIT }`. The
  // counters are in the database, shared by every instance.
  await app.register(rateLimit, { global: false, store: databaseRateLimitStore(options.database) });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Legami API', version: '0.1.0', description: 'Piattaforma di welfare di comunità' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.decorateRequest('ctx', null as never);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('csrfToken', null);
  app.addHook('onRequest', async (request: FastifyRequest) => {
    request.ctx = {
      actor: null,
      settings: options.settings,
      database: options.database,
      requestId: request.id,
      ip: request.ip,
      log: request.log,
    };
    if (!request.url.startsWith('/api/')) return;
    const sessionId = request.cookies[SESSION_COOKIE];
    if (sessionId) {
      const predict = request.routeOptions.config.sessionReadInTransaction === true;
      const loaded = await options.authenticate(options.database, sessionId, { predict });
      if (loaded) {
        request.ctx.actor = loaded.actor;
        request.ctx.predictedSession = loaded.predicted;
        request.sessionId = sessionId;
        request.csrfToken = loaded.csrfToken;
      }
    }
    const path = request.url.split('?')[0] ?? '';
    if (UNSAFE_METHODS.has(request.method) && request.csrfToken && !CSRF_EXEMPT.has(path)) {
      if (request.headers['x-csrf-token'] !== request.csrfToken) throw csrfFailed();
    }
  });
  // A route that reads its session in its transaction and answered without doing so is a bug: it
  // must not answer as if the session held.
  app.addHook('onSend', async (request, reply) => {
    if (request.ctx?.predictedSession?.verified === false && reply.statusCode < 400)
      throw new Error(`${request.routeOptions.url ?? request.url} answered before reading its session`);
  });
  // Validators, the session check before parsing, unstorable text and numbers refused (input.ts).
  installInputGuards(app);

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  // For load balancers and people: 503 while the database cannot be reached.
  app.get('/api/health', { schema: { tags: ['platform'] } }, async (_request, reply) => {
    const up = await options.database.ping().then(
      () => true,
      () => false,
    );
    return reply
      .status(up ? 200 : 503)
      .send({ status: up ? 'ok' : 'degraded', database: options.database.kind, databaseUp: up });
  });

  await options.registerRoutes(app);

  const serveSpa = Boolean(options.webDistDir && existsSync(options.webDistDir));
  if (serveSpa) await app.register(fastifyStatic, webAppFiles(options.webDistDir!));
  installNotFoundHandler(app, serveSpa);
  return app;
}
