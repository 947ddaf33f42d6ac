import { Type } from 'typebox';
import type { App } from '../../platform/http/types.js';
import { PUBLIC_FORM_RATE_LIMIT } from '../../platform/http/types.js';
import { setSessionCookie } from '../accounts/index.js';
import { ENTITY_STATEMENT_CONTENT_TYPE, entityConfiguration } from './identity.federation.js';
import { spidNotConfigured } from './identity.errors.js';
import { safeReturnPath } from './identity.rules.js';
import { finishSpidLogin, startSpidLogin } from './identity.service.js';

const tags = ['identity'];
// Binds a login to the browser that started it (login CSRF); only the callback reads it.
const STATE_COOKIE = 'legami_spid_state';
const CALLBACK_PATH = '/api/auth/spid/callback';

export function registerIdentityRoutes(app: App): void {
  // OpenID Connect Federation: our entity configuration, where providers and the registry read it.
  app.get('/.well-known/openid-federation', { schema: { tags } }, async (req, reply) => {
    if (!req.ctx.settings.oidc) throw spidNotConfigured();
    const jwt = await entityConfiguration(req.ctx.settings.oidc, req.ctx.settings.contactEmail ?? null);
    return reply.type(ENTITY_STATEMENT_CONTENT_TYPE).send(jwt);
  });

  app.get(
    '/api/auth/spid/start',
    {
      config: { rateLimit: PUBLIC_FORM_RATE_LIMIT },
      schema: {
        tags,
        querystring: Type.Object({ returnTo: Type.Optional(Type.String({ maxLength: 200 })) }),
      },
    },
    async (req, reply) => {
      const { authorizationUrl, state } = await startSpidLogin(req.ctx, safeReturnPath(req.query.returnTo));
      reply.setCookie(STATE_COOKIE, state, {
        path: CALLBACK_PATH,
        httpOnly: true,
        // Lax: the provider sends the citizen back with a top-level GET from its own site.
        sameSite: 'lax',
        secure: req.ctx.settings.production,
        maxAge: 10 * 60,
      });
      return reply.redirect(authorizationUrl, 303);
    },
  );

  app.get(
    CALLBACK_PATH,
    {
      config: { rateLimit: PUBLIC_FORM_RATE_LIMIT },
      schema: {
        tags,
        querystring: Type.Object(
          {
            code: Type.Optional(Type.String({ maxLength: 2000 })),
            state: Type.Optional(Type.String({ maxLength: 200 })),
            iss: Type.Optional(Type.String({ maxLength: 500 })),
            error: Type.Optional(Type.String({ maxLength: 200 })),
            error_description: Type.Optional(Type.String({ maxLength: 2000 })),
          },
          { additionalProperties: true },
        ),
      },
    },
    async (req, reply) => {
      const oidc = req.ctx.settings.oidc;
      if (!oidc) throw spidNotConfigured();
      reply.clearCookie(STATE_COOKIE, { path: CALLBACK_PATH });
      // The browser comes back here from the provider: it reads a page, never a JSON error.
      try {
        const callbackUrl = new URL(oidc.redirectUri);
        callbackUrl.search = new URL(req.url, 'http://callback').search;
        const { sessionId, returnTo } = await finishSpidLogin(req.ctx, {
          callbackUrl,
          browserState: req.cookies[STATE_COOKIE],
        });
        setSessionCookie(reply, req.ctx, sessionId);
        return reply.redirect(returnTo, 303);
      } catch (error) {
        const code = error instanceof Error && 'code' in error ? String(error.code) : 'SPID_LOGIN_FAILED';
        return reply.redirect(`/login?spid=${encodeURIComponent(code)}`, 303);
      }
    },
  );
}
