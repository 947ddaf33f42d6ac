import { Link } from 'react-router';
import type { Organization } from '../../../../shared/src/organizations/organizations.schemas';
import type { Ambito, Comune } from '../../../../shared/src/territory/territory.schemas';
import { useT } from '../../i18n/I18nProvider';
import { DataTable } from '../../ui/DataTable';
import { useOrganizationArea } from './useOrganizationArea';

interface OrganizationsTableProps {
  organizations: Organization[];
  ambiti: Ambito[];
  comuni: Comune[];
}

export function OrganizationsTable({ organizations, ambiti, comuni }: OrganizationsTableProps) {
  const t = useT();
  const areaOf = useOrganizationArea(ambiti, comuni);
  return (
    <DataTable
      caption={t.organizations.caption}
      rows={organizations}
      rowKey={(o) => o.id}
      empty={t.organizations.empty}
      columns={[
        {
          key: 'name',
          header: t.organizations.name,
          render: (o) => (
            <Link to={`/organizzazioni/${o.id}`} className="fw-semibold">
              {o.name}
            </Link>
          ),
        },
        { key: 'kind', header: t.organizations.kind, render: (o) => t.organizationKinds[o.kind] },
        { key: 'area', header: t.organizations.area, render: areaOf },
        { key: 'members', header: t.organizations.members, numeric: true, render: (o) => o.membersCount },
      ]}
    />
  );
}
