import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { Role } from '../platform/access/roles.js';
import { openPglite, openPostgres, type Database } from '../platform/db/database.js';
import { hashPassword } from '../modules/accounts/accounts.passwords.js';
import { insertMembership, insertUser } from '../modules/accounts/accounts.repository.js';
import { templateDumpPath, templateName } from './test-database.js';

/*
 * The real server as a child process (`node --import tsx server/src/main.ts`), for the tests that
 * kill it, cut its database or run two of it: crash, database faults, several instances, backups.
 */

const REPO_DIR = fileURLToPath(new URL('../../..', import.meta.url));
export const PROCESS_PASSWORD = 'password-di-prova';

function serverUrl(database: string): string {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${database}`;
  return url.toString();
}

/** One statement on the server's maintenance database (`postgres`). */
export async function onServer(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl('postgres') });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Where a server process keeps its data: a PostgreSQL database or a PGlite data directory. */
export interface ProcessDatabase {
  kind: 'postgres' | 'pglite';
  /** PostgreSQL: the database's name and URL. */
  name?: string;
  databaseUrl?: string;
  /** PGlite: the server's DATA_DIR (the data directory is `<dataDir>/pglite`). */
  dataDir?: string;
  /** Opens it from the test (PGlite: only while no server process has it open). */
  open(): Promise<Database>;
  drop(): Promise<void>;
}

/** A fresh copy of the run's migrated template, for servers started as processes. */
export async function prepareProcessDatabase(): Promise<ProcessDatabase> {
  if (process.env.DATABASE_URL) {
    const name = `legami_p_${randomBytes(6).toString('hex')}`;
    await onServer(`CREATE DATABASE ${name} TEMPLATE ${templateName()}`);
    const databaseUrl = serverUrl(name);
    return {
      kind: 'postgres',
      name,
      databaseUrl,
      open: () => openPostgres(databaseUrl, 4),
      drop: () => onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
    };
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'legami-process-'));
  const client = await PGlite.create(join(dataDir, 'pglite'), {
    loadDataDir: new Blob([await readFile(templateDumpPath())]),
  });
  await client.close();
  return {
    kind: 'pglite',
    dataDir,
    open: () => openPglite(join(dataDir, 'pglite')),
    drop: () => rm(dataDir, { recursive: true, force: true }),
  };
}

/** Creates a user with one role (default over the Ambito Cremonese), password PROCESS_PASSWORD. */
export async function createProcessUser(
  database: Database,
  role: Role,
  options: { scope?: 'all' | 'ambito'; organizationId?: string | null } = {},
): Promise<string> {
  const email = `${role}.${randomBytes(4).toString('hex')}@test.legami.it`;
  const passwordHash = await hashPassword(PROCESS_PASSWORD);
  await database.db.transaction(async (tx) => {
    const user = await insertUser(tx, {
      email,
      fullName: `Utente ${role}`,
      passwordHash,
      mustChangePassword: false,
    });
    await insertMembership(tx, user.id, {
      organizationId: options.organizationId ?? null,
      role,
      scopeType: options.scope === 'all' ? 'all' : 'ambito',
      scopeId: options.scope === 'all' ? null : 'CREMONA',
    });
  });
  return email;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Every line the server wrote to stdout (pino JSON). */
  lines: string[];
  /** Resolves with the exit code (or signal) when the process ends. */
  exited: Promise<number | string>;
  alive(): boolean;
  /** SIGKILL: no shutdown, no flush — a crash. Resolves when the process is gone. */
  crash(): Promise<void>;
  /** SIGTERM: graceful shutdown. */
  stop(): Promise<void>;
}

/**
 * Starts `server/src/main.ts` on the database, on a free port of 127.0.0.1, without demo data, and
 * resolves once `/api/health` answers 200. @throws with the server's output when it exits first.
 */
export async function startServerProcess(
  database: ProcessDatabase,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    SEED_DEMO: 'false',
    LOG_LEVEL: 'info',
    WEB_DIST_DIR: join(REPO_DIR, 'no-web-app'),
    ...env,
  };
  delete childEnv.DATABASE_URL;
  if (database.databaseUrl) childEnv.DATABASE_URL = database.databaseUrl;
  if (database.dataDir) childEnv.DATA_DIR = database.dataDir;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: REPO_DIR,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let buffered = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    buffered += chunk;
    const parts = buffered.split('\n');
    buffered = parts.pop()!;
    lines.push(...parts);
  });
  const errors: string[] = [];
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => errors.push(chunk));
  let exitedWith: number | string | null = null;
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => {
      exitedWith = code ?? signal ?? 'unknown';
      resolve(exitedWith);
    }),
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (exitedWith !== null)
      throw new Error(`the server exited (${exitedWith}) before answering: ${errors.join('')}`);
    const up = await fetch(`${url}/api/health`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server did not answer in time: ${errors.join('')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const alive = () => exitedWith === null;
  return {
    url,
    child,
    lines,
    exited,
    alive,
    crash: async () => {
      if (!alive()) return;
      child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (!alive()) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A browser-like client of a server process: the session cookie and the CSRF token. */
export class HttpClient {
  private cookie = '';
  private csrf = '';
  constructor(private base: string) {}

  /** Points the same session at another instance. */
  on(base: string): HttpClient {
    const other = new HttpClient(base);
    other.cookie = this.cookie;
    other.csrf = this.csrf;
    return other;
  }

  async login(email: string, password = PROCESS_PASSWORD): Promise<{ status: number; body: unknown }> {
    const response = await this.send('POST', '/api/auth/login', { email, password });
    return response;
  }

  async send(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: unknown; headers: Headers }> {
    const headers: Record<string, string> = {};
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf) headers['x-csrf-token'] = this.csrf;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('legami_session='));
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // Not JSON: kept as text.
    }
    if (path === '/api/auth/login' && response.status === 200)
      this.csrf = (parsed as { csrfToken: string }).csrfToken;
    return { status: response.status, body: parsed, headers: response.headers };
  }
}
