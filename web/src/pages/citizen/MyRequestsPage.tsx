import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import type { RequestsPage } from '../../../../shared/src/requests/requests.schemas';
import { useApi } from '../../api/useApi';
import { useT } from '../../i18n/I18nProvider';
import { ExportLinks } from '../../features/cases/ExportLinks';
import { MyRequestCard } from '../../features/citizen/MyRequestCard';
import { useInterventionTypes } from '../../features/interventions/useInterventionTypes';
import { MY_REQUESTS_PATH } from '../../features/requests/api';
import { useMe } from '../../features/session/SessionProvider';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { LargeText } from '../../ui/LargeText';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { SuccessAlert } from '../../ui/SuccessAlert';
import type { SentNotice } from './AskHelpPage';

/** "Le mie richieste": what the citizen asked for and where it stands. */
export function MyRequestsPage() {
  const t = useT();
  const sent = (useLocation().state as Partial<SentNotice> | null)?.sent;
  const { data, error, loading, reload } = useApi<RequestsPage>(MY_REQUESTS_PATH);
  const [withdrawn, setWithdrawn] = useState(false);
  const interventions = useInterventionTypes();
  const { personId } = useMe();
  const x = t.site.dataExport;
  return (
    <Page
      title={t.citizen.mineTitle}
      lead={t.citizen.mineLead}
      breadcrumbs={[{ label: t.shell.home, to: '/' }]}
      actions={
        <Link to="/chiedi-aiuto" className="btn btn-primary btn-lg">
          {t.citizen.askAgain}
        </Link>
      }
    >
      <LargeText>
        {sent && !withdrawn && <SuccessAlert>{t.citizen.sent}</SuccessAlert>}
        {withdrawn && <SuccessAlert>{t.site.myRequests.withdrawn}</SuccessAlert>}
        <ApiErrorAlert error={error} />
        {loading && !data && <Loading />}
        {data && data.items.length === 0 && <p>{t.citizen.mineEmpty}</p>}
        {data?.items.map((r) => (
          <MyRequestCard
            key={r.id}
            request={r}
            typeName={interventions.nameOf(r.interventionTypeId, r.interventionTypeName)}
            onWithdrawn={() => {
              setWithdrawn(true);
              reload();
            }}
          />
        ))}
        {personId && (
          <section aria-labelledby="my-data" className="mt-5">
            <h2 id="my-data" className="h3">
              {x.mineTitle}
            </h2>
            <p>{x.mineLead}</p>
            <ExportLinks personId={personId} />
          </section>
        )}
      </LargeText>
    </Page>
  );
}
