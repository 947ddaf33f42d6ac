import { pgArray, queryRows, sql, type Tx } from '../../platform/db/database.js';
import type {
  CompetenceRule,
  CompetentOrganization,
  CreateInterventionTypeBody,
  InterventionType,
  UpdateInterventionTypeBody,
} from '../../../../shared/src/interventions/interventions.schemas.js';

const SELECT_TYPE = sql`
  SELECT id, name_it AS "nameIt", name_en AS "nameEn", description, requires_car AS "requiresCar",
         requires_time_window AS "requiresTimeWindow", health_risk AS "healthRisk",
         default_service_minutes AS "defaultServiceMinutes", default_load AS "defaultLoad",
         recurring_allowed AS "recurringAllowed", active,
         citizen_name_it AS "citizenNameIt", citizen_name_en AS "citizenNameEn",
         citizen_description_it AS "citizenDescriptionIt", citizen_description_en AS "citizenDescriptionEn",
         channels, to_char(active_from, 'YYYY-MM-DD') AS "activeFrom", to_char(active_until, 'YYYY-MM-DD') AS "activeUntil"
  FROM intervention_types t`;

/** SQL: type `t` is offered today through the channel: active, the channel among its own, today in its period (Rome). */
export const offeredOn = (channel: string) => sql`(t.active AND ${channel} = ANY(t.channels)
  AND (now() AT TIME ZONE 'Europe/Rome')::date BETWEEN coalesce(t.active_from, '-infinity') AND coalesce(t.active_until, 'infinity'))`;

/** Whether a type is offered today through the channel (see `offeredOn`); null for an unknown type. */
export async function isOfferedOn(tx: Tx, id: string, channel: string): Promise<boolean | null> {
  const [row] = await queryRows<{ offered: boolean }>(
    tx,
    sql`SELECT ${offeredOn(channel)} AS offered FROM intervention_types t WHERE t.id = ${id}`,
  );
  return row ? row.offered : null;
}

/** All the types of the protocol, or only those offered today through a channel. */
export function listInterventionTypes(tx: Tx, channel?: string): Promise<InterventionType[]> {
  const where = channel ? sql`WHERE ${offeredOn(channel)}` : sql``;
  return queryRows<InterventionType>(tx, sql`${SELECT_TYPE} ${where} ORDER BY sort_order, id`);
}

export async function findInterventionType(tx: Tx, id: string): Promise<InterventionType | null> {
  const [row] = await queryRows<InterventionType>(tx, sql`${SELECT_TYPE} WHERE t.id = ${id}`);
  return row ?? null;
}

export async function insertInterventionType(
  tx: Tx,
  body: CreateInterventionTypeBody,
  actorId: string,
): Promise<void> {
  await tx.execute(sql`
    INSERT INTO intervention_types (id, name_it, name_en, description, requires_car, requires_time_window, health_risk,
      default_service_minutes, default_load, recurring_allowed, active, citizen_name_it, citizen_name_en, citizen_description_it,
      citizen_description_en, channels, active_from, active_until, sort_order, updated_by)
    VALUES (${body.id}, ${body.nameIt}, ${body.nameEn}, ${body.description ?? ''}, ${body.requiresCar}, ${body.requiresTimeWindow},
      ${body.healthRisk}, ${body.defaultServiceMinutes}, ${body.defaultLoad}, ${body.recurringAllowed}, ${body.active ?? true},
      ${body.citizenNameIt ?? ''}, ${body.citizenNameEn ?? ''}, ${body.citizenDescriptionIt ?? ''}, ${body.citizenDescriptionEn ?? ''},
      coalesce(${body.channels ? pgArray(body.channels) : null}::text[], ARRAY['phone', 'web', 'access_point', 'social_worker']),
      ${body.activeFrom ?? null}::date, ${body.activeUntil ?? null}::date,
      (SELECT coalesce(max(sort_order), 0) + 1 FROM intervention_types), ${actorId})`);
}

export async function updateInterventionType(
  tx: Tx,
  id: string,
  body: UpdateInterventionTypeBody,
  actorId: string,
): Promise<void> {
  await tx.execute(sql`
    UPDATE intervention_types SET name_it = ${body.nameIt}, name_en = ${body.nameEn}, description = ${body.description ?? ''},
      requires_car = ${body.requiresCar}, requires_time_window = ${body.requiresTimeWindow}, health_risk = ${body.healthRisk},
      default_service_minutes = ${body.defaultServiceMinutes}, default_load = ${body.defaultLoad},
      recurring_allowed = ${body.recurringAllowed}, active = ${body.active ?? true},
      citizen_name_it = coalesce(${body.citizenNameIt ?? null}, citizen_name_it),
      citizen_name_en = coalesce(${body.citizenNameEn ?? null}, citizen_name_en),
      citizen_description_it = coalesce(${body.citizenDescriptionIt ?? null}, citizen_description_it),
      citizen_description_en = coalesce(${body.citizenDescriptionEn ?? null}, citizen_description_en),
      channels = coalesce(${body.channels ? pgArray(body.channels) : null}::text[], channels),
      active_from = CASE WHEN ${body.activeFrom !== undefined} THEN ${body.activeFrom ?? null}::date ELSE active_from END,
      active_until = CASE WHEN ${body.activeUntil !== undefined} THEN ${body.activeUntil ?? null}::date ELSE active_until END,
      updated_at = now(), updated_by = ${actorId}
    WHERE id = ${id}`);
}

const SELECT_RULE = sql`
  SELECT r.id, r.intervention_type_id AS "interventionTypeId", r.scope_type AS "scopeType", r.scope_id AS "scopeId",
         r.organization_id AS "organizationId", o.name AS "organizationName", r.priority, r.version,
         to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "createdAt", cu.full_name AS "createdBy",
         to_char(r.retired_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "retiredAt", ru.full_name AS "retiredBy"
  FROM competence_rules r
  JOIN organizations o ON o.id = r.organization_id
  LEFT JOIN users cu ON cu.id = r.created_by
  LEFT JOIN users ru ON ru.id = r.retired_by`;

export function listCompetenceRules(
  tx: Tx,
  filter: { interventionTypeId?: string; history: boolean },
): Promise<CompetenceRule[]> {
  return queryRows<CompetenceRule>(
    tx,
    sql`${SELECT_RULE}
        WHERE (${filter.history} OR r.retired_at IS NULL)
          AND (${filter.interventionTypeId ?? null}::text IS NULL OR r.intervention_type_id = ${filter.interventionTypeId ?? null})
        ORDER BY r.intervention_type_id, r.scope_type, r.scope_id, r.version DESC, r.priority`,
  );
}

/**
 * Replaces the organisations competent for a type over one territory: the current rows are
 * retired (kept for history) and the new list is stored as the next version.
 * @returns the new version number.
 */
export async function replaceCompetence(
  tx: Tx,
  target: { interventionTypeId: string; scopeType: string; scopeId: string | null },
  organizationIds: string[],
  actorId: string,
): Promise<number> {
  // Two administrators editing the same cell wait for each other instead of both writing version n+1.
  await tx.execute(
    sql`SELECT pg_advisory_xact_lock(hashtext(${`competence:${target.interventionTypeId}:${target.scopeType}:${target.scopeId ?? ''}`}))`,
  );
  const [current] = await queryRows<{ version: number }>(
    tx,
    sql`SELECT coalesce(max(version), 0)::int AS version FROM competence_rules
        WHERE intervention_type_id = ${target.interventionTypeId} AND scope_type = ${target.scopeType}
          AND coalesce(scope_id, '') = ${target.scopeId ?? ''}`,
  );
  const version = (current?.version ?? 0) + 1;
  await tx.execute(sql`
    UPDATE competence_rules SET retired_at = now(), retired_by = ${actorId}
    WHERE intervention_type_id = ${target.interventionTypeId} AND scope_type = ${target.scopeType}
      AND coalesce(scope_id, '') = ${target.scopeId ?? ''} AND retired_at IS NULL`);
  for (const [index, organizationId] of organizationIds.entries()) {
    await tx.execute(sql`
      INSERT INTO competence_rules (intervention_type_id, scope_type, scope_id, organization_id, priority, version, created_by)
      VALUES (${target.interventionTypeId}, ${target.scopeType}, ${target.scopeId}, ${organizationId}, ${index + 1}, ${version}, ${actorId})`);
  }
  return version;
}

/**
 * The organisations competent for a type in a comune, in priority order. The most specific
 * territory with a rule wins: the comune, else its Ambito, else the whole installation.
 */
export function resolveCompetence(
  tx: Tx,
  interventionTypeId: string,
  comuneCode: string,
): Promise<CompetentOrganization[]> {
  return queryRows<CompetentOrganization>(
    tx,
    sql`WITH candidates AS (
          SELECT r.*, CASE r.scope_type WHEN 'comune' THEN 1 WHEN 'ambito' THEN 2 ELSE 3 END AS specificity
          FROM competence_rules r
          WHERE r.retired_at IS NULL AND r.intervention_type_id = ${interventionTypeId}
            AND (r.scope_type = 'all'
                 OR (r.scope_type = 'comune' AND r.scope_id = ${comuneCode})
                 OR (r.scope_type = 'ambito' AND r.scope_id = (SELECT ambito_id FROM comuni WHERE istat_code = ${comuneCode})))
        )
        SELECT c.organization_id AS "organizationId", o.name AS "organizationName", c.priority,
               c.scope_type AS "scopeType", c.scope_id AS "scopeId"
        FROM candidates c JOIN organizations o ON o.id = c.organization_id
        WHERE c.specificity = (SELECT min(specificity) FROM candidates)
        ORDER BY c.priority`,
  );
}
