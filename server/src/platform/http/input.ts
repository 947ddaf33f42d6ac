import { AjvCompiler } from '@fastify/ajv-compiler';
import type { FastifyInstance, FastifyRequest, FastifySchema, RouteOptions } from 'fastify';
import { AppError, unauthenticated } from '../errors.js';
import { FIELD_LABELS } from '../../../../shared/src/common/field-labels.js';
import { hasForbiddenCharacters } from './text.js';

/*
 * The one door for what a client sends, in front of every route. Invariants:
 * - a protected route answers an anonymous request 401 before its body is parsed or validated;
 * - no text with a NUL byte or a lone UTF-16 surrogate reaches a handler (PostgreSQL cannot store
 *   either: the request would fail in the database after part of it had run);
 * - no number reaches a handler that is not finite, and no integer outside PostgreSQL's `integer`
 *   unless its schema says so;
 * - bodies are never coerced (12345 is not the name "12345"); query strings and path parameters,
 *   which are text on the wire, are coerced to their schema's types;
 * - strings marked `x-trim` (shared `NonBlank`, `Trimmed`) are trimmed before their length is checked.
 */

export const INT4_MAX = 2_147_483_647;
export const INT4_MIN = -2_147_483_648;

type Problem = { path: string[]; rule: 'characters' | 'finite' };

/** The first string with forbidden characters or non-finite number inside a parsed value. */
export function findUnstorable(value: unknown, path: string[] = [], depth = 0): Problem | null {
  if (typeof value === 'string') return hasForbiddenCharacters(value) ? { path, rule: 'characters' } : null;
  if (typeof value === 'number') return Number.isFinite(value) ? null : { path, rule: 'finite' };
  // Buffers are uploads: their readers clean the text (see `storableText`).
  if (!value || typeof value !== 'object' || Buffer.isBuffer(value) || depth > 32) return null;
  for (const [key, item] of Object.entries(value)) {
    if (hasForbiddenCharacters(key)) return { path: [...path, key], rule: 'characters' };
    const found = findUnstorable(item, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}

function refusal(problem: Problem): AppError {
  const field = problem.path.filter((p) => !/^\d+$/.test(p)).at(-1) ?? '';
  const name = FIELD_LABELS[field] ?? (field || 'richiesta');
  const message =
    problem.rule === 'characters'
      ? `Il campo «${name}» contiene caratteri non ammessi.`
      : `Il campo «${name}» deve essere un numero finito.`;
  return new AppError(400, 'VALIDATION_FAILED', message, {
    fields: [{ field: problem.path.join('.'), message, rule: problem.rule, params: {} }],
  });
}

/** The ajv keyword behind `x-trim`: trims the string in place, before minLength/maxLength/pattern. */
const trimKeyword = {
  keyword: 'x-trim',
  type: 'string' as const,
  schemaType: 'boolean' as const,
  modifying: true,
  before: 'maxLength',
  errors: false as const,
  validate: (
    trim: boolean,
    data: string,
    _schema?: unknown,
    cxt?: { parentData: Record<string | number, unknown>; parentDataProperty: string | number },
  ) => {
    if (trim && cxt?.parentData && cxt.parentDataProperty !== undefined)
      cxt.parentData[cxt.parentDataProperty] = data.trim();
    return true;
  },
};

const AJV_OPTIONS = {
  removeAdditional: false,
  useDefaults: true,
  allErrors: true,
  // NaN and ±Infinity are not numbers for validation ("Infinity" and 1e999 parse to Infinity).
  strictNumbers: true,
};

type SchemaNode = Record<string, unknown>;

/** Integers without bounds get PostgreSQL's `integer` range, so 2147483648 or 1e20 answer 400, not 500. */
function boundIntegers(node: unknown, depth = 0): void {
  if (!node || typeof node !== 'object' || depth > 32) return;
  const schema = node as SchemaNode;
  if (schema.type === 'integer') {
    if (schema.maximum === undefined && schema.exclusiveMaximum === undefined) schema.maximum = INT4_MAX;
    if (schema.minimum === undefined && schema.exclusiveMinimum === undefined) schema.minimum = INT4_MIN;
  }
  for (const value of Object.values(schema)) {
    if (Array.isArray(value)) value.forEach((v) => boundIntegers(v, depth + 1));
    else if (value && typeof value === 'object') boundIntegers(value, depth + 1);
  }
}

/**
 * The only API routes that answer without a session; every other `/api/` route answers an
 * anonymous request 401 before reading it. A new public route is added here, on purpose.
 */
export const PUBLIC_ROUTES: ReadonlySet<string> = new Set([
  'GET /api/health',
  'GET /api/openapi.json',
  'GET /api/site',
  'POST /api/auth/login',
  'POST /api/auth/logout',
  // SPID/CIE: the way in for citizens (off unless OIDC_* is configured).
  'GET /api/auth/spid/start',
  'GET /api/auth/spid/callback',
  'GET /api/ambiti',
  'GET /api/comuni',
  'GET /api/comuni/:code',
  'GET /api/intervention-types',
  'POST /api/volunteers/offers',
  'GET /api/open-data',
  'GET /api/open-data/:year/:territory/:dataset.csv',
  // The published annual social reports (frozen versions, aggregates after disclosure control).
  'GET /api/social-reports',
  'GET /api/social-reports/:year/:territory',
  'GET /api/social-reports/:year/:territory/report.pdf',
  // The service catalogue (seed 001) and its Open Referral HSDS 3.0 API: approved services only.
  'GET /api/catalog/categories',
  'GET /api/services',
  'GET /api/services/:id',
  'GET /api/access-points',
  'GET /api/hsds/services',
  'GET /api/hsds/services/:id',
  'GET /api/hsds/organizations',
  'GET /api/hsds/organizations/:id',
  'GET /api/hsds/service_at_locations',
  'GET /api/hsds/taxonomies',
  'GET /api/hsds/taxonomy_terms',
  // INPS's "Welfare as a Service" client has no session: it presents the comune's key
  // (Authorization: Bearer), checked by the siuss module, which answers 401 without a valid one.
  'GET /api/siuss/waas/flussi',
  'POST /api/siuss/waas/esiti',
  'GET /api/siuss/waas/status',
  // The register of the commons, the collaboration pacts in force and the co-design calls (issue 13).
  'GET /api/commons',
  'GET /api/public/pacts',
  'GET /api/public/codesign/calls',
]);

function isPublic(request: FastifyRequest): boolean {
  const url = request.routeOptions.url ?? '';
  const method = request.method === 'HEAD' ? 'GET' : request.method;
  return url.startsWith('/api/docs') || PUBLIC_ROUTES.has(`${method} ${url}`);
}

/**
 * Installs the input door on the app: validators, bounds, the session check before parsing, and
 * the refusal of unstorable text and numbers. Call it after the hook that loads the session and
 * before any route is registered.
 */
export function installInputGuards(app: FastifyInstance): void {
  const compilers = AjvCompiler();
  const onCreate = (ajv: { addKeyword(definition: typeof trimKeyword): unknown }) => {
    ajv.addKeyword(trimKeyword);
  };
  const bodyValidator = compilers({}, { customOptions: { ...AJV_OPTIONS, coerceTypes: false }, onCreate });
  const textValidator = compilers({}, { customOptions: { ...AJV_OPTIONS, coerceTypes: 'array' }, onCreate });
  app.setValidatorCompiler((route) =>
    route.httpPart === 'body' ? bodyValidator(route) : textValidator(route),
  );

  app.addHook('onRoute', (route: RouteOptions) => {
    const schema = route.schema as FastifySchema | undefined;
    if (!schema) return;
    for (const part of [schema.body, schema.querystring, schema.params]) boundIntegers(part);
  });

  // Before parsing: an anonymous request to a route that needs a session learns only that.
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/') || request.is404 || isPublic(request)) return;
    if (!request.ctx.actor) throw unauthenticated();
  });

  app.addHook('preValidation', async (request) => {
    const problem =
      findUnstorable(request.params, []) ??
      findUnstorable(request.query, []) ??
      findUnstorable(request.body, []);
    if (problem) throw refusal(problem);
  });
}
