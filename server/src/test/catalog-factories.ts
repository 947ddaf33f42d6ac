import type { Role } from '../platform/access/roles.js';
import { queryRows, sql } from '../platform/db/database.js';
import { hashPassword } from '../modules/accounts/accounts.passwords.js';
import { insertMembership, insertUser } from '../modules/accounts/accounts.repository.js';
import { insertOrganization } from '../modules/organizations/organizations.repository.js';
import { TEST_PASSWORD, type Session, type TestEnv, type TestScope } from './harness.js';
import type { ServiceInput } from '../../../shared/src/catalog/catalog.schemas.js';
import type { TariffRule } from '../../../shared/src/catalog/tariff.schemas.js';
import { addDays, dateInRome } from '../platform/time.js';
import * as repo from '../modules/catalog/catalog.repository.js';

/*
 * Test factories for the catalogue: providers, org-bound users, citizens with a person record,
 * bookable services, access points, tariffs, ISEE declarations and bookings through the API.
 */

let sequence = 0;
const passwordHash = hashPassword(TEST_PASSWORD);

export const CREMONA = '019036';
export const CREMA = '019035';
export const PANDINO = '019067';

/** The first day a booking may start on. */
export const tomorrow = () => addDays(dateInRome(), 1);

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

/** A provider serving Crema and Cremona, one approved service of it, and its staff member logged in. */
export async function buildBookableService(
  env: TestEnv,
  options: {
    capacity?: number;
    municipalProgram?: 'saap' | 'disabled_transport' | 'conciliazione';
    service?: Partial<ServiceInput>;
  } = {},
) {
  const providerId = await buildProvider(env, { comuni: [CREMA, CREMONA] });
  const serviceId = await buildApprovedService(env, providerId, {
    comuni: [CREMA, CREMONA],
    ...(options.capacity ? { capacity: options.capacity, capacityPeriod: 'month' as const } : {}),
    ...(options.municipalProgram
      ? {
          isMunicipal: true,
          municipalProgram: options.municipalProgram,
          categoryId: 'saap',
          cappedPriceCents: 0,
          listPriceCents: 0,
        }
      : {}),
    ...options.service,
  });
  const provider = await loginMember(env, {
    role: 'fornitore',
    organizationId: providerId,
    scope: { type: 'all' },
  });
  return { providerId, serviceId, provider };
}

/** POST /api/orders, with an Idempotency-Key when given. */
export function bookOrder(
  env: TestEnv,
  headers: Record<string, string>,
  payload: Record<string, unknown>,
  key?: string,
) {
  return env.app.inject({
    method: 'POST',
    url: '/api/orders',
    headers: key ? { ...headers, 'idempotency-key': key } : headers,
    payload,
  });
}

/** POST /api/orders/{id}/{action} with an optional reason. */
export function orderAction(
  env: TestEnv,
  headers: Record<string, string>,
  orderId: string,
  action: 'confirm' | 'decline' | 'deliver' | 'close' | 'cancel' | 'payment',
  payload: Record<string, unknown> = {},
) {
  return env.app.inject({ method: 'POST', url: `/api/orders/${orderId}/${action}`, headers, payload });
}

export async function userIdOf(env: TestEnv, email: string): Promise<string> {
  const [user] = await queryRows<{ id: string }>(
    env.database.db,
    sql`SELECT id FROM users WHERE email = ${email}`,
  );
  return user!.id;
}

/** An access point of Cremona run by some organisation, with these users as its staff. */
export async function buildAccessPoint(env: TestEnv, staff: string[] = []): Promise<string> {
  sequence += 1;
  const [organization] = await queryRows<{ id: string }>(
    env.database.db,
    sql`SELECT id FROM organizations ORDER BY name LIMIT 1`,
  );
  const id = await repo.insertAccessPoint(env.database.db, {
    name: `Sportello di prova ${sequence} ${Date.now()}`,
    organizationId: organization!.id,
    kind: 'public',
    comuneCode: CREMONA,
    neighbourhood: 'Centro',
    address: 'Via Dante 1',
    latitude: 45.136,
    longitude: 10.024,
    openingHours: [{ day: 1, from: '09:00', to: '12:00' }],
    phone: null,
    email: null,
  });
  for (const userId of staff) await repo.addAccessPointStaff(env.database.db, id, userId);
  return id;
}

/** A provider's proposal approved by a province-wide administrator, through the API. */
export async function publishService(
  env: TestEnv,
  provider: Session,
  admin: Session,
  input: ServiceInput,
): Promise<string> {
  const created = await env.app.inject({
    method: 'POST',
    url: '/api/services',
    headers: provider.headers,
    payload: input,
  });
  if (created.statusCode !== 201) throw new Error(`service not created: ${created.body}`);
  const id = (created.json() as { id: string }).id;
  const approved = await env.app.inject({
    method: 'POST',
    url: `/api/services/${id}/moderation`,
    headers: admin.headers,
    payload: { decision: 'approve' },
  });
  if (approved.statusCode !== 200) throw new Error(`service not approved: ${approved.body}`);
  return id;
}

/** POST /api/tariff-rules as a province-wide administrator; the response is returned as is. */
export async function setTariff(
  env: TestEnv,
  target: { scopeType: 'comune' | 'ambito'; scopeId: string; serviceId?: string; categoryId?: string },
  rule: TariffRule,
  admin?: Session,
) {
  const session = admin ?? (await env.loginAs('amministratore', { type: 'all' }));
  return env.app.inject({
    method: 'POST',
    url: '/api/tariff-rules',
    headers: session.headers,
    payload: { ...target, name: `Tariffa di prova ${++sequence}`, rule },
  });
}

/** A verified ISEE declaration recorded by a social worker of the person's Ambito, valid until 2099. */
export async function recordIsee(
  env: TestEnv,
  personId: string,
  values: { iseeType?: 'ordinario' | 'sociosanitario'; valueCents: number; ambito?: string },
) {
  const social = await env.loginAs('assistente_sociale', { type: 'ambito', id: values.ambito ?? 'CREMONA' });
  sequence += 1;
  return env.app.inject({
    method: 'POST',
    url: `/api/people/${personId}/isee`,
    headers: social.headers,
    payload: {
      iseeType: values.iseeType ?? 'ordinario',
      valueCents: values.valueCents,
      dsuProtocol: `INPS-ISEE-2026-${String(sequence).padStart(8, '0')}A-00`,
      issuedOn: '2026-01-10',
      expiresOn: '2099-12-31',
    },
  });
}
