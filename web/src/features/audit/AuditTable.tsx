import { Link } from 'react-router';
import type { AuditEventView } from '../../../../shared/src/audit/audit.schemas';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, auditLabel } from '../../../../shared/src/audit/audit.catalog';
import type { RoleName } from '../../../../shared/src/accounts/accounts.schemas';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDateTime } from '../../i18n/format';
import type { Messages } from '../../i18n/it';
import { DataTable } from '../../ui/DataTable';
import { useMe, hasCapability } from '../session/SessionProvider';

/** What the event's details say, without personal data (the server stores ids, field names, counts). */
function detailText(event: AuditEventView, t: Messages): string {
  const { fields, ids, total } = event.details;
  if (Array.isArray(fields)) return t.audit.changedFields(fields.map(String).join(', '));
  if (Array.isArray(ids)) return t.audit.resultCount(typeof total === 'number' ? total : ids.length);
  return '';
}

function Actor({ event }: { event: AuditEventView }) {
  const { t } = useI18n();
  if (!event.actorEmail && !event.actorName) return <>{t.audit.noActor}</>;
  const roles = event.actorRoles.map((r) => (t.roles as Record<string, string>)[r as RoleName] ?? r);
  return (
    <>
      <span className="d-block fw-semibold">{event.actorName ?? event.actorEmail}</span>
      {event.actorName && event.actorEmail && <span className="d-block small">{event.actorEmail}</span>}
      {roles.length > 0 && <span className="d-block small">{roles.join(', ')}</span>}
    </>
  );
}

/**
 * Which record: its kind by name and a short id; a link to the record for who may open it, and
 * to the record's own trail.
 */
function DataReference({ event }: { event: AuditEventView }) {
  const { t, locale } = useI18n();
  const me = useMe();
  const kind = (AUDIT_ENTITY_TYPES as Record<string, { path?: (id: string) => string; read?: string }>)[
    event.entityType
  ];
  const label = auditLabel(AUDIT_ENTITY_TYPES, event.entityType, locale);
  if (!event.entityId) return <>{label}</>;
  const short = event.entityId.slice(0, 8);
  const canOpen = kind?.path && kind.read && hasCapability(me, kind.read as never);
  return (
    <>
      <span className="d-block">
        {label}{' '}
        <span className="font-monospace small" title={event.entityId}>
          {short}
        </span>
      </span>
      <span className="d-block small">
        {canOpen && (
          <>
            <Link to={kind.path!(event.entityId)}>{t.audit.openRecord(label, short)}</Link>
            {' · '}
          </>
        )}
        <Link to={`/registro-accessi?entityId=${encodeURIComponent(event.entityId)}`}>
          {t.audit.recordTrail(label, short)}
        </Link>
      </span>
    </>
  );
}

export function AuditTable({ events }: { events: AuditEventView[] }) {
  const { t, locale } = useI18n();
  return (
    <DataTable
      caption={t.audit.caption}
      rows={events}
      rowKey={(e) => String(e.id)}
      empty={t.audit.empty}
      columns={[
        { key: 'at', header: t.audit.at, render: (e) => formatDateTime(e.at, locale) },
        { key: 'actor', header: t.audit.actor, render: (e) => <Actor event={e} /> },
        { key: 'action', header: t.audit.action, render: (e) => auditLabel(AUDIT_ACTIONS, e.action, locale) },
        { key: 'entity', header: t.audit.entity, render: (e) => <DataReference event={e} /> },
        { key: 'details', header: t.audit.details, render: (e) => detailText(e, t) },
        { key: 'ip', header: t.audit.ip, render: (e) => e.ip ?? t.common.none },
      ]}
    />
  );
}
