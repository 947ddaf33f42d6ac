import { Link } from 'react-router';
import type { PersonWithHousehold } from '../../../../shared/src/people/people.schemas';
import { useAction } from '../../api/useAction';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDate } from '../../i18n/format';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { DataTable } from '../../ui/DataTable';
import { AddHouseholdMemberForm } from './AddHouseholdMemberForm';
import { setHousehold } from './api';
import { CreateHouseholdForm } from './CreateHouseholdForm';
import { personName } from './PeopleTable';

/** The person's household (nucleo familiare): members, and for who may edit, create / add / leave. */
export function HouseholdPanel({
  person,
  onChanged,
}: {
  person: PersonWithHousehold;
  onChanged: () => void;
}) {
  const { t, locale } = useI18n();
  const leave = useAction(() => setHousehold(person.id, { householdId: null, relation: null }));
  const household = person.household;
  const canEdit = person.abilities.update;

  if (!household) {
    return (
      <>
        <p>{t.household.none}</p>
        {canEdit && <CreateHouseholdForm person={person} onDone={onChanged} />}
      </>
    );
  }
  return (
    <>
      <p>
        {t.household.address}: <strong>{household.address}</strong>
      </p>
      <DataTable
        caption={t.household.membersCaption}
        rows={household.members}
        rowKey={(m) => m.id}
        empty={t.household.noMembers}
        columns={[
          {
            key: 'name',
            header: t.person.name,
            render: (m) =>
              m.id === person.id ? (
                <strong>{personName(m)}</strong>
              ) : (
                <Link to={`/persone/${m.id}`}>{personName(m)}</Link>
              ),
          },
          { key: 'birth', header: t.person.birthDate, render: (m) => formatDate(m.birthDate, locale) },
          {
            key: 'relation',
            header: t.household.relation,
            render: (m) => (m.relation ? t.relations[m.relation] : t.common.none),
          },
        ]}
      />
      {canEdit && (
        <>
          <ApiErrorAlert error={leave.error} />
          <button
            type="button"
            className="btn btn-outline-danger btn-sm"
            disabled={leave.pending}
            onClick={() => void leave.run().then((r) => r.ok && onChanged())}
          >
            {t.household.leave(personName(person))}
          </button>
          <AddHouseholdMemberForm
            householdId={household.id}
            memberIds={household.members.map((m) => m.id)}
            onDone={onChanged}
          />
        </>
      )}
    </>
  );
}
