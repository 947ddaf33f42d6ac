import { pgArray, queryRows, sql, type Tx } from '../../platform/db/database.js';
import type { SQL } from 'drizzle-orm';
import type { TariffRule } from '../../../../shared/src/catalog/tariff.schemas.js';

/*
 * The only SQL of the catalogue. Services, providers, taxonomy, tariffs and access points are public
 * reference data; ISEE declarations, orders, their events and payment notices carry personal data and
 * are read only through a Tx opened by withScope / withExplicitScope, where RLS limits the territory.
 */

// ---- taxonomy -------------------------------------------------------------------------------

export interface TermRow {
  id: string;
  taxonomy_id: string;
  parent_id: string | null;
  name_it: string;
  name_en: string;
  description: string;
  keywords: string;
}

export async function listTerms(tx: Tx): Promise<TermRow[]> {
  return queryRows<TermRow>(tx, sql`SELECT * FROM catalog_taxonomy_terms ORDER BY sort_order`);
}

export async function findTerm(tx: Tx, id: string): Promise<TermRow | null> {
  const [row] = await queryRows<TermRow>(tx, sql`SELECT * FROM catalog_taxonomy_terms WHERE id = ${id}`);
  return row ?? null;
}

export interface TaxonomyRow {
  id: string;
  name: string;
  description: string;
  uri: string | null;
  version: string;
}

export async function listTaxonomies(tx: Tx): Promise<TaxonomyRow[]> {
  return queryRows<TaxonomyRow>(tx, sql`SELECT * FROM catalog_taxonomies ORDER BY id`);
}

// ---- providers ------------------------------------------------------------------------------

export interface ProviderRow {
  organization_id: string;
  name: string;
  kind: string;
  description: string;
  website: string | null;
  email: string | null;
  phone: string | null;
  comuni_served: string[];
  creditor_tax_code: string | null;
  segregation_code: string | null;
  tax_code: string | null;
}

const SELECT_PROVIDER = sql`
  SELECT p.organization_id, o.name, o.kind, p.description, p.website, coalesce(p.email, o.email) AS email,
         coalesce(p.phone, o.phone) AS phone, p.comuni_served, p.creditor_tax_code, p.segregation_code, o.tax_code
  FROM catalog_providers p JOIN organizations o ON o.id = p.organization_id`;

export async function findProvider(tx: Tx, organizationId: string): Promise<ProviderRow | null> {
  const [row] = await queryRows<ProviderRow>(
    tx,
    sql`${SELECT_PROVIDER} WHERE p.organization_id = ${organizationId}`,
  );
  return row ?? null;
}

/** The providers with these organisation ids, by name. */
export async function listProvidersByIds(tx: Tx, organizationIds: string[]): Promise<ProviderRow[]> {
  if (organizationIds.length === 0) return [];
  return queryRows<ProviderRow>(
    tx,
    sql`${SELECT_PROVIDER} WHERE p.organization_id = ANY(${pgArray(organizationIds)}::uuid[]) ORDER BY o.name`,
  );
}

export async function listProviders(
  tx: Tx,
  page: { limit: number; offset: number },
): Promise<{ rows: ProviderRow[]; total: number }> {
  const rows = await queryRows<ProviderRow>(
    tx,
    sql`${SELECT_PROVIDER}
        WHERE EXISTS (SELECT 1 FROM catalog_services s WHERE s.provider_id = p.organization_id AND s.status = 'approved')
        ORDER BY o.name LIMIT ${page.limit} OFFSET ${page.offset}`,
  );
  const [count] = await queryRows<{ n: number }>(
    tx,
    sql`SELECT count(*)::int AS n FROM catalog_providers p
        WHERE EXISTS (SELECT 1 FROM catalog_services s WHERE s.provider_id = p.organization_id AND s.status = 'approved')`,
  );
  return { rows, total: count!.n };
}

export async function upsertProvider(
  tx: Tx,
  values: {
    organizationId: string;
    description: string;
    website?: string | null;
    email?: string | null;
    phone?: string | null;
    comuniServed: string[];
    creditorTaxCode?: string | null;
    segregationCode?: string | null;
  },
): Promise<void> {
  await tx.execute(sql`
    INSERT INTO catalog_providers (organization_id, description, website, email, phone, comuni_served, creditor_tax_code, segregation_code)
    VALUES (${values.organizationId}, ${values.description}, ${values.website ?? null}, ${values.email ?? null}, ${values.phone ?? null},
            ${pgArray(values.comuniServed)}::text[], ${values.creditorTaxCode ?? null}, ${values.segregationCode ?? null})
    ON CONFLICT (organization_id) DO UPDATE SET description = EXCLUDED.description, comuni_served = EXCLUDED.comuni_served,
      website = EXCLUDED.website, email = EXCLUDED.email, phone = EXCLUDED.phone,
      creditor_tax_code = EXCLUDED.creditor_tax_code, segregation_code = EXCLUDED.segregation_code`);
}

// ---- services -------------------------------------------------------------------------------

export interface ServiceRow {
  id: string;
  provider_id: string;
  provider_name: string;
  provider_email: string | null;
  provider_phone: string | null;
  provider_website: string | null;
  provider_description: string;
  category_id: string;
  category_name: string;
  name: string;
  description: string;
  target_groups: string[];
  comuni: string[];
  base_comune_code: string;
  schedule: string;
  unit: 'hour' | 'meal' | 'trip' | 'session' | 'month' | 'service';
  list_price_cents: number;
  capped_price_cents: number;
  capacity: number | null;
  capacity_period: 'day' | 'week' | 'month' | null;
  is_municipal: boolean;
  municipal_program: 'saap' | 'disabled_transport' | 'conciliazione' | null;
  required_documents: string[];
  status: 'pending' | 'approved' | 'rejected';
  moderation_note: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

const SELECT_SERVICE = sql`
  SELECT s.id, s.provider_id, o.name AS provider_name, coalesce(p.email, o.email) AS provider_email,
         coalesce(p.phone, o.phone) AS provider_phone, p.website AS provider_website, p.description AS provider_description,
         s.category_id, t.name_it AS category_name, s.name, s.description, s.target_groups, s.comuni, s.base_comune_code,
         s.schedule, s.unit, s.list_price_cents, s.capped_price_cents, s.capacity, s.capacity_period, s.is_municipal,
         s.municipal_program, s.required_documents, s.status, s.moderation_note, s.version,
         s.created_at::text AS created_at, s.updated_at::text AS updated_at
  FROM catalog_services s
  JOIN catalog_providers p ON p.organization_id = s.provider_id
  JOIN organizations o ON o.id = s.provider_id
  JOIN catalog_taxonomy_terms t ON t.id = s.category_id`;

export async function findService(tx: Tx, id: string): Promise<ServiceRow | null> {
  const [row] = await queryRows<ServiceRow>(tx, sql`${SELECT_SERVICE} WHERE s.id = ${id}`);
  return row ?? null;
}

/** Locks a service row for the rest of the transaction (moderation and price changes). */
export async function lockService(tx: Tx, id: string): Promise<ServiceRow | null> {
  const [locked] = await queryRows<{ id: string }>(
    tx,
    sql`SELECT id FROM catalog_services WHERE id = ${id} FOR UPDATE`,
  );
  return locked ? findService(tx, id) : null;
}

export interface ServiceValues {
  providerId: string;
  categoryId: string;
  name: string;
  description: string;
  targetGroups: string[];
  comuni: string[];
  baseComuneCode: string;
  schedule: string;
  unit: string;
  listPriceCents: number;
  cappedPriceCents: number;
  capacity: number | null;
  capacityPeriod: string | null;
  isMunicipal: boolean;
  municipalProgram: string | null;
  requiredDocuments: string[];
  searchText: string;
}

export async function insertService(
  tx: Tx,
  v: ServiceValues,
  status: 'pending' | 'approved',
  userId: string | null,
): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`INSERT INTO catalog_services (provider_id, category_id, name, description, target_groups, comuni, base_comune_code, schedule,
          unit, list_price_cents, capped_price_cents, capacity, capacity_period, is_municipal, municipal_program, required_documents,
          status, search_text, created_by, updated_by, moderated_at, moderated_by)
        VALUES (${v.providerId}, ${v.categoryId}, ${v.name}, ${v.description}, ${pgArray(v.targetGroups)}::text[],
          ${pgArray(v.comuni)}::text[], ${v.baseComuneCode}, ${v.schedule}, ${v.unit}, ${v.listPriceCents}, ${v.cappedPriceCents},
          ${v.capacity}, ${v.capacityPeriod}, ${v.isMunicipal}, ${v.municipalProgram}, ${pgArray(v.requiredDocuments)}::text[],
          ${status}, ${v.searchText}, ${userId}, ${userId},
          ${status === 'approved' ? sql`now()` : sql`NULL`}, ${status === 'approved' ? userId : null})
        RETURNING id`,
  );
  return row!.id;
}

/** Updates a service if its version is still `version`; returns false when someone changed it meanwhile. */
export async function updateService(
  tx: Tx,
  id: string,
  version: number,
  v: ServiceValues,
  status: 'pending' | 'approved' | 'rejected',
  userId: string,
): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`UPDATE catalog_services SET category_id = ${v.categoryId}, name = ${v.name}, description = ${v.description},
          target_groups = ${pgArray(v.targetGroups)}::text[], comuni = ${pgArray(v.comuni)}::text[], base_comune_code = ${v.baseComuneCode},
          schedule = ${v.schedule}, unit = ${v.unit}, list_price_cents = ${v.listPriceCents}, capped_price_cents = ${v.cappedPriceCents},
          capacity = ${v.capacity}, capacity_period = ${v.capacityPeriod}, is_municipal = ${v.isMunicipal},
          municipal_program = ${v.municipalProgram}, required_documents = ${pgArray(v.requiredDocuments)}::text[],
          search_text = ${v.searchText}, status = ${status}, version = version + 1, updated_at = now(), updated_by = ${userId}
        WHERE id = ${id} AND version = ${version} RETURNING id`,
  );
  return rows.length === 1;
}

export async function setModeration(
  tx: Tx,
  id: string,
  status: 'approved' | 'rejected',
  note: string | null,
  userId: string,
): Promise<void> {
  await tx.execute(sql`
    UPDATE catalog_services SET status = ${status}, moderation_note = ${note}, moderated_at = now(), moderated_by = ${userId},
      version = version + 1, updated_at = now()
    WHERE id = ${id}`);
}

export async function listServices(
  tx: Tx,
  filter: { providerIds?: string[] | null; status?: string | null; approvedOnly?: boolean },
  page: { limit: number; offset: number },
): Promise<{ rows: ServiceRow[]; total: number }> {
  const conditions: SQL[] = [sql`true`];
  if (filter.providerIds) conditions.push(sql`s.provider_id = ANY (${pgArray(filter.providerIds)}::uuid[])`);
  if (filter.status) conditions.push(sql`s.status = ${filter.status}`);
  if (filter.approvedOnly) conditions.push(sql`s.status = 'approved'`);
  const where = sql.join(conditions, sql` AND `);
  const rows = await queryRows<ServiceRow>(
    tx,
    sql`${SELECT_SERVICE} WHERE ${where} ORDER BY s.updated_at DESC, s.id LIMIT ${page.limit} OFFSET ${page.offset}`,
  );
  const [count] = await queryRows<{ n: number }>(
    tx,
    sql`SELECT count(*)::int AS n FROM catalog_services s WHERE ${where}`,
  );
  return { rows, total: count!.n };
}

/**
 * Lets the rest of the transaction match a misspelt word (`word <% text`) from a word similarity of
 * 0.35: one swapped pair of letters in a seven-letter word ("badnate" for "badante") scores 0.375.
 */
export async function allowTypos(tx: Tx): Promise<void> {
  await tx.execute(sql`SELECT set_config('pg_trgm.word_similarity_threshold', '0.35', true)`);
}

export interface SearchRow extends ServiceRow {
  rank: number;
  distance_km: number | null;
}

/**
 * Full-text search of approved services (Italian configuration over folded text), filtered, ranked by
 * relevance weighted by the distance from `origin` to where the service is based.
 * @param filter.words folded words of the query; `mode` 'all' requires every word, 'any' one of them,
 *   'similar' every word or a misspelling of it (trigram word similarity, see allowTypos), ranked by it.
 */
export async function searchServices(
  tx: Tx,
  filter: {
    words: string[];
    mode: 'all' | 'any' | 'similar';
    comune: string | null;
    category: string | null;
    target: string | null;
    municipal: boolean | null;
    origin: { latitude: number; longitude: number } | null;
    /** Today's capacity period keys: only services with room left in theirs. */
    availableIn?: { day: string; week: string; month: string } | null;
  },
  page: { limit: number; offset: number },
  providerId: string | null = null,
): Promise<{ rows: SearchRow[]; total: number }> {
  const query =
    filter.words.length > 0 && filter.mode !== 'similar'
      ? sql`(SELECT ${filter.mode === 'all' ? sql`string_agg(q::text, ' & ')` : sql`string_agg(q::text, ' | ')`}::tsquery
             FROM (SELECT plainto_tsquery('italian', w) AS q FROM unnest(${pgArray(filter.words)}::text[]) AS w) AS parts
             WHERE q::text <> '')`
      : null;
  const conditions: SQL[] = [sql`s.status = 'approved'`];
  if (query) conditions.push(sql`s.search_vector @@ coalesce(${query}, ''::tsquery)`);
  const similar = filter.mode === 'similar' && filter.words.length > 0;
  if (similar) for (const w of filter.words) conditions.push(sql`${w} <% s.search_text`);
  if (filter.comune) conditions.push(sql`s.comuni @> ARRAY[${filter.comune}]::text[]`);
  if (filter.category) {
    conditions.push(
      // One array of the category and its children, so the (status, category_id) index serves it.
      sql`s.category_id = ANY (ARRAY(SELECT id FROM catalog_taxonomy_terms WHERE id = ${filter.category} OR parent_id = ${filter.category}))`,
    );
  }
  if (filter.target)
    conditions.push(
      sql`(s.target_groups @> ARRAY[${filter.target}]::text[] OR s.target_groups @> ARRAY['tutti']::text[])`,
    );
  if (filter.municipal !== null) conditions.push(sql`s.is_municipal = ${filter.municipal}`);
  if (filter.availableIn) {
    const { day, week, month } = filter.availableIn;
    conditions.push(
      sql`(s.capacity IS NULL OR s.capacity > coalesce((SELECT u.booked FROM catalog_capacity_usage u
            WHERE u.service_id = s.id AND u.period_key = CASE s.capacity_period WHEN 'day' THEN ${day} WHEN 'week' THEN ${week} ELSE ${month} END), 0))`,
    );
  }
  if (providerId) conditions.push(sql`s.provider_id = ${providerId}`);
  const where = sql.join(conditions, sql` AND `);
  const distance = filter.origin
    ? sql`111.2 * sqrt(power(c.latitude - ${filter.origin.latitude}, 2)
            + power((c.longitude - ${filter.origin.longitude}) * cos(radians(${filter.origin.latitude})), 2))`
    : sql`NULL::double precision`;
  const rank = query
    ? sql`ts_rank(s.search_vector, coalesce(${query}, ''::tsquery))`
    : similar
      ? sql`((${sql.join(
          filter.words.map((w) => sql`word_similarity(${w}, s.search_text)`),
          sql` + `,
        )}) / ${filter.words.length})::real`
      : sql`1.0::real`;
  // The search has a few shapes (which filters, which mode) and its values are all parameters, so
  // each shape is kept as a named statement: planning it anew cost more than a lookup's whole call.
  const shape = [
    filter.mode,
    similar ? filter.words.length : query ? 'q' : '',
    filter.comune ? 'c' : '',
    filter.category ? 'k' : '',
    filter.target ? 't' : '',
    filter.municipal !== null ? 'm' : '',
    filter.availableIn ? 'a' : '',
    filter.origin ? 'o' : '',
    providerId ? 'p' : '',
  ].join('');
  // Every match is ranked (and counted, in the same pass) but only the page's rows are joined to
  // their provider and category: the cost grows with the matches, not with the page.
  const rows = await queryRows<SearchRow & { total: number }>(
    tx,
    sql`WITH matches AS (
          SELECT s.id, s.name, ${rank} AS rank, ${distance} AS distance_km
          FROM catalog_services s JOIN comuni c ON c.istat_code = s.base_comune_code
          WHERE ${where}
        ), hits AS (
          SELECT id, rank, distance_km, rank / (1 + coalesce(distance_km, 0) / 20) AS score, name,
                 (count(*) OVER ())::int AS total
          FROM matches ORDER BY score DESC, name, id
          LIMIT ${page.limit} OFFSET ${page.offset}
        )
        SELECT hits.rank, hits.distance_km, hits.total, service.* FROM hits
        JOIN (${SELECT_SERVICE}) AS service ON service.id = hits.id
        ORDER BY hits.score DESC, hits.name, hits.id`,
    { prepared: `catalog-search-${shape}` },
  );
  if (rows.length > 0 || page.offset === 0) {
    return { rows: rows.map(({ total: _total, ...row }) => row), total: rows[0]?.total ?? 0 };
  }
  // A page past the end: the window had no row to carry the total.
  const [count] = await queryRows<{ n: number }>(
    tx,
    sql`SELECT count(*)::int AS n FROM catalog_services s WHERE ${where}`,
  );
  return { rows: [], total: count!.n };
}

// ---- comuni (reference data) ----------------------------------------------------------------

export interface ComuneRow {
  istat_code: string;
  name: string;
  ambito_id: string;
  latitude: number;
  longitude: number;
}

export async function listComuniRows(tx: Tx): Promise<ComuneRow[]> {
  return queryRows<ComuneRow>(
    tx,
    sql`SELECT istat_code, name, ambito_id, latitude, longitude FROM comuni ORDER BY istat_code`,
  );
}

// ---- tariff rules ---------------------------------------------------------------------------

export interface TariffRuleRow {
  id: string;
  scope_type: 'comune' | 'ambito';
  scope_id: string;
  service_id: string | null;
  category_id: string | null;
  name: string;
  source: string | null;
  rule: TariffRule;
  created_at: string;
}

/** Retires the current rule for the same scope and target, then inserts the new one. */
export async function replaceTariffRule(
  tx: Tx,
  v: {
    scopeType: string;
    scopeId: string;
    serviceId: string | null;
    categoryId: string | null;
    name: string;
    source: string | null;
    rule: TariffRule;
  },
  userId: string | null,
): Promise<string> {
  await tx.execute(sql`
    UPDATE catalog_tariff_rules SET retired_at = now(), retired_by = ${userId}
    WHERE retired_at IS NULL AND scope_type = ${v.scopeType} AND scope_id = ${v.scopeId}
      AND coalesce(service_id::text, category_id) = ${v.serviceId ?? v.categoryId}`);
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`INSERT INTO catalog_tariff_rules (scope_type, scope_id, service_id, category_id, name, source, rule, created_by)
        VALUES (${v.scopeType}, ${v.scopeId}, ${v.serviceId}, ${v.categoryId}, ${v.name}, ${v.source},
                ${JSON.stringify(v.rule)}::jsonb, ${userId})
        RETURNING id`,
  );
  return row!.id;
}

const SELECT_RULE = sql`SELECT id, scope_type, scope_id, service_id, category_id, name, source, rule, created_at::text AS created_at
  FROM catalog_tariff_rules`;

export async function listTariffRules(
  tx: Tx,
  filter: { scopeIds: string[] | null },
): Promise<TariffRuleRow[]> {
  return queryRows<TariffRuleRow>(
    tx,
    sql`${SELECT_RULE} WHERE retired_at IS NULL
        ${filter.scopeIds ? sql`AND scope_id = ANY (${pgArray(filter.scopeIds)}::text[])` : sql``}
        ORDER BY scope_type, scope_id, name`,
  );
}

/** The current rules that may apply to a citizen of `comune` (in `ambito`) for these services. */
export async function applicableRules(
  tx: Tx,
  comune: string,
  ambito: string,
  serviceIds: string[],
  categoryIds: string[],
): Promise<TariffRuleRow[]> {
  if (serviceIds.length === 0) return [];
  return queryRows<TariffRuleRow>(
    tx,
    sql`${SELECT_RULE} WHERE retired_at IS NULL
          AND ((scope_type = 'comune' AND scope_id = ${comune}) OR (scope_type = 'ambito' AND scope_id = ${ambito}))
          AND (service_id = ANY (${pgArray(serviceIds)}::uuid[]) OR category_id = ANY (${pgArray(categoryIds)}::text[]))`,
  );
}

// ---- ISEE -----------------------------------------------------------------------------------

export interface IseeRow {
  id: string;
  person_id: string;
  comune_code: string;
  isee_type: 'ordinario' | 'sociosanitario' | 'minorenni' | 'corrente';
  value_cents: number;
  dsu_protocol: string;
  issued_on: string;
  expires_on: string;
  verified_at: string | null;
  verified_by_name: string | null;
}

const SELECT_ISEE = sql`
  SELECT i.id, i.person_id, i.comune_code, i.isee_type, i.value_cents, i.dsu_protocol, i.issued_on::text AS issued_on,
         i.expires_on::text AS expires_on, i.verified_at::text AS verified_at, u.full_name AS verified_by_name
  FROM isee_declarations i LEFT JOIN users u ON u.id = i.verified_by`;

export async function listIsee(tx: Tx, personId: string): Promise<IseeRow[]> {
  return queryRows<IseeRow>(
    tx,
    sql`${SELECT_ISEE} WHERE i.person_id = ${personId} ORDER BY i.issued_on DESC, i.id`,
  );
}

export async function findIsee(tx: Tx, id: string): Promise<IseeRow | null> {
  const [row] = await queryRows<IseeRow>(tx, sql`${SELECT_ISEE} WHERE i.id = ${id}`);
  return row ?? null;
}

export async function insertIsee(
  tx: Tx,
  v: {
    personId: string;
    comuneCode: string;
    iseeType: string;
    valueCents: number;
    dsuProtocol: string;
    issuedOn: string;
    expiresOn: string;
    verifiedBy?: string | null;
  },
  userId: string | null,
): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`INSERT INTO isee_declarations (person_id, comune_code, isee_type, value_cents, dsu_protocol, issued_on, expires_on,
          verified_at, verified_by, created_by)
        VALUES (${v.personId}, ${v.comuneCode}, ${v.iseeType}, ${v.valueCents}, ${v.dsuProtocol}, ${v.issuedOn}, ${v.expiresOn},
          ${v.verifiedBy ? sql`now()` : sql`NULL`}, ${v.verifiedBy ?? null}, ${userId})
        RETURNING id`,
  );
  return row!.id;
}

export async function verifyIsee(tx: Tx, id: string, userId: string): Promise<void> {
  await tx.execute(
    sql`UPDATE isee_declarations SET verified_at = now(), verified_by = ${userId} WHERE id = ${id}`,
  );
}

// ---- access points --------------------------------------------------------------------------

export interface AccessPointRow {
  id: string;
  name: string;
  organization_id: string;
  organization_name: string;
  kind: 'public' | 'private';
  comune_code: string;
  comune_name: string;
  neighbourhood: string | null;
  address: string;
  latitude: number;
  longitude: number;
  opening_hours: { day: number; from: string; to: string }[];
  phone: string | null;
  email: string | null;
}

const SELECT_ACCESS_POINT = sql`
  SELECT a.id, a.name, a.organization_id, o.name AS organization_name, a.kind, a.comune_code, c.name AS comune_name,
         a.neighbourhood, a.address, a.latitude, a.longitude, a.opening_hours, a.phone, a.email
  FROM access_points a JOIN organizations o ON o.id = a.organization_id JOIN comuni c ON c.istat_code = a.comune_code`;

export async function listAccessPoints(tx: Tx, filter: { comune: string | null }): Promise<AccessPointRow[]> {
  return queryRows<AccessPointRow>(
    tx,
    sql`${SELECT_ACCESS_POINT} ${filter.comune ? sql`WHERE a.comune_code = ${filter.comune}` : sql``} ORDER BY c.name, a.name`,
  );
}

export async function insertAccessPoint(
  tx: Tx,
  v: {
    name: string;
    organizationId: string;
    kind: 'public' | 'private';
    comuneCode: string;
    neighbourhood: string | null;
    address: string;
    latitude: number;
    longitude: number;
    openingHours: { day: number; from: string; to: string }[];
    phone: string | null;
    email: string | null;
  },
): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`INSERT INTO access_points (name, organization_id, kind, comune_code, neighbourhood, address, latitude, longitude, opening_hours, phone, email)
        VALUES (${v.name}, ${v.organizationId}, ${v.kind}, ${v.comuneCode}, ${v.neighbourhood}, ${v.address}, ${v.latitude},
                ${v.longitude}, ${JSON.stringify(v.openingHours)}::jsonb, ${v.phone}, ${v.email})
        RETURNING id`,
  );
  return row!.id;
}

export async function addAccessPointStaff(tx: Tx, accessPointId: string, userId: string): Promise<void> {
  await tx.execute(
    sql`INSERT INTO access_point_staff (access_point_id, user_id) VALUES (${accessPointId}, ${userId}) ON CONFLICT DO NOTHING`,
  );
}

export async function isAccessPointStaff(tx: Tx, accessPointId: string, userId: string): Promise<boolean> {
  const rows = await queryRows<{ one: number }>(
    tx,
    sql`SELECT 1 AS one FROM access_point_staff WHERE access_point_id = ${accessPointId} AND user_id = ${userId}`,
  );
  return rows.length > 0;
}

export async function accessPointsOfStaff(tx: Tx, userId: string): Promise<AccessPointRow[]> {
  return queryRows<AccessPointRow>(
    tx,
    sql`${SELECT_ACCESS_POINT} WHERE a.id IN (SELECT access_point_id FROM access_point_staff WHERE user_id = ${userId}) ORDER BY a.name`,
  );
}

// ---- orientation notes ----------------------------------------------------------------------

export interface OrientationNoteRow {
  id: string;
  person_id: string;
  note: string;
  access_point_name: string | null;
  author_name: string;
  created_at: string;
}

export async function insertOrientationNote(
  tx: Tx,
  v: { personId: string; comuneCode: string; accessPointId: string | null; note: string },
  userId: string,
): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`INSERT INTO orientation_notes (person_id, comune_code, access_point_id, note, created_by)
        VALUES (${v.personId}, ${v.comuneCode}, ${v.accessPointId}, ${v.note}, ${userId})
        RETURNING id`,
  );
  return row!.id;
}

/** A person's orientation notes, newest first. */
export async function listOrientationNotes(tx: Tx, personId: string): Promise<OrientationNoteRow[]> {
  return queryRows<OrientationNoteRow>(
    tx,
    sql`SELECT n.id, n.person_id, n.note, a.name AS access_point_name, u.full_name AS author_name,
               n.created_at::text AS created_at
        FROM orientation_notes n JOIN users u ON u.id = n.created_by
        LEFT JOIN access_points a ON a.id = n.access_point_id
        WHERE n.person_id = ${personId} ORDER BY n.created_at DESC, n.id`,
  );
}

// ---- capacity -------------------------------------------------------------------------------

export async function releaseCapacity(
  tx: Tx,
  serviceId: string,
  periodKey: string,
  quantity: number,
): Promise<void> {
  await tx.execute(sql`
    UPDATE catalog_capacity_usage SET booked = greatest(booked - ${quantity}, 0)
    WHERE service_id = ${serviceId} AND period_key = ${periodKey}`);
}

export async function bookedUnits(tx: Tx, serviceId: string, periodKey: string): Promise<number> {
  const [row] = await queryRows<{ booked: number }>(
    tx,
    sql`SELECT booked FROM catalog_capacity_usage WHERE service_id = ${serviceId} AND period_key = ${periodKey}`,
  );
  return row?.booked ?? 0;
}

// ---- orders ---------------------------------------------------------------------------------

export interface OrderRow {
  id: string;
  service_id: string;
  service_name: string;
  unit: string;
  provider_id: string;
  provider_name: string;
  person_id: string;
  beneficiary_name: string;
  comune_code: string;
  quantity: number;
  start_date: string;
  period_key: string;
  notes: string | null;
  unit_price_cents: number;
  capped_unit_price_cents: number;
  total_cents: number;
  subsidy_cents: number;
  channel: 'online' | 'assisted';
  access_point_id: string | null;
  status: 'requested' | 'confirmed' | 'delivered' | 'closed' | 'declined' | 'cancelled';
  status_reason: string | null;
  payment_status: 'not_required' | 'pending' | 'paid' | 'failed' | 'expired' | 'cancelled';
  created_by: string;
  created_at: string;
  notice_number: string | null;
  iuv: string | null;
  creditor_tax_code: string | null;
  amount_cents: number | null;
  due_date: string | null;
  reason: string | null;
  notice_status: 'pending' | 'paid' | 'failed' | 'expired' | 'cancelled' | null;
  receipt: Record<string, unknown> | null;
  paid_at: string | null;
}

const SELECT_ORDER = sql`
  SELECT r.id, r.service_id, s.name AS service_name, s.unit, r.provider_id, o.name AS provider_name, r.person_id,
         p.given_name || ' ' || p.family_name AS beneficiary_name, r.comune_code, r.quantity, r.start_date::text AS start_date,
         r.period_key, r.notes, r.unit_price_cents, r.capped_unit_price_cents, r.total_cents, r.subsidy_cents, r.channel,
         r.access_point_id, r.status, r.status_reason, r.payment_status, r.created_by, r.created_at::text AS created_at,
         n.notice_number, n.iuv, n.creditor_tax_code, n.amount_cents, n.due_date::text AS due_date, n.reason,
         n.status AS notice_status, n.receipt, n.paid_at::text AS paid_at
  FROM catalog_orders r
  JOIN catalog_services s ON s.id = r.service_id
  JOIN organizations o ON o.id = r.provider_id
  JOIN people p ON p.id = r.person_id
  LEFT JOIN payment_notices n ON n.order_id = r.id`;

export async function findOrder(tx: Tx, id: string): Promise<OrderRow | null> {
  const [row] = await queryRows<OrderRow>(tx, sql`${SELECT_ORDER} WHERE r.id = ${id}`);
  return row ?? null;
}

export async function lockOrder(tx: Tx, id: string): Promise<OrderRow | null> {
  const [locked] = await queryRows<{ id: string }>(
    tx,
    sql`SELECT id FROM catalog_orders WHERE id = ${id} FOR UPDATE`,
  );
  return locked ? findOrder(tx, id) : null;
}

/** The beneficiary as a booking sees them (null outside the territory: row-level security). */
export interface BookingPerson {
  id: string;
  comune_code: string;
  ambito_id: string;
  given_name: string;
  family_name: string;
  codice_fiscale: string | null;
  disability: boolean;
}

/** Everything a booking decides on, read in one round trip. */
export interface BookingFacts {
  /** The order an earlier request with the same Idempotency-Key created. */
  earlier_order_id: string | null;
  person: BookingPerson | null;
  isee: IseeRow[];
  service: (ServiceRow & { category_parent_id: string | null }) | null;
  provider: ProviderRow | null;
  /** The current rules of the person's comune and Ambito for the service or its categories. */
  rules: TariffRuleRow[];
  is_access_point_staff: boolean;
  /** A fresh IUV sequence number for a service that may need a notice (gaps are harmless). */
  iuv_sequence: string | null;
}

export async function bookingFacts(
  tx: Tx,
  q: {
    personId: string;
    serviceId: string;
    userId: string;
    idempotencyKey: string | null;
    accessPointId: string | null;
  },
): Promise<BookingFacts> {
  const [row] = await queryRows<BookingFacts>(
    tx,
    sql`WITH person AS (
          SELECT p.id, p.comune_code, c.ambito_id, p.given_name, p.family_name, p.codice_fiscale, p.disability
          FROM people p JOIN comuni c ON c.istat_code = p.comune_code WHERE p.id = ${q.personId}),
        service AS (
          SELECT service.*, t.parent_id AS category_parent_id
          FROM (${SELECT_SERVICE} WHERE s.id = ${q.serviceId}) AS service
          JOIN catalog_taxonomy_terms t ON t.id = service.category_id)
        SELECT
          ${q.idempotencyKey === null ? sql`NULL::uuid` : sql`(SELECT id FROM catalog_orders WHERE created_by = ${q.userId} AND idempotency_key = ${q.idempotencyKey})`} AS earlier_order_id,
          (SELECT to_jsonb(person) FROM person) AS person,
          (SELECT coalesce(jsonb_agg(i ORDER BY i.issued_on DESC, i.id), '[]') FROM (${SELECT_ISEE} WHERE i.person_id = ${q.personId}) AS i) AS isee,
          (SELECT to_jsonb(service) FROM service) AS service,
          (SELECT to_jsonb(provider) FROM (${SELECT_PROVIDER} WHERE p.organization_id = (SELECT provider_id FROM service)) AS provider) AS provider,
          (SELECT coalesce(jsonb_agg(r), '[]') FROM (${SELECT_RULE} WHERE retired_at IS NULL
             AND ((scope_type = 'comune' AND scope_id = (SELECT comune_code FROM person))
                  OR (scope_type = 'ambito' AND scope_id = (SELECT ambito_id FROM person)))
             AND (service_id = ${q.serviceId}
                  OR category_id IN (SELECT category_id FROM service UNION ALL SELECT category_parent_id FROM service))) AS r) AS rules,
          ${q.accessPointId === null ? sql`false` : sql`EXISTS (SELECT 1 FROM access_point_staff WHERE access_point_id = ${q.accessPointId} AND user_id = ${q.userId})`} AS is_access_point_staff,
          (SELECT nextval('payment_iuv_seq')::text FROM service WHERE NOT is_municipal) AS iuv_sequence`,
  );
  return row!;
}

/** An order as it is written: the price frozen from the tariff, the capacity to reserve, its payment notice. */
export interface OrderValues {
  id: string;
  serviceId: string;
  providerId: string;
  personId: string;
  comuneCode: string;
  quantity: number;
  startDate: string;
  periodKey: string;
  notes: string | null;
  unitPriceCents: number;
  cappedUnitPriceCents: number;
  totalCents: number;
  subsidyCents: number;
  tariff: unknown;
  eligibility: unknown;
  channel: 'online' | 'assisted';
  accessPointId: string | null;
  assistedBy: string | null;
  idempotencyKey: string | null;
  /** The service's capacity per period, null when unlimited. */
  capacity: number | null;
  notice: {
    provider: string;
    noticeNumber: string;
    iuv: string;
    creditorTaxCode: string;
    dueDate: string;
    reason: string;
  } | null;
}

/**
 * A booking in one statement: the capacity of its period reserved (when the service has one), the
 * order, its payment notice, its 'created' event and `audit` (given the order's id as SQL; null only
 * for seeds, which the audit trail does not record). The upsert's row lock serialises concurrent
 * bookings of a period and its WHERE refuses the one that would exceed the capacity: then nothing
 * is inserted and null comes back.
 */
export async function insertBooking(
  tx: Tx,
  v: OrderValues,
  userId: string,
  audit: ((orderId: SQL) => SQL) | null,
): Promise<{ created_at: string } | null> {
  const reserve =
    v.capacity === null
      ? null
      : sql`reserved AS (
          INSERT INTO catalog_capacity_usage (service_id, period_key, booked) VALUES (${v.serviceId}, ${v.periodKey}, ${v.quantity})
          ON CONFLICT (service_id, period_key) DO UPDATE SET booked = catalog_capacity_usage.booked + EXCLUDED.booked
          WHERE catalog_capacity_usage.booked + EXCLUDED.booked <= ${v.capacity}
          RETURNING booked),`;
  const notice = v.notice
    ? sql`notice AS (
          INSERT INTO payment_notices (order_id, comune_code, provider, notice_number, iuv, creditor_tax_code, amount_cents, due_date, reason)
          SELECT id, comune_code, ${v.notice.provider}::text, ${v.notice.noticeNumber}::text, ${v.notice.iuv}::text,
                 ${v.notice.creditorTaxCode}::text, total_cents, ${v.notice.dueDate}::date, ${v.notice.reason}::text
          FROM created),`
    : sql``;
  const [row] = await queryRows<{ created_at: string }>(
    tx,
    sql`WITH ${reserve ?? sql``}
        created AS (
          INSERT INTO catalog_orders (id, service_id, provider_id, person_id, comune_code, quantity, start_date, period_key, notes,
            unit_price_cents, capped_unit_price_cents, total_cents, subsidy_cents, tariff, eligibility, channel, access_point_id,
            assisted_by, consent_at, payment_status, idempotency_key, created_by)
          SELECT ${v.id}::uuid, ${v.serviceId}::uuid, ${v.providerId}::uuid, ${v.personId}::uuid, ${v.comuneCode}::char(6),
            ${v.quantity}::int, ${v.startDate}::date, ${v.periodKey}::text, ${v.notes}::text, ${v.unitPriceCents}::int,
            ${v.cappedUnitPriceCents}::int, ${v.totalCents}::int, ${v.subsidyCents}::int, ${JSON.stringify(v.tariff)}::jsonb,
            ${v.eligibility === null ? null : JSON.stringify(v.eligibility)}::jsonb, ${v.channel}::text, ${v.accessPointId}::uuid,
            ${v.assistedBy}::uuid, ${v.channel === 'assisted' ? sql`now()` : sql`NULL::timestamptz`},
            ${v.notice ? 'pending' : 'not_required'}::text, ${v.idempotencyKey}::text, ${userId}::uuid
          ${reserve ? sql`WHERE EXISTS (SELECT 1 FROM reserved)` : sql``}
          RETURNING id, comune_code, total_cents, created_at),
        ${notice}
        event AS (
          INSERT INTO catalog_order_events (order_id, comune_code, actor_user_id, kind, details)
          SELECT id, comune_code, ${userId}::uuid, 'created', ${JSON.stringify({ channel: v.channel })}::jsonb FROM created)
        ${audit ? sql`, audit AS (${audit(sql`(SELECT id FROM created)`)})` : sql``}
        SELECT created_at::text AS created_at FROM created`,
  );
  return row ?? null;
}

export async function setOrderStatus(
  tx: Tx,
  id: string,
  status: OrderRow['status'],
  reason: string | null,
): Promise<void> {
  await tx.execute(sql`
    UPDATE catalog_orders SET status = ${status}, status_reason = coalesce(${reason}, status_reason), updated_at = now()
    WHERE id = ${id}`);
}

export async function setPaymentStatus(
  tx: Tx,
  id: string,
  status: OrderRow['payment_status'],
): Promise<void> {
  await tx.execute(
    sql`UPDATE catalog_orders SET payment_status = ${status}, updated_at = now() WHERE id = ${id}`,
  );
}

export async function insertOrderEvent(
  tx: Tx,
  v: { orderId: string; comuneCode: string; kind: string; details?: Record<string, unknown> },
  userId: string | null,
): Promise<void> {
  await tx.execute(sql`
    INSERT INTO catalog_order_events (order_id, comune_code, actor_user_id, kind, details)
    VALUES (${v.orderId}, ${v.comuneCode}, ${userId}, ${v.kind}, ${JSON.stringify(v.details ?? {})}::jsonb)`);
}

export async function listOrders(
  tx: Tx,
  filter: {
    providerIds?: string[] | null;
    personId?: string | null;
    createdBy?: string | null;
    status?: string | null;
  },
  page: { limit: number; offset: number },
): Promise<{ rows: OrderRow[]; total: number }> {
  const conditions: SQL[] = [sql`true`];
  if (filter.providerIds) conditions.push(sql`r.provider_id = ANY (${pgArray(filter.providerIds)}::uuid[])`);
  if (filter.personId) conditions.push(sql`r.person_id = ${filter.personId}`);
  if (filter.createdBy) conditions.push(sql`r.created_by = ${filter.createdBy}`);
  if (filter.status) conditions.push(sql`r.status = ${filter.status}`);
  const where = sql.join(conditions, sql` AND `);
  const rows = await queryRows<OrderRow>(
    tx,
    sql`${SELECT_ORDER} WHERE ${where} ORDER BY r.created_at DESC, r.id LIMIT ${page.limit} OFFSET ${page.offset}`,
  );
  const [count] = await queryRows<{ n: number }>(
    tx,
    sql`SELECT count(*)::int AS n FROM catalog_orders r WHERE ${where}`,
  );
  return { rows, total: count!.n };
}

// ---- payment notices ------------------------------------------------------------------------

export async function nextIuvSequence(tx: Tx): Promise<string> {
  const [row] = await queryRows<{ n: string }>(tx, sql`SELECT nextval('payment_iuv_seq')::text AS n`);
  return row!.n;
}

export async function updateNotice(
  tx: Tx,
  orderId: string,
  status: 'pending' | 'paid' | 'failed' | 'expired' | 'cancelled',
  receipt: Record<string, unknown> | null,
): Promise<void> {
  await tx.execute(sql`
    UPDATE payment_notices SET status = ${status}, receipt = coalesce(${receipt === null ? null : JSON.stringify(receipt)}::jsonb, receipt),
      paid_at = ${status === 'paid' ? sql`now()` : sql`paid_at`}, updated_at = now()
    WHERE order_id = ${orderId}`);
}

// ---- statement ------------------------------------------------------------------------------

export interface StatementRowDb {
  comune_code: string;
  comune_name: string;
  orders: number;
  quantity: number;
  paid_cents: number;
  owed_cents: number;
}

/** Orders of a provider started in a month, not declined or cancelled, per comune. */
export async function statementRows(
  tx: Tx,
  providerId: string,
  monthStart: string,
  nextMonth: string,
): Promise<StatementRowDb[]> {
  return queryRows<StatementRowDb>(
    tx,
    sql`SELECT r.comune_code, c.name AS comune_name, count(*)::int AS orders, sum(r.quantity)::int AS quantity,
               sum(CASE WHEN r.payment_status IN ('paid', 'not_required') THEN r.total_cents ELSE 0 END)::int AS paid_cents,
               sum(r.subsidy_cents)::int AS owed_cents
        FROM catalog_orders r JOIN comuni c ON c.istat_code = r.comune_code
        WHERE r.provider_id = ${providerId} AND r.start_date >= ${monthStart} AND r.start_date < ${nextMonth}
          AND r.status NOT IN ('declined', 'cancelled')
        GROUP BY r.comune_code, c.name ORDER BY c.name`,
  );
}

/** Every current rule (any territory) for these services or categories: published as HSDS cost options. */
export async function rulesForServices(
  tx: Tx,
  serviceIds: string[],
  categoryIds: string[],
): Promise<TariffRuleRow[]> {
  if (serviceIds.length === 0) return [];
  return queryRows<TariffRuleRow>(
    tx,
    sql`${SELECT_RULE} WHERE retired_at IS NULL
          AND (service_id = ANY (${pgArray(serviceIds)}::uuid[]) OR category_id = ANY (${pgArray(categoryIds)}::text[]))
        ORDER BY scope_type, scope_id, name`,
  );
}

// ---- benefits reported to SIUSS (read by the siuss module through index.ts) ------------------

/** An order with a subsidised part: the comune's share is a social benefit (SIUSS). */
export interface SubsidisedOrderRow {
  id: string;
  person_id: string;
  comune_code: string;
  category_id: string;
  start_date: string;
  status: string;
  value_cents: number;
  subsidy_cents: number;
  total_cents: number;
}

/** Orders starting in [from, to] with a subsidy, whatever their status (RLS limits the territory). */
export async function subsidisedOrders(tx: Tx, from: string, to: string): Promise<SubsidisedOrderRow[]> {
  return queryRows<SubsidisedOrderRow>(
    tx,
    sql`SELECT o.id, o.person_id, o.comune_code, s.category_id, to_char(o.start_date, 'YYYY-MM-DD') AS start_date, o.status,
               (o.capped_unit_price_cents * o.quantity)::int AS value_cents, o.subsidy_cents, o.total_cents
        FROM catalog_orders o JOIN catalog_services s ON s.id = o.service_id
        WHERE o.subsidy_cents > 0 AND o.start_date BETWEEN ${from}::date AND ${to}::date
        ORDER BY o.start_date, o.id`,
  );
}

// ---- imports (belong to their uploader: platform/imports' enterImportOwner) -------------------

export interface CatalogImportRow {
  id: string;
  created_by: string;
  provider_id: string;
  file_kind: 'csv' | 'hsds';
  scope_all: boolean;
  scope_comuni: string[];
  status: 'running' | 'done' | 'failed';
  total: number;
  processed: number;
  created: number;
  rejected: number;
  failure: string | null;
}

const SELECT_CATALOG_IMPORT = sql`
  SELECT id, created_by, provider_id, file_kind, scope_all, scope_comuni, status, total, processed, created, rejected, failure
  FROM catalog_imports`;

export async function insertCatalogImport(
  tx: Tx,
  job: {
    createdBy: string;
    providerId: string;
    fileKind: 'csv' | 'hsds';
    scope: { all: boolean; comuni: readonly string[] };
    rows: readonly { row: number; cells: Record<string, string> }[];
  },
): Promise<string> {
  const [created] = await queryRows<{ id: string }>(
    tx,
    sql`INSERT INTO catalog_imports (created_by, provider_id, file_kind, scope_all, scope_comuni, total)
        VALUES (${job.createdBy}, ${job.providerId}, ${job.fileKind}, ${job.scope.all}, ${pgArray(job.scope.comuni)}::text[],
                ${job.rows.length})
        RETURNING id`,
  );
  const id = created!.id;
  for (let start = 0; start < job.rows.length; start += 1000) {
    const chunk = job.rows.slice(start, start + 1000).map((r) => ({ row: r.row, data: r.cells }));
    await tx.execute(sql`
      INSERT INTO catalog_import_rows (import_id, row_number, created_by, data)
      SELECT ${id}, (e->>'row')::int, ${job.createdBy}, e->'data'
      FROM jsonb_array_elements(${JSON.stringify(chunk)}::jsonb) AS e`);
  }
  return id;
}

export async function findCatalogImport(tx: Tx, id: string): Promise<CatalogImportRow | null> {
  const [row] = await queryRows<CatalogImportRow>(tx, sql`${SELECT_CATALOG_IMPORT} WHERE id = ${id}`);
  return row ?? null;
}

/** The import, locked for this batch; null when another runner holds it or it is finished. */
export async function lockRunningCatalogImport(tx: Tx, id: string): Promise<CatalogImportRow | null> {
  const [row] = await queryRows<CatalogImportRow>(
    tx,
    sql`${SELECT_CATALOG_IMPORT} WHERE id = ${id} AND status = 'running' FOR UPDATE SKIP LOCKED`,
  );
  return row ?? null;
}

export async function pendingCatalogImportRows(
  tx: Tx,
  importId: string,
  limit: number,
): Promise<{ row_number: number; data: Record<string, string> }[]> {
  return queryRows(
    tx,
    sql`SELECT row_number, data FROM catalog_import_rows
        WHERE import_id = ${importId} AND status = 'pending' ORDER BY row_number LIMIT ${limit}`,
  );
}

export async function recordCatalogImportRow(
  tx: Tx,
  importId: string,
  rowNumber: number,
  outcome: { status: 'created'; serviceId: string } | { status: 'rejected'; reason: string },
): Promise<void> {
  await tx.execute(sql`
    UPDATE catalog_import_rows
    SET status = ${outcome.status}, data = NULL,
        reason = ${outcome.status === 'rejected' ? outcome.reason : null},
        service_id = ${outcome.status === 'created' ? outcome.serviceId : null}
    WHERE import_id = ${importId} AND row_number = ${rowNumber}`);
}

/** Adds a batch's outcome to the counters; the import is done when every row is processed. */
export async function advanceCatalogImport(
  tx: Tx,
  id: string,
  delta: { created: number; rejected: number },
): Promise<void> {
  await tx.execute(sql`
    UPDATE catalog_imports
    SET created = created + ${delta.created}, rejected = rejected + ${delta.rejected},
        processed = processed + ${delta.created + delta.rejected}, updated_at = now(),
        status = CASE WHEN processed + ${delta.created + delta.rejected} >= total THEN 'done' ELSE status END,
        finished_at = CASE WHEN processed + ${delta.created + delta.rejected} >= total THEN now() ELSE finished_at END
    WHERE id = ${id}`);
}

export async function failCatalogImport(tx: Tx, id: string, failure: string): Promise<void> {
  await tx.execute(sql`
    UPDATE catalog_imports SET status = 'failed', failure = ${failure}, finished_at = now(), updated_at = now()
    WHERE id = ${id} AND status = 'running'`);
}

export async function catalogImportRowsReport(
  tx: Tx,
  importId: string,
  which: 'all' | 'rejected',
): Promise<{ row_number: number; status: string; reason: string | null; service_id: string | null }[]> {
  return queryRows(
    tx,
    sql`SELECT row_number, status, reason, service_id FROM catalog_import_rows
        WHERE import_id = ${importId} ${which === 'rejected' ? sql`AND status = 'rejected'` : sql``}
        ORDER BY row_number`,
  );
}
