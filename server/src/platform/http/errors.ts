import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';
import { isDatabaseUnavailable } from '../db/database.js';
import { FIELD_LABELS } from '../../../../shared/src/common/field-labels.js';

interface AjvIssue {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
}

function label(path: string): string {
  const field = path.split('/').filter(Boolean).at(-1) ?? '';
  return FIELD_LABELS[field] ?? field;
}

/** Turns one schema-validation issue into a sentence in Italian. */
export function describeIssue(issue: AjvIssue): {
  field: string;
  message: string;
  rule: string;
  params: Record<string, unknown>;
} {
  const p = issue.params;
  const field =
    issue.keyword === 'required'
      ? `${issue.instancePath}/${String(p.missingProperty)}`
      : issue.keyword === 'additionalProperties'
        ? `${issue.instancePath}/${String(p.additionalProperty)}`
        : issue.instancePath;
  const name = label(field) || 'richiesta';
  const messages: Record<string, string> = {
    required: `Il campo «${name}» è obbligatorio.`,
    additionalProperties: `Il campo «${name}» non è previsto.`,
    minLength: `Il campo «${name}» deve avere almeno ${String(p.limit)} caratteri.`,
    maxLength: `Il campo «${name}» può avere al massimo ${String(p.limit)} caratteri.`,
    minimum: `Il campo «${name}» deve essere almeno ${String(p.limit)}.`,
    maximum: `Il campo «${name}» può essere al massimo ${String(p.limit)}.`,
    format: `Il campo «${name}» non ha un formato valido.`,
    pattern: `Il campo «${name}» non ha un formato valido.`,
    type: `Il campo «${name}» ha un tipo di valore non valido.`,
    enum: `Il valore del campo «${name}» non è tra quelli ammessi.`,
    minProperties: 'La richiesta non contiene modifiche.',
  };
  return {
    field: field.split('/').filter(Boolean).join('.'),
    message: messages[issue.keyword] ?? `Il campo «${name}» non è valido.`,
    // The rule and its parameters let a client say the same thing in another language.
    rule: issue.keyword,
    params: issue.params,
  };
}

/** Maps every error to `{ error: { code, message, details } }` without leaking internals or personal data. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      return reply
        .status(error.statusCode)
        .send({ error: { code: error.code, message: error.message, details: error.details } });
    }
    const fastifyError = error as FastifyError;
    if (fastifyError.validation) {
      const issues = (fastifyError.validation as unknown as AjvIssue[]).map(describeIssue);
      return reply.status(400).send({
        error: {
          code: 'VALIDATION_FAILED',
          message: issues.map((i) => i.message).join(' '),
          details: { fields: issues },
        },
      });
    }
    const status = fastifyError.statusCode ?? 500;
    if (status < 500) {
      const messages: Record<number, string> = {
        413: 'La richiesta è troppo grande.',
        415: 'Formato della richiesta non supportato: usa JSON.',
        429: 'Troppe richieste: riprova tra poco.',
      };
      return reply.status(status).send({
        error: {
          code: fastifyError.code ?? 'BAD_REQUEST',
          message: messages[status] ?? 'Richiesta non valida.',
        },
      });
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: { type: fastifyError.name } }, 'database unavailable');
      return reply.status(503).send({
        error: {
          code: 'DATABASE_UNAVAILABLE',
          message: 'Il servizio è momentaneamente non disponibile: riprova tra qualche istante.',
        },
      });
    }
    // The logger's err serializer keeps only the name, SQLSTATE and stack frames: a message may
    // quote a failed query's parameters, i.e. personal data.
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({
      error: {
        code: 'INTERNAL',
        message: 'Si è verificato un errore interno. Nessun dato è stato modificato.',
      },
    });
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
