import type { FastifyRequest } from 'fastify';
import { databaseErrorOf } from '../db/database.js';

/*
 * Logs never carry personal data. A failed query's message quotes its parameters (Drizzle:
 * "Failed query: … params: Rossi,1950-01-01,…") and PostgreSQL's own message and detail quote
 * values ("Key (codice_fiscale)=(…) already exists"); a URL's query string holds searches by name.
 * So an error is logged as its type, SQLSTATE and stack frames only, a request as method and path.
 */

/** The parts of an error safe to log: its name, its database code, the stack frames without the message. */
export function redactedError(error: unknown): { type: string; code?: string; stack?: string } {
  if (!(error instanceof Error)) {
    // Already reduced by the caller (e.g. `{ type }`): keep only string fields named type/code.
    const plain = (error ?? {}) as { type?: unknown; code?: unknown };
    return {
      type: typeof plain.type === 'string' ? plain.type : 'unknown',
      ...(typeof plain.code === 'string' ? { code: plain.code } : {}),
    };
  }
  const code = databaseErrorOf(error)?.code;
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .join('\n');
  return { type: error.name, ...(code ? { code } : {}), ...(frames ? { stack: frames } : {}) };
}

/** A request as logged: no query string, no headers. */
export function redactedRequest(request: FastifyRequest): Record<string, unknown> {
  return {
    method: request.method,
    url: request.url.split('?')[0],
    remoteAddress: request.ip,
  };
}
