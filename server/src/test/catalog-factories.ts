import type { Role } from '../platform/access/roles.js';
import { queryRows, sql } from '../platform/db/database.js';
import { hashPassword } from '../modules/accounts/accounts.passwords.js';
import { insertMembership, insertUser } from '../modules/accounts/accounts.repository.js';
import { insertOrganization } from '../modules/organizations/organizations.repository.js';
import { TEST_PASSWORD, type Session, type TestEnv, type TestScope } from './harness.js';
import type { ServiceInput } from '../../../shared/src/catalog/catalog.schemas.js';
import * as repo from '../modules/catalog/catalog.repository.js';

/* Test factories for the catalogue: providers, org-bound users, citizens with a person record. */

let sequence = 0;
const passwordHash = hashPassword(TEST_PASSWORD);

export const CREMONA = '019036';
export const CREMA = '019035';
export const PANDINO = '019067';

/** A provider organisation serving the given comuni. */
export async function buildProvider(
  env: TestEnv,
  options: { comuni: string[]; name?: string; ambitoId?: string },
): Promise<string> {
  sequence += 1;
  const id = await insertOrganization(env.database.db, {
    name: options.name ?? `Cooperativa di prova ${sequence} ${Date.now()}`,
    kind: 'social_cooperative',
    ambitoId: options.ambitoId ?? null,
    comuneCode: null,
  });
  await repo.upsertProvider(env.database.db, {
    organizationId: id,
    description: 'Cooperativa sociale di prova',
    comuniServed: options.comuni,
    creditorTaxCode: '01234567890',
    segregationCode: '02',
  });
  return id;
}

/** A user with one role, optionally in an organisation and linked to a person, logged in. */
export async function loginMember(
  env: TestEnv,
  options: { role: Role; organizationId?: string | null; scope?: TestScope; personId?: string | null },
): Promise<Session & { email: string }> {
  sequence += 1;
  const email = `${options.role}.cat${sequence}.${Date.now()}@test.legami.it`;
  const scope = options.scope ?? { type: 'ambito', id: 'CREMONA' };
  await env.database.db.transaction(async (tx) => {
    const user = await insertUser(tx, {
      email,
      fullName: `Utente ${options.role} ${sequence}`,
      passwordHash: await passwordHash,
      mustChangePassword: false,
      personId: options.personId ?? null,
    });
    await insertMembership(tx, user.id, {
      organizationId: options.organizationId ?? null,
      role: options.role,
      scopeType: scope.type,
      scopeId: scope.type === 'all' ? null : scope.id,
    });
  });
  return { ...(await env.login(email)), email };
}

/** A citizen of a comune with their person record. */
export async function loginCitizen(
  env: TestEnv,
  comune: string,
  person: { disability?: boolean } = {},
): Promise<Session & { personId: string }> {
  const personId = await env.buildPerson({ comune });
  await env.database.db.execute(
    sql`UPDATE people SET disability = ${person.disability ?? false} WHERE id = ${personId}`,
  );
  const session = await loginMember(env, {
    role: 'cittadino',
    scope: { type: 'comune', id: comune },
    personId,
  });
  return { ...session, personId };
}

export function serviceInput(providerId: string, overrides: Partial<ServiceInput> = {}): ServiceInput {
  return {
    providerId,
    categoryId: 'pasti_domicilio',
    name: 'Pasti a domicilio per anziani',
    description: 'Pranzo caldo consegnato a casa dal lunedì al sabato, con menu per diete speciali.',
    targetGroups: ['anziani'],
    comuni: [CREMA],
    schedule: 'Lunedì–sabato, consegna 11:30–13:00',
    unit: 'meal',
    listPriceCents: 900,
    cappedPriceCents: 750,
    capacity: null,
    capacityPeriod: null,
    isMunicipal: false,
    municipalProgram: null,
    requiredDocuments: [],
    ...overrides,
  };
}

/** Inserts an approved service directly (no moderation round trip). */
export async function buildApprovedService(
  env: TestEnv,
  providerId: string,
  overrides: Partial<ServiceInput> = {},
): Promise<string> {
  const input = serviceInput(providerId, overrides);
  return repo.insertService(
    env.database.db,
    {
      ...input,
      baseComuneCode: input.baseComuneCode ?? input.comuni[0]!,
      capacity: input.capacity ?? null,
      capacityPeriod: input.capacityPeriod ?? null,
      municipalProgram: input.municipalProgram ?? null,
      searchText: `${input.name} ${input.description}`.toLowerCase(),
    },
    'approved',
    null,
  );
}

export async function auditActions(env: TestEnv, entityId: string): Promise<string[]> {
  const rows = await queryRows<{ action: string }>(
    env.database.db,
    sql`SELECT action FROM audit_events WHERE entity_id = ${entityId} ORDER BY id`,
  );
  return rows.map((r) => r.action);
}

export async function count(
  env: TestEnv,
  table: 'catalog_services' | 'catalog_orders' | 'isee_declarations' | 'payment_notices',
): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    env.database.db,
    sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`,
  );
  return row!.n;
}
