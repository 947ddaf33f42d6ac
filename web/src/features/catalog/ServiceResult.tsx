import { Link } from 'react-router';
import type { ServiceSearchPage } from '../../../../shared/src/catalog/catalog.schemas';
import { useI18n } from '../../i18n/I18nProvider';
import { unitPrice } from './format';

type Item = ServiceSearchPage['items'][number];

/** One search result: name, provider, kind, and the prices (the citizen's own first, when known). */
export function ServiceResult({ item, personId }: { item: Item; personId: string | null }) {
  const { t: all, locale } = useI18n();
  const t = all.catalog;
  const titleId = `service-${item.id}`;
  const to = `/servizi/${item.id}${personId ? `?persona=${personId}` : ''}`;
  return (
    <article className="card card-bg rounded shadow-sm mb-3" aria-labelledby={titleId}>
      <div className="card-body">
        <h3 id={titleId} className="h4 mb-1">
          <Link to={to}>{item.name}</Link>
        </h3>
        <p className="mb-2">
          {t.search.by(item.providerName)} · {item.categoryName}
          {item.distanceKm !== null && ` · ${t.search.distance(String(item.distanceKm))}`}
        </p>
        <p className="mb-2">{item.isMunicipal ? t.municipal : t.private}</p>
        <ul className="list-unstyled mb-0">
          {item.priceForMeCents !== undefined && (
            <li className="fs-5">
              {t.price.forMe}: <strong>{unitPrice(t, locale, item.priceForMeCents, item.unit)}</strong>
            </li>
          )}
          <li>
            {t.price.capped}: {unitPrice(t, locale, item.cappedPriceCents, item.unit)}
          </li>
          {item.listPriceCents !== item.cappedPriceCents && (
            <li className="text-muted">
              {t.price.list}: {unitPrice(t, locale, item.listPriceCents, item.unit)}
            </li>
          )}
        </ul>
      </div>
    </article>
  );
}
