import { useNavigate } from 'react-router';
import { useAction } from '../../api/useAction';
import { useT } from '../../i18n/I18nProvider';
import { createPerson } from '../../features/people/api';
import {
  emptyPerson,
  toPersonInput,
  type PersonFormValues,
  type PersonNotice,
} from '../../features/people/personForm';
import { PersonForm } from '../../features/people/PersonForm';
import { useCan, useMe } from '../../features/session/SessionProvider';
import { comuniOfMemberships, defaultComuneCode } from '../../features/territory/territoryOf';
import { useTerritory } from '../../features/territory/useTerritory';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';

export function PersonCreatePage() {
  const t = useT();
  const me = useMe();
  const sensitive = useCan('person.readSensitive');
  const navigate = useNavigate();
  const territory = useTerritory();
  const save = useAction((values: PersonFormValues, confirmNotDuplicate: boolean) =>
    createPerson(toPersonInput(values, { sensitive, confirmNotDuplicate })),
  );
  const onSubmit = async (values: PersonFormValues, confirmNotDuplicate: boolean) => {
    const result = await save.run(values, confirmNotDuplicate);
    if (result.ok)
      void navigate(`/persone/${result.value.id}`, { state: { notice: 'created' } satisfies PersonNotice });
  };
  const comuni = comuniOfMemberships(me, territory.comuni);

  return (
    <Page
      title={t.destinations.personCreate.title}
      lead={t.personForm.createLead}
      breadcrumbs={[
        { label: t.shell.home, to: '/' },
        { label: t.peopleSearch.title, to: '/persone' },
      ]}
    >
      <ApiErrorAlert error={territory.error} />
      {territory.loading ? (
        <Loading />
      ) : (
        <PersonForm
          initial={emptyPerson(defaultComuneCode(me, comuni, territory.ambiti))}
          comuni={comuni}
          birthplaces={territory.comuni}
          ambiti={territory.ambiti}
          showSensitive={sensitive}
          submitLabel={t.personForm.create}
          cancelTo="/persone"
          pending={save.pending}
          error={save.error}
          onSubmit={(values, confirm) => void onSubmit(values, confirm)}
        />
      )}
    </Page>
  );
}
