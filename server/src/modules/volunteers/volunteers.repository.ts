import { pgArray, queryRows, sql, type SQL, type Tx } from '../../platform/db/database.js';
import type {
  AvailabilitySlot,
  VolunteerStatus,
} from '../../../../shared/src/volunteers/volunteers.schemas.js';
import type { AssignableVolunteer, VolunteerProfile } from './volunteers.rules.js';

/*
 * The only SQL on volunteers and volunteer imports. Volunteer queries run inside `withScope` (or
 * the explicit scope of the offer form and of an import job), so row-level security already
 * limits rows to a territory; the organisation filter of the policy is added by the callers'
 * `OrganizationFilter`. Import tables are limited to their uploader by `enterImportOwner`.
 */

export interface VolunteerRow {
  id: string;
  user_id: string | null;
  organization_id: string | null;
  organization_name: string | null;
  given_name: string;
  family_name: string;
  codice_fiscale: string | null;
  birth_date: string | null;
  phone: string;
  email: string | null;
  comune_code: string;
  comune_name: string;
  status: VolunteerStatus;
  has_car: boolean;
  has_licence: boolean;
  languages: string[];
  skills: string[];
  zones: string[];
  neighbourhoods: string[];
  availability: AvailabilitySlot[];
  insurance_valid_until: string | null;
  health_training: boolean;
  max_tasks_per_day: number;
  consent_privacy: boolean;
  notes: string | null;
  review_reason: string | null;
  reviewed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface VolunteerValues extends VolunteerProfile {
  userId: string | null;
  organizationId: string | null;
  status: VolunteerStatus;
  consentPrivacy: boolean;
}

const utc = (column: ReturnType<typeof sql.raw>) =>
  sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

const SELECT_VOLUNTEER = sql`
  SELECT v.id, v.user_id, v.organization_id, o.name AS organization_name, v.given_name, v.family_name,
         v.codice_fiscale, to_char(v.birth_date, 'YYYY-MM-DD') AS birth_date, v.phone, v.email, v.comune_code,
         c.name AS comune_name, v.status, v.has_car, v.has_licence, v.languages, v.skills, v.zones::text[] AS zones,
         v.neighbourhoods, v.availability, to_char(v.insurance_valid_until, 'YYYY-MM-DD') AS insurance_valid_until,
         v.health_training, v.max_tasks_per_day, v.consent_privacy, v.notes, v.review_reason,
         ${utc(sql.raw('v.reviewed_at'))} AS reviewed_at, ${utc(sql.raw('v.created_at'))} AS created_at,
         ${utc(sql.raw('v.updated_at'))} AS updated_at
  FROM volunteers v
  JOIN comuni c ON c.istat_code = v.comune_code
  LEFT JOIN organizations o ON o.id = v.organization_id`;

/**
 * Which organisations' volunteers a query may return, besides the individual ones
 * (organization_id null), which are always visible inside the territory.
 * `everyOrganizationIn`: comuni where any organisation's volunteers are visible ('all' = the whole scope).
 */
export interface OrganizationFilter {
  everyOrganizationIn: 'all' | readonly string[];
  organizations: readonly string[];
}

function visible(filter: OrganizationFilter) {
  if (filter.everyOrganizationIn === 'all') return sql`true`;
  return sql`(v.organization_id IS NULL
              OR v.organization_id::text = ANY(${pgArray(filter.organizations)}::text[])
              OR v.comune_code::text = ANY(${pgArray(filter.everyOrganizationIn)}::text[]))`;
}

export async function findVolunteerRow(tx: Tx, id: string): Promise<VolunteerRow | null> {
  const [row] = await queryRows<VolunteerRow>(tx, sql`${SELECT_VOLUNTEER} WHERE v.id = ${id}`);
  return row ?? null;
}

/** The volunteer `id` (SQL: a parameter or a column) as one JSON row, for another module's statement (toAssignable reads it). */
export function volunteerRowJson(id: SQL): SQL {
  return sql`(SELECT row_to_json(v) FROM (${SELECT_VOLUNTEER} WHERE v.id = ${id}) v)`;
}

export async function findVolunteerRowByUserId(tx: Tx, userId: string): Promise<VolunteerRow | null> {
  const [row] = await queryRows<VolunteerRow>(tx, sql`${SELECT_VOLUNTEER} WHERE v.user_id = ${userId}`);
  return row ?? null;
}

export interface VolunteerSearch {
  status: VolunteerStatus | null;
  /** An organisation id, 'none' for individual volunteers, or null for any. */
  organization: string | null;
  comune: string | null;
  /** Folded words that must all appear in the name, or digits of the phone, or a codice fiscale prefix. */
  q:
    | { kind: 'name'; words: string[] }
    | { kind: 'phone'; digits: string }
    | { kind: 'codiceFiscale'; prefix: string }
    | null;
}

const FOLD_FROM = 'àáâäèéêëìíîïòóôöùúûüç’';
const FOLD_TO = "aaaaeeeeiiiioooouuuuc'";

function likeEscape(value: string): string {
  return value.replace(/[%_\\]/g, '\\$&');
}

export async function searchVolunteers(
  tx: Tx,
  search: VolunteerSearch,
  filter: OrganizationFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: VolunteerRow[]; total: number }> {
  const q = search.q;
  const match = !q
    ? sql`true`
    : q.kind === 'phone'
      ? sql`regexp_replace(v.phone, '[^0-9]', '', 'g') LIKE ${'%' + q.digits + '%'}`
      : q.kind === 'codiceFiscale'
        ? sql`v.codice_fiscale LIKE ${likeEscape(q.prefix) + '%'}`
        : q.words.length === 0
          ? sql`true`
          : sql.join(
              q.words.map(
                (w) =>
                  sql`translate(lower(v.given_name || ' ' || v.family_name), ${FOLD_FROM}, ${FOLD_TO}) LIKE ${'%' + likeEscape(w) + '%'}`,
              ),
              sql` AND `,
            );
  const org =
    search.organization === null
      ? sql`true`
      : search.organization === 'none'
        ? sql`v.organization_id IS NULL`
        : sql`v.organization_id = ${search.organization}`;
  const where = sql`WHERE ${visible(filter)} AND ${match} AND ${org}
                      AND (${search.status}::text IS NULL OR v.status = ${search.status})
                      AND (${search.comune}::text IS NULL OR v.comune_code = ${search.comune})`;
  const rows = await queryRows<VolunteerRow>(
    tx,
    sql`${SELECT_VOLUNTEER} ${where} ORDER BY v.family_name, v.given_name, v.id LIMIT ${page.limit} OFFSET ${page.offset}`,
  );
  const [count] = await queryRows<{ total: number }>(
    tx,
    sql`SELECT count(*)::int AS total FROM volunteers v ${where}`,
  );
  return { rows, total: count?.total ?? 0 };
}

/**
 * Inserts a volunteer unless one with the same codice fiscale exists anywhere (the unique index
 * decides, so rows of other territories are compared without being read).
 * @returns the new id, or null for a duplicate codice fiscale.
 */
export async function insertVolunteer(
  tx: Tx,
  v: VolunteerValues,
  reviewedBy: string | null,
): Promise<string | null> {
  const reviewed = v.status !== 'offered';
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`INSERT INTO volunteers (user_id, organization_id, given_name, family_name, codice_fiscale, birth_date, phone, email,
                                comune_code, status, has_car, has_licence, languages, skills, zones, neighbourhoods,
                                availability, insurance_valid_until, health_training, max_tasks_per_day, consent_privacy,
                                notes, reviewed_at, reviewed_by)
        VALUES (${v.userId}, ${v.organizationId}, ${v.givenName}, ${v.familyName}, ${v.codiceFiscale}, ${v.birthDate},
                ${v.phone}, ${v.email}, ${v.comuneCode}, ${v.status}, ${v.hasCar}, ${v.hasLicence},
                ${pgArray(v.languages)}::text[], ${pgArray(v.skills)}::text[], ${pgArray(v.zones)}::text[],
                ${pgArray(v.neighbourhoods)}::text[], ${JSON.stringify(v.availability)}::jsonb, ${v.insuranceValidUntil},
                ${v.healthTraining}, ${v.maxTasksPerDay}, ${v.consentPrivacy}, ${v.notes},
                ${reviewed ? sql`now()` : sql`NULL`}, ${reviewedBy})
        ON CONFLICT (codice_fiscale) WHERE codice_fiscale IS NOT NULL DO NOTHING
        RETURNING id`,
  );
  return rows[0]?.id ?? null;
}

/**
 * Records the review of an offer, only if it is still waiting (two coordinators may race).
 * @returns false when the offer was already reviewed.
 */
export async function reviewVolunteer(
  tx: Tx,
  id: string,
  review: {
    status: 'approved' | 'rejected';
    reason: string | null;
    organizationId: string | null;
    reviewedBy: string;
  },
): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`UPDATE volunteers SET status = ${review.status}, review_reason = ${review.reason},
               organization_id = ${review.organizationId}, reviewed_at = now(), reviewed_by = ${review.reviewedBy},
               updated_at = now()
        WHERE id = ${id} AND status = 'offered'
        RETURNING id`,
  );
  return rows.length === 1;
}

export interface VolunteerChanges {
  phone?: string;
  email?: string | null;
  hasCar?: boolean;
  hasLicence?: boolean;
  languages?: string[];
  skills?: string[];
  zones?: string[];
  neighbourhoods?: string[];
  availability?: AvailabilitySlot[];
  maxTasksPerDay?: number;
  insuranceValidUntil?: string | null;
  healthTraining?: boolean;
  notes?: string | null;
  status?: 'approved' | 'suspended';
}

/** Applies the given changes to an approved or suspended volunteer. @returns false when its status no longer allows it. */
export async function updateVolunteer(tx: Tx, id: string, c: VolunteerChanges): Promise<boolean> {
  const sets = [
    c.phone !== undefined ? sql`phone = ${c.phone}` : null,
    c.email !== undefined ? sql`email = ${c.email}` : null,
    c.hasCar !== undefined ? sql`has_car = ${c.hasCar}` : null,
    c.hasLicence !== undefined ? sql`has_licence = ${c.hasLicence}` : null,
    c.languages !== undefined ? sql`languages = ${pgArray(c.languages)}::text[]` : null,
    c.skills !== undefined ? sql`skills = ${pgArray(c.skills)}::text[]` : null,
    c.zones !== undefined ? sql`zones = ${pgArray(c.zones)}::text[]` : null,
    c.neighbourhoods !== undefined ? sql`neighbourhoods = ${pgArray(c.neighbourhoods)}::text[]` : null,
    c.availability !== undefined ? sql`availability = ${JSON.stringify(c.availability)}::jsonb` : null,
    c.maxTasksPerDay !== undefined ? sql`max_tasks_per_day = ${c.maxTasksPerDay}` : null,
    c.insuranceValidUntil !== undefined ? sql`insurance_valid_until = ${c.insuranceValidUntil}` : null,
    c.healthTraining !== undefined ? sql`health_training = ${c.healthTraining}` : null,
    c.notes !== undefined ? sql`notes = ${c.notes}` : null,
    c.status !== undefined ? sql`status = ${c.status}` : null,
  ].filter((s) => s !== null);
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`UPDATE volunteers SET ${sql.join([...sets, sql`updated_at = now()`], sql`, `)}
        WHERE id = ${id} AND status IN ('approved', 'suspended')
        RETURNING id`,
  );
  return rows.length === 1;
}

export async function listApprovedRows(
  tx: Tx,
  filter: { organizationIds: readonly string[] | null; includeIndividuals: boolean },
): Promise<VolunteerRow[]> {
  const org =
    filter.organizationIds === null
      ? sql`true`
      : sql`(v.organization_id::text = ANY(${pgArray(filter.organizationIds)}::text[])
             ${filter.includeIndividuals ? sql`OR v.organization_id IS NULL` : sql``})`;
  return queryRows<VolunteerRow>(
    tx,
    sql`${SELECT_VOLUNTEER} WHERE v.status = 'approved' AND ${org} ORDER BY v.family_name, v.given_name, v.id`,
  );
}

export function toAssignable(r: VolunteerRow): AssignableVolunteer {
  return {
    id: r.id,
    userId: r.user_id,
    organizationId: r.organization_id,
    givenName: r.given_name,
    familyName: r.family_name,
    phone: r.phone,
    email: r.email,
    comuneCode: r.comune_code,
    status: r.status,
    hasCar: r.has_car,
    hasLicence: r.has_licence,
    healthTraining: r.health_training,
    languages: r.languages,
    skills: r.skills,
    zones: r.zones,
    availability: r.availability,
    maxTasksPerDay: r.max_tasks_per_day,
    insuranceValidUntil: r.insurance_valid_until,
  };
}

export async function comuniOfProvince(tx: Tx): Promise<{ istatCode: string; name: string }[]> {
  return queryRows<{ istatCode: string; name: string }>(
    tx,
    sql`SELECT istat_code AS "istatCode", name FROM comuni ORDER BY name`,
  );
}

/** The ISTAT codes among `codes` that exist. */
export async function existingComuni(tx: Tx, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await queryRows<{ code: string }>(
    tx,
    sql`SELECT istat_code::text AS code FROM comuni WHERE istat_code::text = ANY(${pgArray(codes)}::text[])`,
  );
  return new Set(rows.map((r) => r.code));
}

export async function organizationExists(tx: Tx, id: string): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(tx, sql`SELECT id FROM organizations WHERE id = ${id}`);
  return rows.length === 1;
}

// ---- Imports ---------------------------------------------------------------------------------

export { enterImportOwner } from '../../platform/imports/batches.js';

export interface ImportRow {
  id: string;
  created_by: string;
  organization_id: string | null;
  file_kind: 'csv' | 'xlsx';
  scope_all: boolean;
  scope_comuni: string[];
  status: 'running' | 'done' | 'failed';
  total: number;
  processed: number;
  created: number;
  rejected: number;
  failure: string | null;
  created_at: string;
  finished_at: string | null;
}

const SELECT_IMPORT = sql`
  SELECT id, created_by, organization_id, file_kind, scope_all, scope_comuni, status, total, processed, created, rejected,
         failure, ${utc(sql.raw('created_at'))} AS created_at, ${utc(sql.raw('finished_at'))} AS finished_at
  FROM volunteer_imports`;

export async function insertImport(
  tx: Tx,
  job: {
    createdBy: string;
    organizationId: string | null;
    fileKind: 'csv' | 'xlsx';
    scope: { all: boolean; comuni: readonly string[] };
    rows: readonly { row: number; values: Record<string, string | undefined> }[];
  },
): Promise<string> {
  const [created] = await queryRows<{ id: string }>(
    tx,
    sql`INSERT INTO volunteer_imports (created_by, organization_id, file_kind, scope_all, scope_comuni, total)
        VALUES (${job.createdBy}, ${job.organizationId}, ${job.fileKind}, ${job.scope.all}, ${pgArray(job.scope.comuni)}::text[],
                ${job.rows.length})
        RETURNING id`,
  );
  const id = created!.id;
  // One statement per thousand rows: the file's rows travel as one JSON parameter.
  for (let start = 0; start < job.rows.length; start += 1000) {
    const chunk = job.rows.slice(start, start + 1000).map((r) => ({ row: r.row, data: r.values }));
    await tx.execute(sql`
      INSERT INTO volunteer_import_rows (import_id, row_number, created_by, data)
      SELECT ${id}, (e->>'row')::int, ${job.createdBy}, e->'data'
      FROM jsonb_array_elements(${JSON.stringify(chunk)}::jsonb) AS e`);
  }
  return id;
}

/** The import, locked for this transaction's batch; null when another worker holds it or it is finished. */
export async function lockRunningImport(tx: Tx, id: string): Promise<ImportRow | null> {
  const [row] = await queryRows<ImportRow>(
    tx,
    sql`${SELECT_IMPORT} WHERE id = ${id} AND status = 'running' FOR UPDATE SKIP LOCKED`,
  );
  return row ?? null;
}

export async function findImport(tx: Tx, id: string): Promise<ImportRow | null> {
  const [row] = await queryRows<ImportRow>(tx, sql`${SELECT_IMPORT} WHERE id = ${id}`);
  return row ?? null;
}

export async function pendingImportRows(
  tx: Tx,
  importId: string,
  limit: number,
): Promise<{ row_number: number; data: Record<string, string> }[]> {
  return queryRows(
    tx,
    sql`SELECT row_number, data FROM volunteer_import_rows
        WHERE import_id = ${importId} AND status = 'pending' ORDER BY row_number LIMIT ${limit}`,
  );
}

export async function recordImportRow(
  tx: Tx,
  importId: string,
  rowNumber: number,
  outcome: { status: 'created'; volunteerId: string } | { status: 'rejected'; reason: string },
): Promise<void> {
  await tx.execute(sql`
    UPDATE volunteer_import_rows
    SET status = ${outcome.status}, data = NULL,
        reason = ${outcome.status === 'rejected' ? outcome.reason : null},
        volunteer_id = ${outcome.status === 'created' ? outcome.volunteerId : null}
    WHERE import_id = ${importId} AND row_number = ${rowNumber}`);
}

export async function advanceImport(
  tx: Tx,
  id: string,
  delta: { created: number; rejected: number },
): Promise<void> {
  await tx.execute(sql`
    UPDATE volunteer_imports
    SET created = created + ${delta.created}, rejected = rejected + ${delta.rejected},
        processed = processed + ${delta.created + delta.rejected}, updated_at = now(),
        status = CASE WHEN processed + ${delta.created + delta.rejected} >= total THEN 'done' ELSE status END,
        finished_at = CASE WHEN processed + ${delta.created + delta.rejected} >= total THEN now() ELSE finished_at END
    WHERE id = ${id}`);
}

/** Stops an import that cannot go on; the rows not yet read are dropped (they hold personal data). */
export async function failImport(tx: Tx, id: string, failure: string): Promise<void> {
  await tx.execute(sql`UPDATE volunteer_imports SET status = 'failed', failure = ${failure}, updated_at = now(), finished_at = now()
                       WHERE id = ${id} AND status = 'running'`);
  await tx.execute(sql`DELETE FROM volunteer_import_rows WHERE import_id = ${id} AND status = 'pending'`);
}

export async function importRowsReport(
  tx: Tx,
  importId: string,
  which: 'all' | 'rejected',
): Promise<
  { row_number: number; status: 'created' | 'rejected'; reason: string | null; volunteer_id: string | null }[]
> {
  return queryRows(
    tx,
    sql`SELECT row_number, status, reason, volunteer_id FROM volunteer_import_rows
        WHERE import_id = ${importId} AND status <> 'pending'
          AND (${which} = 'all' OR status = 'rejected')
        ORDER BY row_number`,
  );
}
