import { useParams } from 'react-router';
import type { Organization } from '../../../../shared/src/organizations/organizations.schemas';
import { useApi } from '../../api/useApi';
import { useT } from '../../i18n/I18nProvider';
import { organizationPath } from '../../features/organizations/api';
import { useOrganizationArea } from '../../features/organizations/useOrganizationArea';
import { useTerritory } from '../../features/territory/useTerritory';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { DetailList } from '../../ui/DetailList';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';

export function OrganizationDetailPage() {
  const t = useT();
  const { id = '' } = useParams();
  const { data: org, error, loading } = useApi<Organization>(organizationPath(id));
  const territory = useTerritory();
  const areaOf = useOrganizationArea(territory.ambiti, territory.comuni);
  const none = t.common.none;
  return (
    <Page
      title={org?.name ?? t.organizations.loadingTitle}
      breadcrumbs={[
        { label: t.shell.home, to: '/' },
        { label: t.organizations.title, to: '/organizzazioni' },
      ]}
    >
      <ApiErrorAlert error={error} />
      {loading && <Loading />}
      {org && (
        <DetailList
          items={[
            { term: t.organizations.kind, value: t.organizationKinds[org.kind] },
            { term: t.organizations.area, value: areaOf(org) },
            {
              term: t.organizations.taxCode,
              value: org.taxCode ? <span className="font-monospace">{org.taxCode}</span> : none,
            },
            {
              term: t.organizations.email,
              value: org.email ? <a href={`mailto:${org.email}`}>{org.email}</a> : none,
            },
            { term: t.organizations.phone, value: org.phone ?? none },
            { term: t.organizations.members, value: org.membersCount },
          ]}
        />
      )}
    </Page>
  );
}
