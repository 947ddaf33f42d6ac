import { useNavigate } from 'react-router';
import type { CreateOrganizationBody } from '../../../../shared/src/organizations/organizations.schemas';
import { useAction } from '../../api/useAction';
import { useT } from '../../i18n/I18nProvider';
import { createOrganization } from '../../features/organizations/api';
import { OrganizationForm } from '../../features/organizations/OrganizationForm';
import { useTerritory } from '../../features/territory/useTerritory';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';

export function OrganizationCreatePage() {
  const t = useT();
  const navigate = useNavigate();
  const territory = useTerritory();
  const create = useAction(createOrganization);
  const submit = async (body: CreateOrganizationBody) => {
    const result = await create.run(body);
    if (result.ok) void navigate(`/organizzazioni/${result.value.id}`);
  };
  return (
    <Page
      title={t.destinations.organizationCreate.title}
      breadcrumbs={[
        { label: t.shell.home, to: '/' },
        { label: t.organizations.title, to: '/organizzazioni' },
      ]}
    >
      <ApiErrorAlert error={territory.error} />
      {territory.loading ? (
        <Loading />
      ) : (
        <OrganizationForm
          ambiti={territory.ambiti}
          comuni={territory.comuni}
          pending={create.pending}
          error={create.error}
          onSubmit={(body) => void submit(body)}
        />
      )}
    </Page>
  );
}
