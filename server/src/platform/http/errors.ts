import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import { databaseErrorOf, isDatabaseUnavailable } from '../db/database.js';
import { FIELD_LABELS } from '../../../../shared/src/common/field-labels.js';
import { describeIssues, type SchemaIssue } from '../../../../shared/src/common/validation.js';

/** `organization_id` → the label of `organizationId`. */
function columnLabel(column: string): string {
  const camel = column.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
  return FIELD_LABELS[camel] ?? FIELD_LABELS[column] ?? camel;
}

/**
 * A constraint or type error from PostgreSQL caused by what the client sent, as a 4xx; null for
 * anything else. The message names the column (from the error's detail) but never its value.
 */
export function databaseInputError(error: unknown): AppError | null {
  const db = databaseErrorOf(error) as { code?: string; detail?: string; column?: string } | null;
  if (!db?.code || !/^2[23][0-9A-Z]{3}$/.test(db.code)) return null;
  const column = db.column ?? /Key \(([a-z_]+)/.exec(db.detail ?? '')?.[1];
  const name = column ? columnLabel(column) : null;
  switch (db.code) {
    case '23503':
      return new AppError(
        422,
        'REFERENCE_NOT_FOUND',
        name ? `Il campo «${name}» indica un elemento che non esiste.` : 'Un elemento indicato non esiste.',
      );
    case '23505':
      return new AppError(
        409,
        'ALREADY_EXISTS',
        name ? `Esiste già un elemento con lo stesso «${name}».` : 'Esiste già un elemento uguale.',
      );
    case '23502':
      return new AppError(
        422,
        'VALIDATION_FAILED',
        name ? `Il campo «${name}» è obbligatorio.` : 'Manca un campo obbligatorio.',
      );
    case '23514':
    case '23P01':
      return new AppError(422, 'VALIDATION_FAILED', 'Un valore non rispetta le regole dei dati.');
    default:
      // 22xxx: invalid text representation, numeric out of range, bad encoding, string too long, bad date…
      return db.code.startsWith('22')
        ? new AppError(400, 'VALIDATION_FAILED', 'Un valore non è valido o è fuori dall’intervallo ammesso.')
        : null;
  }
}

const FRAMEWORK_MESSAGES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'Il corpo della richiesta non è JSON valido.',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'Il corpo della richiesta è vuoto.',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'La lunghezza dichiarata del corpo non corrisponde.',
  FST_ERR_CTP_BODY_TOO_LARGE: 'La richiesta è troppo grande.',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Formato della richiesta non supportato: usa JSON.',
  FST_ERR_BAD_URL: 'L’indirizzo della richiesta non è valido.',
};

interface ErrorReply {
  status: number;
  code: string;
  message: string;
  details?: unknown;
}

/** What the client is told of an error: never internals, never personal data. */
function errorReplyOf(error: FastifyError | AppError, request: FastifyRequest): ErrorReply {
  if (error instanceof AppError)
    return { status: error.statusCode, code: error.code, message: error.message, details: error.details };
  const fastifyError = error as FastifyError;
  const fromDatabase = databaseInputError(error);
  if (fromDatabase)
    return { status: fromDatabase.statusCode, code: fromDatabase.code, message: fromDatabase.message };
  if (fastifyError.validation) {
    // One sentence per field, in the words the browser's own check of the form uses.
    const issues = describeIssues(fastifyError.validation as unknown as SchemaIssue[]).map(
      ({ field, message, rule, params }) => ({ field, message, rule, params }),
    );
    return {
      status: 400,
      code: 'VALIDATION_FAILED',
      message: issues.map((i) => i.message).join(' '),
      details: { fields: issues },
    };
  }
  const status = fastifyError.statusCode ?? 500;
  if (status < 500) {
    const messages: Record<number, string> = {
      413: 'La richiesta è troppo grande.',
      414: 'L’indirizzo della richiesta è troppo lungo.',
      415: 'Formato della richiesta non supportato: usa JSON.',
      429: 'Troppe richieste: riprova tra poco.',
      431: 'Le intestazioni della richiesta sono troppo grandi.',
    };
    return {
      status,
      code: fastifyError.code ?? 'BAD_REQUEST',
      message: FRAMEWORK_MESSAGES[fastifyError.code] ?? messages[status] ?? 'Richiesta non valida.',
    };
  }
  if (isDatabaseUnavailable(error)) {
    request.log.warn({ err: { type: fastifyError.name } }, 'database unavailable');
    return {
      status: 503,
      code: 'DATABASE_UNAVAILABLE',
      message: 'Il servizio è momentaneamente non disponibile: riprova tra qualche istante.',
    };
  }
  // The logger's err serializer keeps only the name, SQLSTATE and stack frames: a message may
  // quote a failed query's parameters, i.e. personal data.
  request.log.error({ err: error }, 'unhandled error');
  return {
    status: 500,
    code: 'INTERNAL',
    message: 'Si è verificato un errore interno. Nessun dato è stato modificato.',
  };
}

/**
 * Maps every error to `{ error: { code, message, details } }`; a route whose partner's specification
 * asks for RFC 7807 (`config.errorFormat: 'problem'`) gets `{ status, title, detail }` as
 * application/problem+json instead.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    const { status, code, message, details } = errorReplyOf(error, request);
    if (request.routeOptions.config?.errorFormat === 'problem')
      return reply
        .status(status)
        .type('application/problem+json')
        .send({ status, title: code, detail: message });
    return reply.status(status).send({ error: { code, message, details } });
  });
}

/**
 * Unknown API paths answer a JSON 404; with `serveSpa`, any other GET gets the web app's
 * index.html, because the web app routes on the client.
 */
export function installNotFoundHandler(app: FastifyInstance, serveSpa: boolean): void {
  app.setNotFoundHandler((request, reply) => {
    if (serveSpa && request.method === 'GET' && !request.url.startsWith('/api/'))
      return reply.sendFile('index.html');
    return reply.status(404).send({
      error: {
        code: 'NOT_FOUND',
        message: `Risorsa non trovata: ${request.method} ${request.url.split('?')[0]}`,
      },
    });
  });
}

/**
 * Errors Fastify raises while routing, before any hook (a path that is not valid percent-encoded
 * UTF-8, a path parameter over the length limit): our shape instead of Fastify's. Used as
 * Fastify's `frameworkErrors`.
 */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const status = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : (error.statusCode ?? 400);
  void reply.status(status).send({
    error: {
      code: error.code,
      message:
        status === 414
          ? 'L’indirizzo della richiesta è troppo lungo.'
          : 'L’indirizzo della richiesta non è valido.',
    },
  });
}

const CLIENT_ERROR_MESSAGES: Record<number, string> = {
  400: 'Richiesta non valida.',
  408: 'La richiesta è scaduta.',
  413: 'La richiesta è troppo grande.',
  414: 'L’indirizzo della richiesta è troppo lungo.',
  431: 'Le intestazioni della richiesta sono troppo grandi.',
};

/**
 * Node's HTTP parser refuses some requests before Fastify sees them (headers too large, a
 * malformed request line): they get the same `{ error: { code, message } }` shape as the rest.
 * Used as Fastify's `clientErrorHandler`.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable) return;
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'HPE_URI_TOO_LONG' ? 414 : 400;
  const body = JSON.stringify({
    error: { code: error.code ?? 'BAD_REQUEST', message: CLIENT_ERROR_MESSAGES[status] },
  });
  socket.end(
    `HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : status === 414 ? 'URI Too Long' : 'Bad Request'}\r\n` +
      `Connection: close\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}
