import { Link } from 'react-router';
import type {
  VolunteerStatus,
  VolunteersPage as VolunteersResults,
} from '../../../../shared/src/volunteers/volunteers.schemas';
import { useApi } from '../../api/useApi';
import { useT } from '../../i18n/I18nProvider';
import { useCan, useMe } from '../../features/session/SessionProvider';
import { comuniOfMemberships } from '../../features/territory/territoryOf';
import { useTerritory } from '../../features/territory/useTerritory';
import { VOLUNTEERS_PAGE_SIZE, volunteersPath } from '../../features/volunteers/api';
import { VOLUNTEER_FILTER_KEYS, VolunteerFilters } from '../../features/volunteers/VolunteerFilters';
import { VolunteersTable } from '../../features/volunteers/VolunteersTable';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { Pager } from '../../ui/Pager';
import { useUrlFilter } from '../../ui/useUrlFilter';

/** Offers to review first (the default filter), then the volunteers of the coordinator's organisations. */
export function VolunteersPage() {
  const t = useT();
  const me = useMe();
  const canManage = useCan('volunteer.manage');
  const territory = useTerritory();
  const { filter, page, apply, key } = useUrlFilter(VOLUNTEER_FILTER_KEYS, { stato: 'offered' });
  const results = useApi<VolunteersResults>(
    volunteersPath(
      {
        status: filter.stato as VolunteerStatus | '',
        comune: filter.comune,
        q: filter.q,
        organizationId: filter.organizzazione,
      },
      page,
    ),
  );
  return (
    <Page
      title={t.volunteers.title}
      lead={t.volunteers.lead}
      breadcrumbs={[{ label: t.shell.home, to: '/' }]}
      actions={
        canManage && (
          <Link to="/volontari/importa" className="btn btn-outline-primary">
            {t.volunteers.importAction}
          </Link>
        )
      }
    >
      <VolunteerFilters
        key={key}
        value={filter}
        onApply={apply}
        comuni={comuniOfMemberships(me, territory.comuni)}
        ambiti={territory.ambiti}
      />
      <section aria-labelledby="volunteers-results" aria-busy={results.loading}>
        <h2 id="volunteers-results" className="h4" aria-live="polite">
          {results.data ? t.volunteers.found(results.data.total) : t.common.loading}
        </h2>
        <ApiErrorAlert error={results.error} />
        {results.loading && !results.data && <Loading />}
        {results.data && (
          <>
            <VolunteersTable volunteers={results.data.items} />
            <Pager
              page={page}
              pageSize={VOLUNTEERS_PAGE_SIZE}
              total={results.data.total}
              onPage={(p) => apply(filter, p)}
            />
          </>
        )}
      </section>
    </Page>
  );
}
