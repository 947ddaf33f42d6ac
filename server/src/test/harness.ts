import { afterAll } from 'vitest';
import type { Role } from '../platform/access/roles.js';
import { systemContext, type Settings } from '../platform/context.js';
import { pgArray, queryRows, sql, type Database } from '../platform/db/database.js';
import { buildLegamiApp } from '../app.js';
import { startJobRunner, type JobRunner } from '../platform/jobs/jobs.js';
import { jobDefinitions } from '../modules/jobs.js';
import { logChannel } from '../modules/notifications/notifications.channels.js';
import type { App } from '../platform/http/types.js';
import { hashPassword } from '../modules/accounts/accounts.passwords.js';
import { insertMembership, insertUser } from '../modules/accounts/accounts.repository.js';
import { insertPerson } from '../modules/people/people.repository.js';
import { searchNameOf } from '../modules/people/people.rules.js';
import { CodiceFiscale } from '../modules/people/codice-fiscale.js';
import { createTestDatabase } from './test-database.js';

export const TEST_PASSWORD = 'password-di-prova';
const passwordHash = hashPassword(TEST_PASSWORD);

// Real comuni from the template: Cremona (Ambito Cremonese) and Crema (Ambito Cremasco).
export const CREMONA = '019036';
export const CREMA = '019035';

export type TestScope = { type: 'all' } | { type: 'ambito'; id: string } | { type: 'comune'; id: string };

export interface TestEnv {
  app: App;
  database: Database;
  /** This file's job runner (notifications go to a silent log), or null with `{ jobs: false }`. */
  jobs: JobRunner | null;
  /** Makes a user with one role over a territory (default: the Ambito Cremonese). */
  buildUser(options: {
    role: Role;
    scope?: TestScope;
    email?: string;
  }): Promise<{ id: string; email: string }>;
  /** Logs in through HTTP and returns what a browser would send back. */
  login(email: string, password?: string): Promise<Session>;
  /** A user of that role, logged in. */
  loginAs(role: Role, scope?: TestScope): Promise<Session>;
  /** Inserts a made-up person directly (no audit), in the given comune (default Cremona). */
  buildPerson(options?: {
    comune?: string;
    givenName?: string;
    familyName?: string;
    birthDate?: string;
  }): Promise<string>;
  /** Inserts an approved volunteer available every day 07:00–21:00 (default: with car, in Cremona). */
  buildVolunteer(options: {
    organizationId: string | null;
    userId?: string | null;
    comune?: string;
    zones?: string[];
    hasCar?: boolean;
    healthTraining?: boolean;
    maxTasksPerDay?: number;
  }): Promise<string>;
}

export interface Session {
  cookie: string;
  csrf: string;
  userId: string;
  headers: Record<string, string>;
}

let sequence = 0;

/**
 * A fresh database and app for one test file, closed after its tests, with a job runner as every
 * instance has (`{ jobs: false }`: none, for tests that drive the queue themselves).
 */
export async function setupTestEnv(
  settings: Partial<Settings> & { jobs?: boolean } = {},
  appOptions: { trustProxy?: string[]; logStream?: { write(line: string): void } } = {},
): Promise<TestEnv> {
  const { jobs: withJobs = true, ...appSettings } = settings;
  const database = await createTestDatabase();
  const app = await buildLegamiApp({
    database,
    settings: { production: false, sessionTtlHours: 12, ...appSettings },
    logLevel: appOptions.logStream ? 'info' : 'silent',
    ...appOptions,
  });
  const jobs = withJobs
    ? startJobRunner(database, jobDefinitions({ channel: logChannel(app.log) }), {
        log: app.log,
        pollMs: 200,
        staleCheckSeconds: 1,
      })
    : null;
  afterAll(async () => {
    await jobs?.stop();
    await app.close();
    await database.close();
  });
  const sys = systemContext(database);

  const buildUser: TestEnv['buildUser'] = async ({
    role,
    scope = { type: 'ambito', id: 'CREMONA' },
    email,
  }) => {
    sequence += 1;
    const address = email ?? `${role}.${sequence}.${Date.now()}@test.legami.it`;
    return sys.database.db.transaction(async (tx) => {
      const user = await insertUser(tx, {
        email: address,
        fullName: `Utente ${role} ${sequence}`,
        passwordHash: await passwordHash,
        mustChangePassword: false,
      });
      await insertMembership(tx, user.id, {
        organizationId: null,
        role,
        scopeType: scope.type,
        scopeId: scope.type === 'all' ? null : scope.id,
      });
      return { id: user.id, email: address };
    });
  };

  const login: TestEnv['login'] = async (email, password = TEST_PASSWORD) => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password },
    });
    if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
    const cookie = response.cookies.find((c) => c.name === 'legami_session')!;
    const me = response.json<{ csrfToken: string; id: string }>();
    const header = `legami_session=${cookie.value}`;
    return {
      cookie: header,
      csrf: me.csrfToken,
      userId: me.id,
      headers: { cookie: header, 'x-csrf-token': me.csrfToken },
    };
  };

  const buildPerson: TestEnv['buildPerson'] = async (options = {}) => {
    sequence += 1;
    const givenName = options.givenName ?? 'Carla';
    const familyName =
      options.familyName ??
      `Prova${String.fromCharCode(65 + (sequence % 26))}${String.fromCharCode(65 + ((sequence / 26) % 26))}`;
    const birthDate =
      options.birthDate ?? `19${40 + (sequence % 50)}-0${1 + (sequence % 9)}-1${sequence % 9}`;
    const [year, month, day] = birthDate.split('-').map(Number) as [number, number, number];
    const codiceFiscale = CodiceFiscale.compute({
      name: givenName,
      surname: familyName,
      gender: 'F',
      day,
      month,
      year,
      birthplace: 'Cremona',
      birthplaceProvincia: 'CR',
    });
    return insertPerson(
      database.db,
      {
        codiceFiscale,
        givenName,
        familyName,
        searchName: searchNameOf(givenName, familyName),
        birthDate,
        sex: 'F',
        birthPlace: 'Cremona',
        comuneCode: options.comune ?? CREMONA,
        address: 'Via Roma 1',
        neighbourhood: null,
        latitude: null,
        longitude: null,
        phone: '0372 123456',
        phoneDigits: '0372123456',
        email: null,
        disability: true,
        livesAlone: true,
        covidPositive: false,
        knownToSocialServices: true,
        consentPrivacy: true,
        consentContact: true,
      },
      null,
    );
  };

  const buildVolunteer: TestEnv['buildVolunteer'] = async (options) => {
    sequence += 1;
    const availability = JSON.stringify(
      [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, from: '07:00', to: '21:00' })),
    );
    const [row] = await queryRows<{ id: string }>(
      database.db,
      sql`INSERT INTO volunteers (user_id, organization_id, given_name, family_name, phone, comune_code, status, has_car, has_licence,
            zones, availability, health_training, max_tasks_per_day, consent_privacy)
          VALUES (${options.userId ?? null}, ${options.organizationId}, 'Volontario', ${`Prova ${sequence}`}, '333 000 0000',
            ${options.comune ?? CREMONA}, 'approved', ${options.hasCar ?? true}, ${options.hasCar ?? true},
            ${pgArray(options.zones ?? [])}::text[], ${availability}::jsonb, ${options.healthTraining ?? false},
            ${options.maxTasksPerDay ?? 5}, true)
          RETURNING id`,
    );
    return row!.id;
  };

  return {
    app,
    database,
    jobs,
    buildVolunteer,
    buildUser,
    login,
    loginAs: async (role, scope) => login((await buildUser({ role, scope })).email),
    buildPerson,
  };
}
