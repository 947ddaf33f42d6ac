import { useState } from 'react';
import { Link } from 'react-router';
import type { Category, ServiceSearchPage } from '../../../../shared/src/catalog/catalog.schemas';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../i18n/I18nProvider';
import { parseEuroCents } from '../../i18n/money';
import { ServiceResult } from '../../features/catalog/ServiceResult';
import {
  CATEGORIES_PATH,
  EMPTY_FILTER,
  SEARCH_PAGE_SIZE,
  searchPath,
  type CatalogFilter,
} from '../../features/catalog/api';
import { useAssistedPerson } from '../../features/catalog/useAssistedPerson';
import { useSession } from '../../features/session/SessionProvider';
import { ComuneSelect } from '../../features/territory/ComuneSelect';
import { useTerritory } from '../../features/territory/useTerritory';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { CheckboxField, SelectField, TextField } from '../../ui/fields';
import { LargeText } from '../../ui/LargeText';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { Pager } from '../../ui/Pager';
import { useFilterDraft } from '../../ui/useFilterDraft';
import { useUrlFilter } from '../../ui/useUrlFilter';

const FILTER_KEYS = Object.keys(EMPTY_FILTER) as (keyof CatalogFilter)[];
// `persona`: the welfare manager's search on behalf of someone keeps that person along.
const KEYS = [...FILTER_KEYS, 'persona'] as const;

/**
 * `/servizi`: the public catalogue. One box for what people say ("pasti a domicilio Crema"), the
 * filters under it, results with the provider, the capped price and — logged in as a citizen —
 * the price for them. With `?persona=` (a welfare manager booking for someone) the results lead
 * to booking for that person.
 */
export function CatalogSearchPage() {
  const { t: all } = useI18n();
  const t = all.catalog;
  const { state } = useSession();
  const { filter, page, apply, key } = useUrlFilter(KEYS);
  const assisted = useAssistedPerson();
  const territory = useTerritory();
  const categories = useApi<Category[]>(CATEGORIES_PATH);
  const citizen = state.status === 'authenticated' && state.me.capabilities.includes('order.own');
  const maxPriceCents = filter.maxPrice ? parseEuroCents(filter.maxPrice) : null;
  const results = useApi<ServiceSearchPage>(searchPath(filter, citizen ? maxPriceCents : null, page));
  const [priceError, setPriceError] = useState('');
  const { draft, set, submit } = useFilterDraft(filter, (next) => {
    if (next.maxPrice && parseEuroCents(next.maxPrice) === null) {
      setPriceError(t.search.maxPriceInvalid);
      return;
    }
    setPriceError('');
    apply(next);
  });
  const filtersSet = FILTER_KEYS.some((k) => k !== 'q' && filter[k] !== '');

  const categoryOptions = (categories.data ?? []).flatMap((c) =>
    c.parentId === null
      ? [
          { value: c.id, label: c.name },
          ...(categories.data ?? [])
            .filter((child) => child.parentId === c.id)
            .map((child) => ({ value: child.id, label: `${c.name}: ${child.name}` })),
        ]
      : [],
  );

  return (
    <Page
      title={assisted.person ? t.service.bookFor(assisted.name) : t.search.title}
      lead={assisted.person ? t.desk.searchService : t.search.lead}
      breadcrumbs={[
        { label: all.shell.home, to: '/' },
        ...(assisted.personId
          ? [{ label: t.desk.title, to: `/sportello?persona=${assisted.personId}` }]
          : []),
      ]}
    >
      <LargeText>
        <form role="search" className="mb-4" onSubmit={submit} key={key}>
          <div className="row align-items-end">
            <TextField
              id="catalog-q"
              className="col-12 col-md-8"
              type="search"
              label={t.search.query}
              hint={t.search.queryHint}
              value={draft.q}
              onChange={set('q')}
            />
            <div className="col-12 col-md-4 mb-md-4">
              <button type="submit" className="btn btn-primary btn-lg w-100">
                {t.search.submit}
              </button>
            </div>
          </div>
          <details className="catalog-filters mb-2" open={filtersSet || undefined}>
            <summary className="h5 mb-3">{t.search.filters}</summary>
            <div className="row">
              <SelectField
                id="catalog-category"
                className="col-12 col-md-6"
                label={t.search.category}
                value={draft.category}
                onChange={set('category')}
                options={categoryOptions}
                placeholder={all.common.all}
              />
              <ComuneSelect
                id="catalog-comune"
                className="col-12 col-md-6"
                label={t.search.comune}
                value={draft.comune}
                onChange={set('comune')}
                comuni={territory.comuni}
                ambiti={territory.ambiti}
                placeholder={all.common.all}
              />
              <SelectField
                id="catalog-target"
                className="col-12 col-md-6"
                label={t.search.target}
                value={draft.target}
                onChange={set('target')}
                options={Object.entries(t.targets)
                  .filter(([value]) => value !== 'tutti')
                  .map(([value, label]) => ({ value, label }))}
                placeholder={all.common.all}
              />
              <SelectField
                id="catalog-kind"
                className="col-12 col-md-6"
                label={t.search.kind}
                value={draft.kind}
                onChange={set('kind')}
                options={[
                  { value: 'municipal', label: t.search.kinds.municipal ?? '' },
                  { value: 'private', label: t.search.kinds.private ?? '' },
                ]}
                placeholder={t.search.kinds.all}
              />
              {citizen && (
                <TextField
                  id="catalog-max-price"
                  className="col-12 col-md-6"
                  label={t.search.maxPrice}
                  hint={t.search.maxPriceHint}
                  inputMode="decimal"
                  value={draft.maxPrice}
                  onChange={set('maxPrice')}
                  error={priceError || undefined}
                />
              )}
              <div className="col-12 col-md-6 mb-4">
                <CheckboxField
                  id="catalog-available"
                  label={t.search.available}
                  checked={draft.available === 'true'}
                  onChange={(checked) => set('available')(checked ? 'true' : '')}
                />
              </div>
            </div>
          </details>
        </form>

        <section aria-labelledby="catalog-results" aria-busy={results.loading}>
          <h2 id="catalog-results" className="h4" aria-live="polite">
            {results.data ? t.search.results(results.data.total) : all.common.loading}
          </h2>
          {state.status === 'anonymous' && (
            <p>
              <Link to="/login" state={{ from: '/servizi' }}>
                {t.search.loginForPrice}
              </Link>
            </p>
          )}
          <ApiErrorAlert error={results.error ?? categories.error} />
          {results.loading && !results.data && <Loading />}
          {results.data?.total === 0 && <p>{t.search.none}</p>}
          {results.data?.items.map((item) => (
            <ServiceResult key={item.id} item={item} personId={assisted.personId} />
          ))}
          {results.data && (
            <Pager
              page={page}
              pageSize={SEARCH_PAGE_SIZE}
              total={results.data.total}
              onPage={(next) => apply(filter, next)}
            />
          )}
        </section>
      </LargeText>
    </Page>
  );
}
