import { describe, expect, it } from 'vitest';
import { queryRows, sql } from '../db/database.js';
import { CREMONA, setupTestEnv } from '../../test/harness.js';
import { insertMembership } from '../../modules/accounts/accounts.repository.js';
import { ROLES } from '../access/roles.js';

/*
 * Malformed input over the whole API, read from its OpenAPI document: every write route gets its
 * body, path parameters and query string broken field by field (NUL bytes, lone surrogates, blank
 * text, wrong types, non-finite and out-of-range numbers, broken JSON), every list route its query
 * string. Every answer must be a 4xx (or a 2xx the input allows) in the one error shape, never a
 * 5xx, and a refusal must leave every table as it was. Deterministic: a fixed seed picks the
 * mutations, and the number of requests is bounded.
 */

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minimum?: number;
  minLength?: number;
  minItems?: number;
  default?: unknown;
};
type Operation = {
  parameters?: { in: string; name: string; schema: JsonSchema; required?: boolean }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
};

// mulberry32: a small seeded generator, so a failure can be replayed exactly.
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = random(20261201);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;

const env = await setupTestEnv();
// One user holding every staff role over the whole region, so that no route stops at 403 before
// reaching the code that reads its input.
const everyone = await env.buildUser({ role: 'amministratore', scope: { type: 'all' } });
for (const role of ROLES.filter((r) => r !== 'amministratore' && r !== 'cittadino')) {
  await insertMembership(env.database.db, everyone.id, {
    organizationId: null,
    role,
    scopeType: 'all',
    scopeId: null,
  });
}
const admin = await env.login(everyone.email);

// Real records for the path parameters, so that mutations reach the handlers' writes.
const personId = await env.buildPerson();
const organizationId = (
  await env.app.inject({
    method: 'POST',
    url: '/api/organizations',
    headers: admin.headers,
    payload: { name: 'AUSER fuzz', kind: 'association', ambitoId: 'CREMONA', comuneCode: null },
  })
).json<{ id: string }>().id;
const volunteerId = await env.buildVolunteer({ organizationId });
// Another user: resetting the fuzzing user's own password would close its session.
const user = await env.buildUser({ role: 'operatore' });
const FIXTURES: [RegExp, string][] = [
  [/^\/api\/people\//, personId],
  [/^\/api\/volunteers\/\{id\}/, volunteerId],
  [/^\/api\/organizations\//, organizationId],
  [/^\/api\/users\//, user.id],
  [/^\/api\/intervention-types\//, 'groceries_medicines'],
  [/^\/api\/comuni\//, CREMONA],
];
const NIL_UUID = '00000000-0000-0000-0000-000000000000';
const fixtureFor = (path: string) => FIXTURES.find(([re]) => re.test(path))?.[1] ?? NIL_UUID;

/** A value the schema accepts, as far as a simple reading of it goes. */
function sample(schema: JsonSchema, depth = 0): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return sample(union.find((s) => s.type !== 'null') ?? union[0]!, depth);
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((s) => sample(s, depth)));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, prop] of Object.entries(schema.properties ?? {})) {
        if (depth < 4) out[key] = sample(prop, depth + 1);
      }
      return out;
    }
    case 'array':
      return schema.items && depth < 4
        ? Array.from({ length: schema.minItems ?? 1 }, () => sample(schema.items!, depth + 1))
        : [];
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'string':
      if (schema.format === 'uuid') return NIL_UUID;
      if (schema.format === 'date') return '2026-12-01';
      if (schema.format === 'date-time') return '2026-12-01T10:00:00Z';
      if (schema.format === 'email') return 'fuzz@test.legami.it';
      if (schema.pattern?.includes('[0-9]{6}')) return CREMONA;
      if (schema.pattern?.includes(':')) return '10:00';
      return 'Testo di prova'.padEnd(schema.minLength ?? 0, 'x');
    default:
      return 'x';
  }
}

// Raw JSON fragments: some (1e999, 1e20) have no JavaScript literal that survives JSON.stringify.
const STRING_MUTATIONS = ['"a\\u0000b"', '"\\ud800x"', '"x\\udc00"', '"   "', '12345', '["x"]', '{}', 'true'];
const NUMBER_MUTATIONS = [
  '"Infinity"',
  '"1e999"',
  '1e999',
  '-1e999',
  '2147483648',
  '-2147483649',
  '1e20',
  '"12"',
  '1.5',
  '"\\u0000"',
];
const OTHER_MUTATIONS = ['"\\u0000"', '"\\ud800"', 'null', '[]', '"x"', '1e999'];
const BODY_MUTATIONS = ['{"a":', '', 'null', '[]', '"x"', '{"\\u0000":1}', `{"x":${'['.repeat(2000)}`];
const PARAM_MUTATIONS = [
  '%00',
  '%ED%A0%80',
  'not-an-id',
  NIL_UUID,
  'x'.repeat(3000),
  '1e999',
  '%F0%28%8C%28',
];
const QUERY_MUTATIONS: [string, string][] = [
  ['limit', 'Infinity'],
  ['limit', '1e999'],
  ['limit', '-1'],
  ['limit', '1e20'],
  ['offset', '1e20'],
  ['offset', 'Infinity'],
  ['offset', '2147483648'],
  ['q', '%00'],
  ['q', '%ED%A0%80'],
  ['q', 'a%00b'],
  ['version', '2147483648'],
];

function leaves(
  schema: JsonSchema,
  path: string[] = [],
  depth = 0,
): { path: string[]; schema: JsonSchema }[] {
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return leaves(union.find((s) => s.type !== 'null') ?? union[0]!, path, depth);
  if (schema.type === 'object' && schema.properties && depth < 4) {
    return Object.entries(schema.properties).flatMap(([k, s]) => leaves(s, [...path, k], depth + 1));
  }
  if (schema.type === 'array' && schema.items && depth < 4)
    return leaves(schema.items, [...path, '0'], depth + 1);
  return [{ path, schema }];
}

/** The sample as JSON text with the value at `path` replaced by a raw JSON fragment. */
function withRaw(body: unknown, path: string[], raw: string): string {
  const marker = '"__FUZZ_MARKER__"';
  const copy = structuredClone(body) as Record<string, unknown>;
  let node: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    if (!node[key] || typeof node[key] !== 'object') node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path.at(-1)!] = '__FUZZ_MARKER__';
  return JSON.stringify(copy).replace(marker, raw);
}

const tables = (
  await queryRows<{ table_name: string }>(
    env.database.db,
    sql`SELECT table_name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  )
).map((t) => t.table_name);
// Sessions (last seen) and rate-limit counters are bookkeeping of every request, not submitted data.
const watched = tables.filter((t) => !['sessions', 'rate_limit_hits'].includes(t));
const countQuery = sql.raw(
  `SELECT ${watched.map((t) => `(SELECT count(*) FROM "${t}")::int AS "${t}"`).join(', ')}`,
);
const counts = async () => (await queryRows<Record<string, number>>(env.database.db, countQuery))[0]!;

/** `{ error: { code, message } }`, with code and message strings. */
/**
 * Our one error shape; INPS's WaaS API (/api/siuss/waas/) answers problem+json instead, as its
 * specification (waas-api-comuni.yaml) declares for its clients.
 */
function inErrorShape(url: string, body: string): boolean {
  try {
    if (url.startsWith('/api/siuss/waas/')) {
      const problem = JSON.parse(body) as { status?: unknown; title?: unknown; detail?: unknown };
      return (
        typeof problem.status === 'number' &&
        typeof problem.title === 'string' &&
        typeof problem.detail === 'string'
      );
    }
    const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } };
    return typeof parsed.error?.code === 'string' && typeof parsed.error.message === 'string';
  } catch {
    return false;
  }
}

interface Case {
  method: string;
  url: string;
  payload?: string;
  contentType?: string;
  label: string;
}

const doc = (await env.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
  paths: Record<string, Record<string, Operation>>;
}>();

// Routes whose side effects would end the fuzzing session itself.
const SKIPPED = new Set(['POST /api/auth/logout', 'POST /api/auth/password']);

function casesFor(path: string, method: string, op: Operation): Case[] {
  const upper = method.toUpperCase();
  const url = path.replace(/\{[^}]+\}/g, () => fixtureFor(path));
  const out: Case[] = [];
  const params = op.parameters ?? [];
  const pathParams = params.filter((p) => p.in === 'path');
  const query = params.filter((p) => p.in === 'querystring' || p.in === 'query');
  const jsonBody = op.requestBody?.content['application/json']?.schema;
  const baseQuery = query
    .filter((p) => p.required)
    .map((p) => `${p.name}=${encodeURIComponent(String(sample(p.schema)))}`)
    .join('&');
  const withQuery = (extra: string) => `${url}?${[baseQuery, extra].filter(Boolean).join('&')}`;
  const body = jsonBody ? sample(jsonBody) : undefined;
  const payload = body === undefined ? undefined : JSON.stringify(body);

  const sampleOf = <T>(items: readonly T[], n: number): T[] => [
    items[0]!,
    ...Array.from({ length: n - 1 }, () => pick(items.slice(1))),
  ];
  for (const param of pathParams) {
    for (const bad of sampleOf(PARAM_MUTATIONS, 2)) {
      const broken = path.replace(/\{[^}]+\}/g, (m) => (m === `{${param.name}}` ? bad : fixtureFor(path)));
      out.push({ method: upper, url: broken, payload, label: `path ${param.name}=${bad.slice(0, 20)}` });
    }
  }
  // List routes get every query-string mutation; the others a few, since they ignore a query string.
  const isList = query.some((p) => p.name === 'limit');
  for (const [name, value] of isList ? QUERY_MUTATIONS : sampleOf(QUERY_MUTATIONS, 2)) {
    out.push({ method: upper, url: withQuery(`${name}=${value}`), payload, label: `query ${name}=${value}` });
  }
  for (const p of query) {
    const value = pick(['%00', '%ED%A0%80', 'Infinity', '1e999', '   ', '2147483648']);
    out.push({
      method: upper,
      url: withQuery(`${p.name}=${value}`),
      payload,
      label: `query ${p.name}=${value}`,
    });
  }
  if (jsonBody) {
    for (const raw of sampleOf(BODY_MUTATIONS, 3))
      out.push({ method: upper, url: withQuery(''), payload: raw, label: `body ${raw.slice(0, 20)}` });
    out.push({
      method: upper,
      url: withQuery(''),
      payload: 'a=1',
      contentType: 'text/plain',
      label: 'body as text/plain',
    });
    for (const leaf of leaves(jsonBody)) {
      if (leaf.path.length === 0) continue;
      const type = Array.isArray(leaf.schema.type) ? leaf.schema.type[0] : leaf.schema.type;
      const pool =
        type === 'string'
          ? STRING_MUTATIONS
          : type === 'integer' || type === 'number'
            ? NUMBER_MUTATIONS
            : OTHER_MUTATIONS;
      // One mutation per field, drawn among the first four of its kind (the ones that used to
      // reach the database); the seed decides which.
      for (const raw of [pick(pool.slice(0, 4))]) {
        out.push({
          method: upper,
          url: withQuery(''),
          payload: withRaw(body, leaf.path, raw),
          label: `${leaf.path.join('.')}=${raw}`,
        });
      }
    }
  }
  return out;
}

const allCases: Case[] = [];
for (const [path, ops] of Object.entries(doc.paths)) {
  for (const [method, op] of Object.entries(ops)) {
    const upper = method.toUpperCase();
    if (SKIPPED.has(`${upper} ${path}`) || !['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(upper))
      continue;
    // List routes get their query strings broken; reads of one record only their parameters.
    allCases.push(...casesFor(path, method, op));
  }
}

if (process.env.FUZZ_DEBUG) console.log('cases', allCases.length, 'tables', watched.length);
describe('malformed input over the OpenAPI document', () => {
  it('covers every write route of the document', () => {
    const writes = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.keys(ops)
        .filter((m) => m !== 'get')
        .map((m) => `${m.toUpperCase()} ${p}`),
    );
    const tested = new Set(allCases.map((c) => `${c.method} ${c.url}`));
    expect(writes.length).toBeGreaterThan(30);
    expect(tested.size).toBeGreaterThan(writes.length);
  });

  it(
    'answers every malformed request with a 4xx in one shape and writes nothing on refusal',
    { timeout: 180_000 },
    async () => {
      const started = Date.now();
      const failures: string[] = [];
      let before = await counts();
      let refused = 0;
      const statuses: Record<number, number> = {};
      let i = 0;
      for (const c of allCases) {
        i += 1;
        const response = await env.app.inject({
          method: c.method as 'POST',
          url: c.url,
          headers: {
            ...admin.headers,
            ...(c.payload !== undefined ? { 'content-type': c.contentType ?? 'application/json' } : {}),
          },
          payload: c.payload,
          // A different address each time, so public forms' rate limits do not hide the routes.
          remoteAddress: `127.0.${(i >> 8) & 255}.${i & 255}`,
        });
        statuses[response.statusCode] = (statuses[response.statusCode] ?? 0) + 1;
        const what = `${c.method} ${c.url.slice(0, 80)} [${c.label}] → ${response.statusCode}`;
        if (response.statusCode >= 500) failures.push(`${what} ${response.body.slice(0, 200)}`);
        if (response.statusCode >= 400) {
          refused += 1;
          if (!inErrorShape(c.url, response.body))
            failures.push(`${what} not in the error shape: ${response.body.slice(0, 120)}`);
        }
        const after = await counts();
        // A refused login is recorded on purpose (lockout and audit): the one write a refusal makes.
        if (response.statusCode >= 400 && !c.url.startsWith('/api/auth/login')) {
          const changed = watched.filter((t) => after[t] !== before[t]);
          if (changed.length) failures.push(`${what} refused but changed ${changed.join(', ')}`);
        }
        before = after;
      }
      if (process.env.FUZZ_DEBUG) {
        console.log(failures.join('\n'), Date.now() - started, 'ms');
        console.log(JSON.stringify(statuses));
      }
      expect(failures).toEqual([]);
      // The mutations are meant to be refused: most must be.
      expect(refused).toBeGreaterThan(allCases.length * 0.8);
    },
  );
});

describe('anonymous malformed requests', () => {
  it('get 401 on protected routes before their input is read', async () => {
    const answers = await Promise.all(
      [
        { method: 'POST', url: '/api/people', payload: '{"a":' },
        { method: 'POST', url: '/api/requests', payload: '{"givenName":"\\u0000"}' },
        { method: 'GET', url: '/api/people?limit=Infinity' },
        { method: 'PUT', url: '/api/people/not-an-id', payload: '[]' },
      ].map((r) =>
        env.app.inject({
          method: r.method as 'POST',
          url: r.url,
          payload: r.payload,
          headers: r.payload ? { 'content-type': 'application/json' } : {},
        }),
      ),
    );
    expect(answers.map((a) => [a.statusCode, a.json().error.code])).toEqual(
      Array(4).fill([401, 'UNAUTHENTICATED']),
    );
  });
});
