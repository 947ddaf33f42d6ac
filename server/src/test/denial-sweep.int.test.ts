import { afterAll, describe, expect, it } from 'vitest';
import type { SQL } from 'drizzle-orm';
import type { Role } from '../platform/access/roles.js';
import { systemContext } from '../platform/context.js';
import { queryRows } from '../platform/db/database.js';
import { seedDemo } from '../modules/demo/demo.seed.js';
import { setupTestEnv, type Session, type TestScope } from './harness.js';
import { sampleOf, type JsonSchema } from './openapi-sample.js';
import {
  KNOWN_GAPS,
  rowsOf,
  SWEEP,
  type DemoLogin,
  type PathParams,
  type SweepData,
  type SweepEntry,
} from './denial-sweep.table.js';

const DEMO_DOMAIN = '@demo.legami.it';

/*
 * The denial sweep (issue 7): for EVERY operation of the OpenAPI document, anonymous → 401, a role
 * without the capability → 403, a user of another Ambito with an id of the Ambito Cremonese → 404
 * with the record unchanged, and lists without another territory's rows. What each operation needs
 * is its entry in denial-sweep.table.ts; an operation without one fails here. Runs on the demo data.
 */

const env = await setupTestEnv({ jobs: false });
await seedDemo(systemContext(env.database));

interface Operation {
  key: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  parameters: { name: string; in: string; required?: boolean; schema?: JsonSchema }[];
  body?: { contentType: string; schema?: JsonSchema };
}

const doc = (await env.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: Operation['parameters'];
        requestBody?: { content: Record<string, { schema?: JsonSchema }> };
      }
    >
  >;
}>();
const operations: Operation[] = Object.entries(doc.paths).flatMap(([path, methods]) =>
  Object.entries(methods)
    .filter(([m]) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
    .map(([m, op]) => {
      const [contentType, media] = Object.entries(op.requestBody?.content ?? {})[0] ?? [];
      return {
        key: `${m.toUpperCase()} ${path}`,
        method: m.toUpperCase() as Operation['method'],
        path,
        parameters: op.parameters ?? [],
        ...(contentType ? { body: { contentType, schema: media?.schema } } : {}),
      };
    }),
);
const byKey = new Map(operations.map((op) => [op.key, op]));
const entryOf = (op: Operation): SweepEntry => SWEEP[op.key] ?? {};

const sessions = new Map<string, Promise<Session>>();
/** One logged-in user per role and territory (or the demo login), shared by the whole sweep. */
function sessionOf(who: Role | DemoLogin, ambito: 'CREMONA' | 'CREMA'): Promise<Session> {
  if (who.endsWith(DEMO_DOMAIN)) {
    if (!sessions.has(who)) sessions.set(who, env.login(who, 'legami-demo'));
    return sessions.get(who)!;
  }
  const role = who as Role;
  const scope: TestScope =
    role === 'cittadino'
      ? { type: 'comune', id: ambito === 'CREMONA' ? '019036' : '019035' }
      : { type: 'ambito', id: ambito };
  const key = `${role}@${ambito}`;
  if (!sessions.has(key)) sessions.set(key, env.loginAs(role, scope));
  return sessions.get(key)!;
}

const data: SweepData = {
  env,
  async id(query: SQL) {
    const [row] = await queryRows<{ id: string }>(env.database.db, query);
    if (!row) throw new Error('the sweep found no row for an entry’s query in the demo data');
    return row.id;
  },
  session: (who) => sessionOf(who, 'CREMONA'),
  async api(who, method, url, body) {
    const response = await env.app.inject({
      method,
      url,
      headers: (await sessionOf(who, 'CREMONA')).headers,
      ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
    });
    if (response.statusCode >= 300)
      throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
    return response.json();
  },
};

function urlOf(op: Operation, entry: SweepEntry, params: PathParams = {}, query?: PathParams): string {
  const path = op.path.replace(
    /\{([^}]+)\}/g,
    (_, name: string) =>
      params[name] ?? String(sampleOf(op.parameters.find((p) => p.name === name && p.in === 'path')?.schema)),
  );
  const search = new URLSearchParams(
    query ??
      entry.query ??
      Object.fromEntries(
        op.parameters
          .filter((p) => p.in === 'query' && p.required)
          .map((p) => [p.name, String(sampleOf(p.schema))]),
      ),
  );
  return search.size ? `${path}?${search}` : path;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Calls the operation as `session` (or anonymously) with the entry's input or the schema's smallest. */
async function call(
  op: Operation,
  session: Session | null,
  params?: PathParams,
  query?: PathParams,
  named?: unknown,
) {
  const entry = entryOf(op);
  const contentType = entry.contentType ?? op.body?.contentType;
  const sample = op.body ? sampleOf(op.body.schema) : undefined;
  const given = isObject(entry.body) && isObject(named) ? { ...entry.body, ...named } : (named ?? entry.body);
  const body = isObject(given) && isObject(sample) ? { ...sample, ...given } : (given ?? sample);
  return env.app.inject({
    method: op.method,
    url: urlOf(op, entry, params, query),
    headers: { ...session?.headers, ...(contentType ? { 'content-type': contentType } : {}) },
    ...(body === undefined ? {} : { payload: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
}

const counts = { anonymous: 0, forbidden: 0, foreign: 0, lists: 0, exempt: 0, gaps: 0 };
afterAll(() => {
  const covered = operations.filter((op) => op.key in SWEEP).length;
  console.log(
    `denial sweep: ${covered}/${operations.length} operations covered (401: ${counts.anonymous}, ` +
      `403: ${counts.forbidden}, 404: ${counts.foreign}, lists: ${counts.lists}, ` +
      `territory-exempt: ${counts.exempt}, known gaps: ${counts.gaps})`,
  );
});

describe('denial sweep: the table', () => {
  it('has an entry for every operation of the OpenAPI document', () => {
    const missing = operations.filter((op) => !(op.key in SWEEP)).map((op) => op.key);
    expect(
      missing,
      'add each to SWEEP in server/src/test/denial-sweep.table.ts: who is refused it and how another Ambito is kept out',
    ).toEqual([]);
  });

  it('has entries only for operations that exist', () => {
    expect(Object.keys({ ...SWEEP, ...KNOWN_GAPS }).filter((key) => !byKey.has(key))).toEqual([]);
  });

  it('says for every non-public operation who is refused it', () => {
    const silent = Object.entries(SWEEP)
      .filter(([, e]) => !e.public && !e.deny)
      .map(([key]) => key);
    expect(silent, 'each needs `deny`: a role refused it, or { none: why }').toEqual([]);
  });

  it('says for every non-public operation how another Ambito is kept out', () => {
    const territories = (e: SweepEntry) => [e.owned, e.list, e.exempt].filter(Boolean).length;
    const unsaid = Object.entries(SWEEP)
      .filter(([key, e]) => !e.public && territories(e) !== (key in KNOWN_GAPS ? 0 : 1))
      .map(([key]) => key);
    expect(unsaid, 'each needs one of owned / list / exempt, or else a KNOWN_GAPS reason').toEqual([]);
    counts.exempt = Object.values(SWEEP).filter((e) => !e.public && e.exempt).length;
    counts.gaps = Object.keys(KNOWN_GAPS).length;
  });
});

describe('denial sweep: anonymous', () => {
  it('answers 401 to every non-public operation', async () => {
    const wrong: string[] = [];
    for (const op of operations.filter((o) => !entryOf(o).public)) {
      const response = await call(op, null);
      if (response.statusCode === 401) counts.anonymous += 1;
      else
        wrong.push(
          `${op.key} answered ${response.statusCode} without a session: make it require a session, or — if it is ` +
            `public on purpose — give its entry in server/src/test/denial-sweep.table.ts a \`public\` reason`,
        );
    }
    expect(wrong).toEqual([]);
  });
});

describe('denial sweep: a role without the capability', () => {
  it('answers 403 to every operation a role lacks', async () => {
    const wrong: string[] = [];
    for (const op of operations) {
      const { deny } = entryOf(op);
      if (typeof deny !== 'string') continue;
      const response = await call(op, await sessionOf(deny, 'CREMONA'));
      if (response.statusCode === 403) counts.forbidden += 1;
      else wrong.push(`${op.key} as ${deny}: ${response.statusCode} ${response.body.slice(0, 160)}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('denial sweep: another Ambito', () => {
  it('answers 404 to a user of the Cremasco for a record of the Cremonese, which is unchanged', async () => {
    const wrong: string[] = [];
    for (const op of operations) {
      const { owned } = entryOf(op);
      if (!owned) continue;
      const params = await owned.params(data).catch((error: Error) => {
        wrong.push(`${op.key}: its entry's params failed: ${error.message}`);
      });
      if (!params) continue;
      const reread = byKey.get(owned.reread?.op ?? `GET ${op.path}`);
      if (!reread) {
        wrong.push(`${op.key}: no GET of the same path; give its entry owned.reread.op`);
        continue;
      }
      const home = owned.of ?? 'CREMONA';
      const away = home === 'CREMONA' ? 'CREMA' : 'CREMONA';
      const owner = await sessionOf(owned.reread?.as ?? owned.as, home);
      const readParams = (await owned.reread?.params?.(data)) ?? params;
      // A query naming the record goes with the re-read too when it is the operation itself.
      const query = owned.query?.(params);
      const readQuery = reread === op ? query : undefined;
      const before = await call(reread, owner, readParams, readQuery);
      if (before.statusCode !== 200) {
        wrong.push(
          `${op.key}: the owner's ${reread.key} answered ${before.statusCode}: not a record of theirs`,
        );
        continue;
      }
      const response = await call(
        op,
        await sessionOf(owned.foreign ?? owned.as, away),
        params,
        query,
        owned.body?.(params),
      );
      const after = await call(reread, owner, readParams, readQuery);
      if (response.statusCode !== (owned.refused?.status ?? 404))
        wrong.push(
          `${op.key} as ${owned.as} of the ${away}: ${response.statusCode} ${response.body.slice(0, 160)}`,
        );
      else if (after.body !== before.body)
        wrong.push(`${op.key}: the record changed though the answer was 404`);
      else counts.foreign += 1;
    }
    expect(wrong).toEqual([]);
  });
});

describe('denial sweep: lists', () => {
  it('show a user of the Cremasco no row the same role sees over the Cremonese', async () => {
    const wrong: string[] = [];
    for (const op of operations) {
      const { list } = entryOf(op);
      if (!list) continue;
      const query = await list.query?.(data);
      const [own, foreign] = await Promise.all(
        (['CREMONA', 'CREMA'] as const).map(async (ambito, i) =>
          call(op, await sessionOf(list.logins?.[i] ?? list.as, ambito), {}, query),
        ),
      );
      if (own!.statusCode !== 200 || foreign!.statusCode !== 200) {
        wrong.push(
          `${op.key} as ${list.as}: ${own!.statusCode} over the Cremonese, ${foreign!.statusCode} over the Cremasco`,
        );
        continue;
      }
      const rows = list.rows ?? rowsOf;
      const ownIds = new Set(rows(own!.body).map((row) => JSON.stringify(row.id)));
      const foreignRows = rows(foreign!.body);
      const shared = foreignRows.filter((row) => ownIds.has(JSON.stringify(row.id)));
      // Disjoint lists prove it both ways; at least one must hold rows for that to mean anything.
      if (ownIds.size === 0 && foreignRows.length === 0)
        wrong.push(`${op.key} as ${list.as}: both lists are empty, nothing is proved`);
      else if (shared.length > 0)
        wrong.push(`${op.key}: the Cremasco and the Cremonese both see ${shared.length} rows`);
      else counts.lists += 1;
    }
    expect(wrong).toEqual([]);
  });
});
