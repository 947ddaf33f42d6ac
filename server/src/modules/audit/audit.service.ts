import { authorize } from '../../platform/access/access.js';
import { pgArray, queryRows, sql } from '../../platform/db/database.js';
import type { Context } from '../../platform/context.js';
import type { AuditPage, AuditQuery } from '../../../../shared/src/audit/audit.schemas.js';

interface AuditRow {
  id: string;
  at: string;
  actor_user_id: string | null;
  actor_email: string | null;
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
export async function searchAudit(ctx: Context, query: AuditQuery): Promise<AuditPage> {
  const scope = authorize(ctx, 'audit.read');
  const comuni = scope.all ? null : pgArray([...scope.comuni]);
  const where = sql`
    WHERE (${comuni}::text[] IS NULL OR comune_code = ANY(${comuni}::text[]))
      AND (${query.entityType ?? null}::text IS NULL OR entity_type = ${query.entityType ?? null})
      AND (${query.entityId ?? null}::text IS NULL OR entity_id = ${query.entityId ?? null}
           OR details->'ids' ? ${query.entityId ?? ''})
      AND (${query.action ?? null}::text IS NULL OR action = ${query.action ?? null})
      AND (${query.actor ?? null}::text IS NULL OR actor_email ILIKE ${'%' + (query.actor ?? '') + '%'})
      AND (${query.from ?? null}::date IS NULL OR at >= ${query.from ?? null}::date)
      AND (${query.to ?? null}::date IS NULL OR at < ${query.to ?? null}::date + 1)`;
  const rows = await queryRows<AuditRow>(
    ctx.database.db,
    sql`SELECT id, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, actor_user_id, actor_email, actor_roles,
               action, entity_type, entity_id, comune_code, ip, details
        FROM audit_events ${where} ORDER BY id DESC LIMIT ${query.limit ?? 50} OFFSET ${query.offset ?? 0}`,
  );
  const [count] = await queryRows<{ total: number }>(
    ctx.database.db,
    sql`SELECT count(*)::int AS total FROM audit_events ${where}`,
  );
  return {
    total: count?.total ?? 0,
    items: rows.map((r) => ({
      id: Number(r.id),
      at: r.at,
      actorUserId: r.actor_user_id,
      actorEmail: r.actor_email,
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
