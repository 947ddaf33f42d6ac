import { Link } from 'react-router';
import type { HelpRequest } from '../../../../shared/src/requests/requests.schemas';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDateTime } from '../../i18n/format';
import { DataTable } from '../../ui/DataTable';
import { personName } from '../people/PeopleTable';
import { AwaitingDecisionBadge, RequestStatusBadge, UrgencyBadge } from './RequestBadges';

interface RequestsTableProps {
  requests: HelpRequest[];
  typeName: (id: string, fallback: string) => string;
  caption: string;
}

/** Requests as a table on wide screens, cards on phones; the type links to the detail. */
export function RequestsTable({ requests, typeName, caption }: RequestsTableProps) {
  const { t, locale } = useI18n();
  return (
    <DataTable
      caption={caption}
      rows={requests}
      rowKey={(r) => r.id}
      empty={t.requests.empty}
      columns={[
        {
          key: 'type',
          header: t.requests.type,
          render: (r) => (
            <Link to={`/richieste/${r.id}`} className="fw-semibold">
              {typeName(r.interventionTypeId, r.interventionTypeName)}
            </Link>
          ),
        },
        {
          key: 'person',
          header: t.requests.beneficiary,
          render: (r) => `${personName(r.beneficiary)} (${t.requests.age(r.beneficiary.age)})`,
        },
        { key: 'comune', header: t.requests.comune, render: (r) => r.comuneName },
        { key: 'urgency', header: t.requests.urgency, render: (r) => <UrgencyBadge urgency={r.urgency} /> },
        {
          key: 'status',
          header: t.requests.status,
          render: (r) =>
            r.awaitingDecision ? <AwaitingDecisionBadge /> : <RequestStatusBadge status={r.status} />,
        },
        {
          key: 'organization',
          header: t.requests.organization,
          render: (r) => r.organizationName ?? t.common.none,
        },
        {
          key: 'received',
          header: t.requests.receivedAt,
          render: (r) => formatDateTime(r.createdAt, locale),
        },
      ]}
    />
  );
}
