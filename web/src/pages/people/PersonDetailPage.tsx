import { Link, useLocation, useParams } from 'react-router';
import type { PersonWithHousehold } from '../../../../shared/src/people/people.schemas';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDate, formatDateTime } from '../../i18n/format';
import { IseePanel } from '../../features/catalog/IseePanel';
import { personPath } from '../../features/people/api';
import { hasCapability, useSession } from '../../features/session/SessionProvider';
import { FragilityBadges } from '../../features/people/FragilityBadges';
import { HouseholdPanel } from '../../features/people/HouseholdPanel';
import { personName } from '../../features/people/PeopleTable';
import type { PersonNotice } from '../../features/people/personForm';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { DetailList } from '../../ui/DetailList';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { SuccessAlert } from '../../ui/SuccessAlert';

/** A person's record (anagrafica) with their household. Opening it is recorded in the audit trail. */
export function PersonDetailPage() {
  const { t, locale } = useI18n();
  const { id = '' } = useParams();
  const notice = (useLocation().state as Partial<PersonNotice> | null)?.notice;
  const { data: person, error, loading, reload } = useApi<PersonWithHousehold>(personPath(id));
  const { state } = useSession();
  const me = state.status === 'authenticated' ? state.me : null;
  // Economic data: only for the roles that may see them (the server decides again and audits).
  const mayReadIsee = me !== null && hasCapability(me, 'isee.read');
  const yesNo = (value: boolean) => (value ? t.common.yes : t.common.no);
  const none = t.common.none;

  return (
    <Page
      title={person ? personName(person) : t.personDetail.loadingTitle}
      breadcrumbs={[
        { label: t.shell.home, to: '/' },
        { label: t.peopleSearch.title, to: '/persone' },
      ]}
      actions={
        person?.abilities.update && (
          <Link to={`/persone/${id}/modifica`} className="btn btn-primary">
            {t.common.edit}
          </Link>
        )
      }
    >
      {notice && (
        <SuccessAlert>{notice === 'created' ? t.personDetail.created : t.personDetail.saved}</SuccessAlert>
      )}
      <ApiErrorAlert error={error} />
      {loading && !person && <Loading />}
      {person && (!person.consentPrivacy || !person.consentContact) && (
        <div className="alert alert-warning" role="status">
          <h2 className="h5">{t.personDetail.consentMissingTitle}</h2>
          <ul className="mb-0">
            {!person.consentPrivacy && <li>{t.personDetail.consentMissing.privacy}</li>}
            {!person.consentContact && <li>{t.personDetail.consentMissing.contact}</li>}
          </ul>
        </div>
      )}
      {person && (
        <div className="row g-4">
          <section className="col-12 col-lg-8" aria-labelledby="person-registry">
            <h2 id="person-registry" className="h4">
              {t.personDetail.registry}
            </h2>
            <DetailList
              items={[
                {
                  term: t.person.codiceFiscale,
                  value: <span className="font-monospace">{person.codiceFiscale ?? none}</span>,
                },
                {
                  term: t.person.birthDate,
                  value: `${formatDate(person.birthDate, locale)} (${t.person.age(person.age)})`,
                },
                { term: t.person.sex, value: person.sex === 'F' ? t.person.sexF : t.person.sexM },
                { term: t.person.birthPlace, value: person.birthPlace ?? none },
                { term: t.person.comune, value: person.comuneName },
                { term: t.person.address, value: person.address ?? none },
                {
                  term: t.person.phone,
                  value: person.phone ? (
                    <a href={`tel:${person.phone.replace(/[^+\d]/g, '')}`}>{person.phone}</a>
                  ) : (
                    none
                  ),
                },
                { term: t.person.email, value: person.email ?? none },
                {
                  term: t.person.consentPrivacy,
                  value:
                    person.consentRecord?.method &&
                    person.consentRecord.recordedAt &&
                    person.consentRecord.recordedBy
                      ? t.personDetail.consentRecorded(
                          t.personForm.consentMethods[person.consentRecord.method],
                          formatDateTime(person.consentRecord.recordedAt, locale),
                          person.consentRecord.recordedBy,
                        )
                      : yesNo(person.consentPrivacy),
                },
                { term: t.person.consentContact, value: yesNo(person.consentContact) },
              ]}
            />
          </section>
          <section className="col-12 col-lg-4" aria-labelledby="person-fragility">
            <h2 id="person-fragility" className="h4">
              {t.person.fragility}
            </h2>
            <FragilityBadges fragility={person.fragility} />
            {!person.abilities.readSensitive && (
              <p className="form-text mt-2">{t.personDetail.sensitiveHidden}</p>
            )}
            <p className="form-text mt-3 mb-0">
              {t.personDetail.updated(formatDateTime(person.updatedAt, locale), person.version)}
            </p>
          </section>
          {mayReadIsee && (
            <section className="col-12" aria-labelledby="person-isee">
              <h2 id="person-isee" className="h4">
                {t.catalog.isee.title}
              </h2>
              <IseePanel
                personId={person.id}
                mayWrite={hasCapability(me, 'isee.write')}
                mayVerify={hasCapability(me, 'isee.verify')}
              />
            </section>
          )}
          <section className="col-12" aria-labelledby="person-household">
            <h2 id="person-household" className="h4">
              {t.household.title}
            </h2>
            <HouseholdPanel person={person} onChanged={reload} />
          </section>
        </div>
      )}
    </Page>
  );
}
