import { Link } from 'react-router';
import type { AuditEventView } from '../../../../shared/src/audit/audit.schemas';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDateTime } from '../../i18n/format';
import type { Messages } from '../../i18n/it';
import { DataTable } from '../../ui/DataTable';

function actionLabel(action: string, t: Messages): string {
  return (t.audit.actions as Record<string, string | undefined>)[action] ?? action;
}

/** What the event's details say, without personal data (the server stores ids, field names, counts). */
function detailText(event: AuditEventView, t: Messages): string {
  const { fields, ids, total } = event.details;
  if (Array.isArray(fields)) return t.audit.changedFields(fields.map(String).join(', '));
  if (Array.isArray(ids)) return t.audit.resultCount(typeof total === 'number' ? total : ids.length);
  return '';
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
        {
          key: 'actor',
          header: t.audit.actor,
          render: (e) => (e.actorEmail ? `${e.actorEmail} (${e.actorRoles.join(', ')})` : t.common.none),
        },
        { key: 'action', header: t.audit.action, render: (e) => actionLabel(e.action, t) },
        {
          key: 'entity',
          header: t.audit.entity,
          render: (e) =>
            e.entityType === 'person' && e.entityId ? (
              <Link to={`/registro-accessi?entityId=${e.entityId}`} className="font-monospace small">
                {e.entityId}
              </Link>
            ) : (
              <span className="font-monospace small">{e.entityId ?? t.common.none}</span>
            ),
        },
        { key: 'details', header: t.audit.details, render: (e) => detailText(e, t) },
        { key: 'ip', header: t.audit.ip, render: (e) => e.ip ?? t.common.none },
      ]}
    />
  );
}
