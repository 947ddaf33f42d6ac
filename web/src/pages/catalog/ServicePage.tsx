import { Link, useLocation, useParams } from 'react-router';
import type { Service } from '../../../../shared/src/catalog/catalog.schemas';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../i18n/I18nProvider';
import { formatCents } from '../../i18n/money';
import { AccessPointCard } from '../../features/catalog/AccessPointCard';
import { servicePath } from '../../features/catalog/api';
import { unitPrice } from '../../features/catalog/format';
import { useAssistedPerson } from '../../features/catalog/useAssistedPerson';
import { hasCapability, useSession } from '../../features/session/SessionProvider';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { DetailList } from '../../ui/DetailList';
import { LargeText } from '../../ui/LargeText';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';

/**
 * `/servizi/:id`: who offers the service, where, when, what it costs for this citizen (their band
 * and the full capped price), how to book it and the nearest access point. Public.
 */
export function ServicePage() {
  const { t: all } = useI18n();
  const t = all.catalog;
  const { id = '' } = useParams();
  const service = useApi<Service>(servicePath(id));
  const assisted = useAssistedPerson();
  const s = service.data;
  return (
    <Page
      title={s?.name ?? t.search.title}
      lead={s?.description}
      breadcrumbs={[
        { label: all.shell.home, to: '/' },
        {
          label: t.search.title,
          to: assisted.personId ? `/servizi?persona=${assisted.personId}` : '/servizi',
        },
      ]}
    >
      <LargeText>
        <ApiErrorAlert error={service.error} />
        {service.loading && !s && <Loading />}
        {s && <ServiceDetails service={s} assistedId={assisted.personId} assistedName={assisted.name} />}
      </LargeText>
    </Page>
  );
}

function ServiceDetails({
  service: s,
  assistedId,
  assistedName,
}: {
  service: Service;
  assistedId: string | null;
  assistedName: string;
}) {
  const { t: all, locale } = useI18n();
  const t = all.catalog;
  const { state } = useSession();
  const location = useLocation();
  const me = state.status === 'authenticated' ? state.me : null;
  const price = (cents: number) => unitPrice(t, locale, cents, s.unit);
  const details = [
    { term: t.service.who, value: s.providerName },
    { term: t.service.where, value: s.comuni.map((c) => c.name).join(', ') },
    { term: t.service.when, value: s.schedule || all.common.none },
    {
      term: t.service.forWhom,
      value: s.targetGroups.map((g) => t.targets[g] ?? g).join(', ') || all.common.none,
    },
    {
      term: all.catalog.search.category,
      value: `${s.categoryName} · ${s.isMunicipal ? t.municipal : t.private}`,
    },
    ...(s.capacity !== null && s.capacityPeriod
      ? [
          {
            term: t.service.capacity,
            value: t.service.capacityText(s.capacity, t.service.periods[s.capacityPeriod] ?? ''),
          },
        ]
      : []),
  ];
  const bookPath = `/servizi/${s.id}/prenota${assistedId ? `?persona=${assistedId}` : ''}`;
  const mayBookOwn = me !== null && hasCapability(me, 'order.own');
  const mayAssist = me !== null && hasCapability(me, 'order.assist');
  return (
    <>
      <DetailList items={details} />

      <section aria-labelledby="service-cost" className="mt-4">
        <h2 id="service-cost" className="h3">
          {t.service.cost}
        </h2>
        {s.priceForMe ? (
          <div className="callout">
            <p className="fs-4 mb-1">
              {t.price.forMe}: <strong>{price(s.priceForMe.unitCents)}</strong>
            </p>
            <p className="mb-1">
              {t.price.basis[s.priceForMe.basis]}
              {s.priceForMe.band !== null && ` (${t.price.band(s.priceForMe.band)})`}.
            </p>
            <p className="mb-0">{t.price.isee[s.priceForMe.iseeStatus]}</p>
          </div>
        ) : (
          <p className="fs-5 mb-1">
            {t.price.capped}: <strong>{price(s.cappedPriceCents)}</strong>
          </p>
        )}
        <p className="mt-2">
          {t.service.fullCapped(
            formatCents(s.cappedPriceCents, locale),
            formatCents(s.listPriceCents, locale),
          )}
        </p>
        {!me && (
          <p>
            <Link to="/login" state={{ from: location.pathname }}>
              {t.search.loginForPrice}
            </Link>
          </p>
        )}
      </section>

      <section aria-labelledby="service-documents" className="mt-4">
        <h2 id="service-documents" className="h3">
          {t.service.documents}
        </h2>
        {s.requiredDocuments.length === 0 ? (
          <p>{t.service.noDocuments}</p>
        ) : (
          <ul>
            {s.requiredDocuments.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="service-book" className="mt-4">
        <h2 id="service-book" className="h3">
          {t.service.howToBook}
        </h2>
        <p>{me ? t.service.bookOnline : t.service.bookAnonymous}</p>
        {s.abilities.book && mayBookOwn && (
          <Link to={bookPath} className="btn btn-primary btn-lg">
            {t.service.book}
          </Link>
        )}
        {s.abilities.book && mayAssist && assistedId && (
          <Link to={bookPath} className="btn btn-primary btn-lg">
            {t.service.bookFor(assistedName)}
          </Link>
        )}
        {mayAssist && !assistedId && (
          <Link to="/sportello" className="btn btn-outline-primary">
            {all.destinations.desk.title}
          </Link>
        )}
        {!me && (
          <Link to="/login" state={{ from: location.pathname }} className="btn btn-primary btn-lg">
            {t.service.loginToBook}
          </Link>
        )}
      </section>

      {s.nearestAccessPoint && (
        <section aria-labelledby="service-nearest" className="mt-4">
          <h2 id="service-nearest" className="h3">
            {t.service.nearest}
          </h2>
          <AccessPointCard point={s.nearestAccessPoint} />
          <Link to="/sportelli">{t.service.allPoints}</Link>
        </section>
      )}
    </>
  );
}
