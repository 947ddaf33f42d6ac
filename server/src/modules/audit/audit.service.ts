import { withScope } from '../../platform/access/access.js';
import type { Scope } from '../../platform/access/actor.js';
import { pgArray, queryRows, sql, type Tx } from '../../platform/db/database.js';
import type { Context } from '../../platform/context.js';
import type { AuditPage, AuditQuery } from '../../../../shared/src/audit/audit.schemas.js';
import { invalid } from '../../platform/errors.js';
import { excelCsv } from '../../platform/http/csv.js';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, auditLabel } from '../../../../shared/src/audit/audit.catalog.js';

const rangeReversed = () =>
  invalid('AUDIT_RANGE_REVERSED', 'La data «Al» non può essere prima della data «Dal».', { field: 'to' });

interface AuditRow {
  id: string;
  at: string;
  actor_user_id: string | null;
  actor_email: string | null;
  actor_name: string | null;
  actor_roles: string[];
  action: string;
  entity_type: string;
  entity_id: string | null;
  comune_code: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

/**
 * Searches the audit trail, newest first. An auditor of part of the territory sees the events
 * on its comuni only; events tied to no comune (logins, accounts) need the whole territory.
 * @throws 403 for every role but revisore.
 */
export function searchAudit(ctx: Context, query: AuditQuery): Promise<AuditPage> {
  return withScope(ctx, 'audit.read', async (tx, scope) => {
    if (query.from && query.to && query.from > query.to) throw rangeReversed();
    return searchInScope(tx, scope, query);
  });
}

// The query filters the territory itself; row-level security on audit_events is the backstop.
async function searchInScope(tx: Tx, scope: Scope, query: AuditQuery): Promise<AuditPage> {
  const comuni = scope.all ? null : pgArray([...scope.comuni]);
  const actor = query.actor?.trim() ? `%${query.actor.trim()}%` : null;
  const where = sql`
    WHERE (${comuni}::text[] IS NULL OR e.comune_code = ANY(${comuni}::text[]))
      AND (${query.entityType ?? null}::text IS NULL OR e.entity_type = ${query.entityType ?? null})
      AND (${query.entityId ?? null}::text IS NULL OR e.entity_id = ${query.entityId ?? null}
           OR e.details->'ids' ? ${query.entityId ?? ''})
      AND (${query.action ?? null}::text IS NULL OR e.action = ${query.action ?? null})
      AND (${actor}::text IS NULL OR e.actor_email ILIKE ${actor} OR u.full_name ILIKE ${actor})
      AND (${query.from ?? null}::date IS NULL OR e.at >= ${query.from ?? null}::date)
      AND (${query.to ?? null}::date IS NULL OR e.at < ${query.to ?? null}::date + 1)`;
  const rows = await queryRows<AuditRow>(
    tx,
    // A login is written before the session's roles are loaded: its roles are the user's.
    sql`SELECT e.id, to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, e.actor_user_id, e.actor_email,
               u.full_name AS actor_name,
               CASE WHEN cardinality(e.actor_roles) > 0 THEN e.actor_roles
                    ELSE coalesce((SELECT array_agg(DISTINCT m.role ORDER BY m.role) FROM memberships m WHERE m.user_id = e.actor_user_id), '{}')
               END AS actor_roles,
               e.action, e.entity_type, e.entity_id, e.comune_code, e.ip, e.details
        FROM audit_events e LEFT JOIN users u ON u.id = e.actor_user_id
        ${where} ORDER BY e.id DESC LIMIT ${query.limit ?? 50} OFFSET ${query.offset ?? 0}`,
  );
  const [count] = await queryRows<{ total: number }>(
    tx,
    sql`SELECT count(*)::int AS total FROM audit_events e LEFT JOIN users u ON u.id = e.actor_user_id ${where}`,
  );
  return {
    total: count?.total ?? 0,
    items: rows.map((r) => ({
      id: Number(r.id),
      at: r.at,
      actorUserId: r.actor_user_id,
      actorEmail: r.actor_email,
      actorName: r.actor_name,
      actorRoles: r.actor_roles,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      comuneCode: r.comune_code,
      ip: r.ip,
      details: r.details,
    })),
  };
}

// The most rows one export carries: an auditor narrows the filters for more.
const EXPORT_LIMIT = 10_000;

const CSV_HEADERS = {
  it: [
    'Data e ora (UTC)',
    'Utente',
    'Email',
    'Ruoli',
    'Operazione',
    'Tipo di dato',
    'Identificativo',
    'Comune',
    'Identificativi mostrati',
    'Indirizzo IP',
  ],
  en: [
    'Date and time (UTC)',
    'User',
    'Email',
    'Roles',
    'Operation',
    'Kind of record',
    'Identifier',
    'Comune',
    'Identifiers shown',
    'IP address',
  ],
};

/**
 * The events of a search as CSV for Excel (`;`, BOM), with operations and kinds of record named
 * in the reader's language; at most 10,000 rows.
 * @throws 403 for every role but revisore, 422 for a reversed date range.
 */
export async function exportAuditCsv(ctx: Context, query: AuditQuery, locale: 'it' | 'en'): Promise<string> {
  const page = await searchAudit(ctx, { ...query, limit: EXPORT_LIMIT, offset: 0 });
  return excelCsv([
    CSV_HEADERS[locale],
    ...page.items.map((e) => [
      e.at,
      e.actorName ?? '',
      e.actorEmail ?? '',
      e.actorRoles.join(', '),
      auditLabel(AUDIT_ACTIONS, e.action, locale),
      auditLabel(AUDIT_ENTITY_TYPES, e.entityType, locale),
      e.entityId ?? '',
      e.comuneCode ?? '',
      Array.isArray(e.details.ids) ? e.details.ids.map(String).join(' ') : '',
      e.ip ?? '',
    ]),
  ]);
}
