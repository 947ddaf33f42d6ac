import { useNavigate, useParams } from 'react-router';
import type { PersonWithHousehold } from '../../../../shared/src/people/people.schemas';
import { ApiError } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useApi } from '../../api/useApi';
import { useT } from '../../i18n/I18nProvider';
import { personPath, updatePerson } from '../../features/people/api';
import { personName } from '../../features/people/PeopleTable';
import {
  fromPerson,
  toPersonInput,
  type PersonFormValues,
  type PersonNotice,
} from '../../features/people/personForm';
import { PersonForm } from '../../features/people/PersonForm';
import { useMe } from '../../features/session/SessionProvider';
import { comuniOfMemberships } from '../../features/territory/territoryOf';
import { useTerritory } from '../../features/territory/useTerritory';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';

/** Edits a person; the version read with the record protects against overwriting someone else's change. */
export function PersonEditPage() {
  const t = useT();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const me = useMe();
  const person = useApi<PersonWithHousehold>(personPath(id));
  const territory = useTerritory();
  const current = person.data;
  const save = useAction(async (values: PersonFormValues, confirmNotDuplicate: boolean) => {
    if (!current) throw new Error('person not loaded');
    const input = toPersonInput(values, { sensitive: current.abilities.readSensitive, confirmNotDuplicate });
    return updatePerson(id, { ...input, version: current.version });
  });
  const onSubmit = async (values: PersonFormValues, confirmNotDuplicate: boolean) => {
    if ((await save.run(values, confirmNotDuplicate)).ok)
      void navigate(`/persone/${id}`, { state: { notice: 'saved' } satisfies PersonNotice });
  };
  const stale = save.error instanceof ApiError && save.error.code === 'PERSON_CHANGED';
  const title = current ? t.personEdit.title(personName(current)) : t.personEdit.loadingTitle;

  return (
    <Page
      title={title}
      breadcrumbs={[
        { label: t.shell.home, to: '/' },
        { label: t.peopleSearch.title, to: '/persone' },
        ...(current ? [{ label: personName(current), to: `/persone/${id}` }] : []),
      ]}
    >
      <ApiErrorAlert error={person.error ?? territory.error} />
      {stale && (
        <p>
          <button
            type="button"
            className="btn btn-outline-primary"
            onClick={() => {
              save.clearError();
              person.reload();
            }}
          >
            {t.personEdit.reload}
          </button>
        </p>
      )}
      {(person.loading || territory.loading) && <Loading />}
      {current && !current.abilities.update && <p>{t.personEdit.notAllowed}</p>}
      {current && current.abilities.update && !territory.loading && (
        <PersonForm
          key={current.version}
          initial={fromPerson(current)}
          comuni={comuniOfMemberships(me, territory.comuni)}
          birthplaces={territory.comuni}
          ambiti={territory.ambiti}
          showSensitive={current.abilities.readSensitive}
          personId={id}
          submitLabel={t.common.save}
          cancelTo={`/persone/${id}`}
          pending={save.pending}
          error={save.error}
          onSubmit={(values, confirm) => void onSubmit(values, confirm)}
        />
      )}
    </Page>
  );
}
