import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Context } from '../context.js';

/** The Fastify instance every module registers its routes on. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

declare module 'fastify' {
  interface FastifyRequest {
    ctx: Context;
    sessionId: string | null;
    csrfToken: string | null;
  }
  interface FastifyContextConfig {
    /** 'problem': errors as RFC 7807 problem+json, for a partner API whose specification asks for it. */
    errorFormat?: 'problem';
    /**
     * The route's use case runs in one withScope transaction, which reads the session again in its
     * first round trip: the request's actor is predicted from this process' last read of the
     * session instead of being read before the handler (platform/access, accounts.loadActor).
     */
    sessionReadInTransaction?: boolean;
  }
}

export const SESSION_COOKIE = 'legami_session';

/**
 * Requests per minute and address for endpoints open without a session (public forms; the login counts per address and account).
 * Counted in the database, so the limit holds across instances; the login also has a per-account lockout.
 */
export const PUBLIC_FORM_RATE_LIMIT = { max: 30, timeWindow: '1 minute' };
