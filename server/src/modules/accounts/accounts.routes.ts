import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Context } from '../../platform/context.js';
import type { App } from '../../platform/http/types.js';
import { PUBLIC_FORM_RATE_LIMIT, SESSION_COOKIE } from '../../platform/http/types.js';
import { requireActor } from '../../platform/access/access.js';
import { IdParams } from '../../../../shared/src/common/common.schemas.js';
import {
  ChangePasswordBody,
  CreateUserBody,
  CreatedUser,
  LoginBody,
  Me,
  User,
} from '../../../../shared/src/accounts/accounts.schemas.js';
import * as accounts from './accounts.service.js';
import { crossOriginLogin } from './accounts.errors.js';

const tags = ['accounts'];

/**
 * The login is counted per address and account, after the body is read: the forty operators of a
 * town hall behind one address all log in at nine without turning each other away. Guessing across
 * accounts from one address is stopped by the failures per address (accounts.service).
 */
const LOGIN_RATE_LIMIT = {
  ...PUBLIC_FORM_RATE_LIMIT,
  hook: 'preHandler' as const,
  keyGenerator: (req: FastifyRequest) =>
    `${req.ip}\n${String((req.body as { email?: unknown } | undefined)?.email ?? '')
      .trim()
      .toLowerCase()}`,
};

/** True without an Origin header (not a browser form post) or when it names this very host. */
function sameOriginOrNone(origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** The session cookie: httpOnly, SameSite=Lax (sent on the top-level return from SPID), Secure in production. */
export function setSessionCookie(reply: FastifyReply, ctx: Context, sessionId: string): void {
  reply.setCookie(SESSION_COOKIE, sessionId, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.settings.production,
    maxAge: ctx.settings.sessionTtlHours * 3600,
  });
}

export function registerAccountRoutes(app: App): void {
  app.post(
    '/api/auth/login',
    {
      config: { rateLimit: LOGIN_RATE_LIMIT },
      schema: { tags, body: LoginBody, response: { 200: Me } },
    },
    async (req, reply) => {
      // Login CSRF: a browser always sends Origin on a cross-site POST; "null" (sandboxed or
      // privacy-redirected pages) and an unparseable Origin are not this site either.
      if (!sameOriginOrNone(req.headers.origin, req.headers.host)) throw crossOriginLogin();
      const { sessionId } = await accounts.login(req.ctx, req.body.email, req.body.password);
      const loaded = await accounts.loadActor(req.ctx.database, sessionId);
      setSessionCookie(reply, req.ctx, sessionId);
      return accounts.me({ ...req.ctx, actor: loaded!.actor }, loaded!.csrfToken);
    },
  );

  app.post('/api/auth/logout', { schema: { tags } }, async (req, reply) => {
    if (req.sessionId) await accounts.logout(req.ctx, req.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.get('/api/auth/me', { schema: { tags, response: { 200: Me } } }, async (req) => {
    requireActor(req.ctx);
    return accounts.me(req.ctx, req.csrfToken!);
  });

  app.post('/api/auth/password', { schema: { tags, body: ChangePasswordBody } }, async (req, reply) => {
    requireActor(req.ctx);
    await accounts.changePassword(req.ctx, req.body, req.sessionId!);
    return reply.status(204).send();
  });

  app.get('/api/users', { schema: { tags, response: { 200: Type.Array(User) } } }, async (req) =>
    accounts.listUsers(req.ctx),
  );

  app.post(
    '/api/users',
    { schema: { tags, body: CreateUserBody, response: { 201: CreatedUser } } },
    async (req, reply) => reply.status(201).send(await accounts.createUser(req.ctx, req.body)),
  );

  app.post(
    '/api/users/:id/reset-password',
    {
      schema: {
        tags,
        params: IdParams,
        response: { 200: Type.Object({ temporaryPassword: Type.String() }) },
      },
    },
    async (req) => accounts.resetPassword(req.ctx, req.params.id),
  );
}
