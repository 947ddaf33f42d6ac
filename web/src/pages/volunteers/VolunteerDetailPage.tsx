import { useState } from 'react';
import { useParams } from 'react-router';
import type { Volunteer } from '../../../../shared/src/volunteers/volunteers.schemas';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../i18n/I18nProvider';
import { todayIso } from '../../i18n/dates';
import { formatDate, formatDateTime } from '../../i18n/format';
import { useTerritory } from '../../features/territory/useTerritory';
import { volunteerPath } from '../../features/volunteers/api';
import { ReviewForm } from '../../features/volunteers/ReviewForm';
import { VolunteerStatusBadge } from '../../features/volunteers/VolunteerBadges';
import { VolunteerEditForm } from '../../features/volunteers/VolunteerEditForm';
import { volunteerName } from '../../features/volunteers/VolunteersTable';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { Badge } from '../../ui/Badge';
import { DetailList } from '../../ui/DetailList';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { SuccessAlert } from '../../ui/SuccessAlert';

/** A volunteer or an offer: the details, the review of an offer, the update of an active volunteer. */
export function VolunteerDetailPage() {
  const { t, locale } = useI18n();
  const { id = '' } = useParams();
  const { data: volunteer, error, loading, reload } = useApi<Volunteer>(volunteerPath(id));
  const territory = useTerritory();
  const [notice, setNotice] = useState<string | null>(null);
  const none = t.common.none;
  const comuneName = (code: string) => territory.comuni.find((c) => c.istatCode === code)?.name ?? code;
  const slots = (v: Volunteer) =>
    v.availability.map((s) => `${t.volunteers.days[s.day - 1] ?? s.day} ${s.from}–${s.to}`).join('; ') ||
    none;
  const after = (message: string) => () => {
    setNotice(message);
    reload();
    window.scrollTo(0, 0);
  };
  const expired = (v: Volunteer) => v.insuranceValidUntil !== null && v.insuranceValidUntil < todayIso();

  return (
    <Page
      title={volunteer ? volunteerName(volunteer) : t.volunteers.loadingTitle}
      breadcrumbs={[
        { label: t.shell.home, to: '/' },
        { label: t.volunteers.title, to: '/volontari' },
      ]}
    >
      {notice && <SuccessAlert>{notice}</SuccessAlert>}
      <ApiErrorAlert error={error ?? territory.error} />
      {loading && !volunteer && <Loading />}
      {volunteer && (
        <div className="row g-4">
          <section className="col-12 col-lg-6" aria-label={t.volunteers.loadingTitle}>
            <DetailList
              items={[
                { term: t.volunteers.status, value: <VolunteerStatusBadge status={volunteer.status} /> },
                {
                  term: t.volunteers.organization,
                  value: volunteer.organizationName ?? t.volunteers.individual,
                },
                {
                  term: t.volunteers.phone,
                  value: <a href={`tel:${volunteer.phone.replace(/[^+\d]/g, '')}`}>{volunteer.phone}</a>,
                },
                { term: t.volunteers.email, value: volunteer.email ?? none },
                { term: t.volunteers.comune, value: volunteer.comuneName },
                {
                  term: t.volunteers.birthDate,
                  value: volunteer.birthDate ? formatDate(volunteer.birthDate, locale) : none,
                },
                {
                  term: t.volunteers.skills,
                  value:
                    [
                      volunteer.hasCar ? t.volunteers.car : null,
                      volunteer.hasLicence ? t.volunteers.licence : null,
                      ...volunteer.skills,
                      ...volunteer.languages,
                    ]
                      .filter(Boolean)
                      .join(', ') || none,
                },
                { term: t.volunteers.availabilitySummary, value: slots(volunteer) },
                {
                  term: t.volunteers.zones,
                  value: volunteer.zones.map(comuneName).join(', ') || t.volunteers.noZones,
                },
                { term: t.volunteers.maxTasksPerDay, value: volunteer.maxTasksPerDay },
                {
                  term: t.volunteers.insuranceValidUntil,
                  value: volunteer.insuranceValidUntil ? (
                    <>
                      {formatDate(volunteer.insuranceValidUntil, locale)}{' '}
                      {expired(volunteer) && <Badge tone="danger">{t.volunteers.insuranceExpired}</Badge>}
                    </>
                  ) : (
                    none
                  ),
                },
                {
                  term: t.volunteers.healthTraining,
                  value: volunteer.healthTraining ? t.common.yes : t.common.no,
                },
                { term: t.volunteers.offeredOn, value: formatDate(volunteer.createdAt, locale) },
                ...(volunteer.reviewedAt
                  ? [{ term: t.volunteers.reviewedAt, value: formatDateTime(volunteer.reviewedAt, locale) }]
                  : []),
                ...(volunteer.reviewReason
                  ? [{ term: t.volunteers.reviewReason, value: volunteer.reviewReason }]
                  : []),
                { term: t.volunteers.notes, value: volunteer.notes ?? none },
              ]}
            />
          </section>
          <div className="col-12 col-lg-6">
            {volunteer.abilities.review && volunteer.status === 'offered' && (
              <ReviewForm volunteer={volunteer} onDone={after(t.volunteers.reviewed)} />
            )}
            {volunteer.abilities.update &&
              (volunteer.status === 'approved' || volunteer.status === 'suspended') &&
              !territory.loading && (
                <VolunteerEditForm
                  key={volunteer.updatedAt}
                  volunteer={volunteer}
                  comuni={territory.comuni}
                  ambiti={territory.ambiti}
                  onSaved={after(t.volunteers.saved)}
                />
              )}
          </div>
        </div>
      )}
    </Page>
  );
}
