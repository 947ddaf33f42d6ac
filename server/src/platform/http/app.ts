import { existsSync } from 'node:fs';
import Fastify, { type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Database } from '../db/database.js';
import type { Settings } from '../context.js';
import { installErrorHandler, installNotFoundHandler } from './errors.js';
import { SESSION_COOKIE, type App } from './types.js';
import { loadActor } from '../../modules/accounts/accounts.service.js';
import { csrfFailed } from '../../modules/accounts/accounts.errors.js';
import { registerModules } from '../../modules/routes.js';

export interface AppOptions {
  database: Database;
  settings: Settings;
  logLevel?: string;
  /** Built web app to serve at `/`; omitted in API tests. */
  webDistDir?: string;
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// Login opens the session, so it cannot carry the session's CSRF token; it checks Origin instead.
const CSRF_EXEMPT = new Set(['/api/auth/login']);

/** Builds the HTTP application: plugins, the per-request context, the modules' routes. */
export async function buildApp(options: AppOptions): Promise<App> {
  const app = Fastify({
    logger: {
      level: options.logLevel ?? 'info',
      // Never log credentials or cookies.
      redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'],
    },
    trustProxy: true,
    bodyLimit: 5 * 1024 * 1024,
    ajv: {
      customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: true },
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  installErrorHandler(app);
  await app.register(cookie);
  // Off by default; public forms opt in with `config: { rateLimit: PUBLIC_FORM_RATE_LIMIT }`.
  await app.register(rateLimit, { global: false });
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
      const loaded = await loadActor(options.database, sessionId);
      if (loaded) {
        request.ctx.actor = loaded.actor;
        request.sessionId = sessionId;
        request.csrfToken = loaded.csrfToken;
      }
    }
    const path = request.url.split('?')[0] ?? '';
    if (UNSAFE_METHODS.has(request.method) && request.csrfToken && !CSRF_EXEMPT.has(path)) {
      if (request.headers['x-csrf-token'] !== request.csrfToken) throw csrfFailed();
    }
  });

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

  await registerModules(app);

  const serveSpa = Boolean(options.webDistDir && existsSync(options.webDistDir));
  if (serveSpa) await app.register(fastifyStatic, { root: options.webDistDir!, wildcard: false });
  installNotFoundHandler(app, serveSpa);
  return app;
}
