import { Link } from 'react-router';
import type {
  RequestStatus,
  RequestsPage as RequestsResults,
} from '../../../../shared/src/requests/requests.schemas';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../i18n/I18nProvider';
import { useInterventionTypes } from '../../features/interventions/useInterventionTypes';
import { REQUESTS_PAGE_SIZE, requestsPath } from '../../features/requests/api';
import {
  AWAITING_DECISION,
  REQUEST_FILTER_KEYS,
  RequestFilters,
} from '../../features/requests/RequestFilters';
import { RequestsTable } from '../../features/requests/RequestsTable';
import { useCan, useMe } from '../../features/session/SessionProvider';
import { comuniOfMemberships } from '../../features/territory/territoryOf';
import { useTerritory } from '../../features/territory/useTerritory';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { Pager } from '../../ui/Pager';
import { useUrlFilter } from '../../ui/useUrlFilter';

/** The requests of the territory, those to assess and the most urgent first; filters in the URL. */
export function RequestsPage() {
  const { t, locale } = useI18n();
  const me = useMe();
  const canCreate = useCan('request.create');
  const territory = useTerritory();
  const interventions = useInterventionTypes();
  const { filter, page, apply, key } = useUrlFilter(REQUEST_FILTER_KEYS);
  const results = useApi<RequestsResults>(
    requestsPath(
      {
        ...(filter.stato === AWAITING_DECISION
          ? { awaitingDecision: true }
          : { status: filter.stato as RequestStatus | '' }),
        comune: filter.comune,
        interventionType: filter.tipo,
        date: filter.giorno,
      },
      page,
    ),
  );

  return (
    <Page
      title={t.requests.title}
      lead={t.requests.lead}
      breadcrumbs={[{ label: t.shell.home, to: '/' }]}
      actions={
        canCreate && (
          <Link to="/richieste/nuova" className="btn btn-primary">
            {t.requests.intakeTitle}
          </Link>
        )
      }
    >
      <RequestFilters
        key={key}
        value={filter}
        onApply={apply}
        types={interventions.types}
        typeName={(x) => (locale === 'en' ? x.nameEn : x.nameIt)}
        comuni={comuniOfMemberships(me, territory.comuni)}
        ambiti={territory.ambiti}
      />
      <section aria-labelledby="requests-results" aria-busy={results.loading}>
        <h2 id="requests-results" className="h4" aria-live="polite">
          {results.data ? t.requests.found(results.data.total) : t.common.loading}
        </h2>
        <ApiErrorAlert error={results.error} />
        {results.loading && !results.data && <Loading />}
        {results.data && (
          <>
            <RequestsTable
              requests={results.data.items}
              typeName={interventions.nameOf}
              caption={t.requests.caption}
            />
            <Pager
              page={page}
              pageSize={REQUESTS_PAGE_SIZE}
              total={results.data.total}
              onPage={(p) => apply(filter, p)}
            />
          </>
        )}
      </section>
    </Page>
  );
}
