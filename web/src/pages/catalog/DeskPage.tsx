import { Link, useNavigate, useSearchParams } from 'react-router';
import type { AccessPoint, OrderList } from '../../../../shared/src/catalog/catalog.schemas';
import type { Person } from '../../../../shared/src/people/people.schemas';
import type { RequestsPage } from '../../../../shared/src/requests/requests.schemas';
import { useApi } from '../../api/useApi';
import { withQuery } from '../../api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDate } from '../../i18n/format';
import { MY_ACCESS_POINTS_PATH, ordersPath } from '../../features/catalog/api';
import { OrderCard } from '../../features/catalog/OrderCard';
import { OrientationNotes } from '../../features/catalog/OrientationNotes';
import { useOrderNotice } from '../../features/catalog/useOrderNotice';
import { useAssistedPerson } from '../../features/catalog/useAssistedPerson';
import { personName } from '../../features/people/PeopleTable';
import { PersonLookup } from '../../features/requests/PersonLookup';
import { RequestStatusBadge } from '../../features/requests/RequestBadges';
import { useCan } from '../../features/session/SessionProvider';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { DetailList } from '../../ui/DetailList';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { SuccessAlert } from '../../ui/SuccessAlert';

/**
 * `/sportello`: the welfare manager's desk at an access point. Find the citizen (or register them),
 * see their orders and help requests, book a service on their behalf, open a help request for them.
 * The person chosen stays in the address (`?persona=`), so every page after it books for them.
 */
export function DeskPage() {
  const { t: all } = useI18n();
  const t = all.catalog;
  const [, setParams] = useSearchParams();
  const navigate = useNavigate();
  const points = useApi<{ items: AccessPoint[] }>(MY_ACCESS_POINTS_PATH);
  const assisted = useAssistedPerson();
  const point = points.data?.items[0];
  return (
    <Page
      title={point ? t.desk.titleAt(point.name) : t.desk.title}
      lead={t.desk.lead}
      breadcrumbs={[{ label: all.shell.home, to: '/' }]}
      actions={
        <Link to="/sportelli" className="btn btn-outline-primary">
          {t.desk.map}
        </Link>
      }
    >
      <ApiErrorAlert error={points.error ?? assisted.error} />
      {points.data && !point && <p className="alert alert-warning">{t.desk.noPoint}</p>}
      {!assisted.personId && (
        <PersonLookup
          onPick={(person) => setParams({ persona: person.id })}
          onNew={() => void navigate('/persone/nuova')}
        />
      )}
      {assisted.personId && !assisted.person && !assisted.error && <Loading />}
      {assisted.person && (
        <PersonAtDesk
          person={assisted.person}
          onChange={() => setParams({})}
          accessPointId={point?.id ?? null}
        />
      )}
    </Page>
  );
}

function PersonAtDesk({
  person,
  onChange,
  accessPointId,
}: {
  person: Person;
  onChange: () => void;
  /** The manager's access point: without one they cannot book for others. */
  accessPointId: string | null;
}) {
  const { t: all, locale } = useI18n();
  const t = all.catalog;
  const canOpenRequest = useCan('request.create');
  const orders = useApi<OrderList>(ordersPath({ personId: person.id, limit: 50 }));
  const notice = useOrderNotice(orders.reload);
  const requests = useApi<RequestsPage>(withQuery('/api/requests', { beneficiaryId: person.id, limit: 20 }));
  return (
    <>
      <section aria-labelledby="desk-person" className="card card-bg rounded shadow-sm mb-4">
        <div className="card-body">
          <h2 id="desk-person" className="h3">
            <Link to={`/persone/${person.id}`}>{personName(person)}</Link>
          </h2>
          <DetailList
            items={[
              { term: all.person.codiceFiscale, value: person.codiceFiscale ?? all.common.none },
              { term: all.person.birthDate, value: formatDate(person.birthDate, locale) },
              {
                term: all.person.comune,
                value: `${person.comuneName}${person.address ? ` · ${person.address}` : ''}`,
              },
              { term: all.person.phone, value: person.phone ?? all.common.none },
            ]}
          />
          <div className="d-flex flex-wrap gap-2 mt-3">
            {accessPointId && (
              <Link to={`/servizi?persona=${person.id}`} className="btn btn-primary">
                {t.desk.bookService}
              </Link>
            )}
            {canOpenRequest && (
              <Link to={`/richieste/nuova?persona=${person.id}`} className="btn btn-outline-primary">
                {t.desk.openRequest}
              </Link>
            )}
            <button type="button" className="btn btn-outline-secondary" onClick={onChange}>
              {t.desk.change}
            </button>
          </div>
        </div>
      </section>

      <OrientationNotes personId={person.id} accessPointId={accessPointId} />

      <section aria-labelledby="desk-orders" className="mb-4">
        <h2 id="desk-orders" className="h3">
          {t.desk.orders}
        </h2>
        {notice.done && <SuccessAlert>{notice.done}</SuccessAlert>}
        <ApiErrorAlert error={orders.error} />
        {orders.loading && !orders.data && <Loading />}
        {orders.data?.items.length === 0 && <p>{t.desk.noOrders}</p>}
        {orders.data?.items.map((o) => (
          <OrderCard key={o.id} order={o} onChanged={notice.onChanged} />
        ))}
      </section>

      <section aria-labelledby="desk-requests" className="mb-4">
        <h2 id="desk-requests" className="h3">
          {t.desk.requests}
        </h2>
        <ApiErrorAlert error={requests.error} />
        {requests.loading && !requests.data && <Loading />}
        {requests.data?.items.length === 0 && <p>{t.desk.noRequests}</p>}
        <ul className="list-unstyled">
          {requests.data?.items.map((r) => (
            <li key={r.id} className="d-flex flex-wrap align-items-center gap-2 py-2 border-bottom">
              <Link to={`/richieste/${r.id}`}>{r.interventionTypeName}</Link>
              <span>{formatDate(r.createdAt, locale)}</span>
              <RequestStatusBadge status={r.status} />
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
