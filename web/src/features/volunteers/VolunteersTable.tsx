import { Link } from 'react-router';
import type { Volunteer } from '../../../../shared/src/volunteers/volunteers.schemas';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDate } from '../../i18n/format';
import { DataTable } from '../../ui/DataTable';
import { VolunteerStatusBadge } from './VolunteerBadges';

export const volunteerName = (v: { givenName: string; familyName: string }) =>
  `${v.familyName} ${v.givenName}`;

/** Volunteers and offers: a table on wide screens, cards on phones. */
export function VolunteersTable({ volunteers }: { volunteers: Volunteer[] }) {
  const { t, locale } = useI18n();
  return (
    <DataTable
      caption={t.volunteers.caption}
      rows={volunteers}
      rowKey={(v) => v.id}
      empty={t.volunteers.empty}
      columns={[
        {
          key: 'name',
          header: t.volunteers.name,
          render: (v) => (
            <Link to={`/volontari/${v.id}`} className="fw-semibold">
              {volunteerName(v)}
            </Link>
          ),
        },
        {
          key: 'status',
          header: t.volunteers.status,
          render: (v) => <VolunteerStatusBadge status={v.status} />,
        },
        {
          key: 'organization',
          header: t.volunteers.organization,
          render: (v) => v.organizationName ?? t.volunteers.individual,
        },
        { key: 'comune', header: t.volunteers.comune, render: (v) => v.comuneName },
        { key: 'phone', header: t.volunteers.phone, render: (v) => v.phone },
        {
          key: 'skills',
          header: t.volunteers.skills,
          render: (v) =>
            [v.hasCar ? t.volunteers.car : null, ...v.skills].filter(Boolean).join(', ') || t.common.none,
        },
        { key: 'offered', header: t.volunteers.offeredOn, render: (v) => formatDate(v.createdAt, locale) },
      ]}
    />
  );
}
