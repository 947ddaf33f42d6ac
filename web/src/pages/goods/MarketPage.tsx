import { useState } from 'react';
import type { MarketAccount } from '../../../../shared/src/goods/distribution.schemas';
import type { Point } from '../../../../shared/src/goods/goods.schemas';
import { useApi } from '../../api/useApi';
import { POINTS_PATH, marketAccountsPath } from '../../features/goods/api';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDate, formatNumber } from '../../i18n/format';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { DataTable } from '../../ui/DataTable';
import { SelectField } from '../../ui/fields';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';

/** The social market's cards: points credited each month by household size, the balance left. */
export function MarketPage() {
  const { t, locale } = useI18n();
  const m = t.goods.market;
  const points = useApi<Point[]>(POINTS_PATH);
  const markets = (points.data ?? []).filter((p) => p.kind === 'social_market');
  const [chosen, setChosen] = useState('');
  const marketId = chosen || markets[0]?.id || null;
  const accounts = useApi<MarketAccount[]>(marketId ? marketAccountsPath(marketId) : null);
  return (
    <Page
      title={m.title}
      lead={m.lead}
      breadcrumbs={[
        { label: t.shell.home, to: '/' },
        { label: t.goods.title, to: '/beni' },
      ]}
    >
      <ApiErrorAlert error={points.error ?? accounts.error} />
      {(points.loading || accounts.loading) && <Loading />}
      {points.data && markets.length === 0 && <p>{m.noMarket}</p>}
      {markets.length > 1 && (
        <SelectField
          id="market-point"
          label={m.market}
          value={marketId ?? ''}
          onChange={setChosen}
          options={markets.map((p) => ({ value: p.id, label: `${p.name} (${p.comuneName})` }))}
          style={{ maxWidth: '28rem' }}
        />
      )}
      {accounts.data && (
        <>
          <p role="status">{m.count(accounts.data.length)}</p>
          <DataTable
            caption={m.title}
            rows={accounts.data}
            rowKey={(x) => x.id}
            empty={t.goods.none}
            columns={[
              {
                key: 'card',
                header: m.card,
                render: (x) => <span className="font-monospace">{x.cardCode}</span>,
              },
              { key: 'person', header: m.person, render: (x) => x.personName },
              {
                key: 'size',
                header: m.householdSize,
                numeric: true,
                render: (x) => formatNumber(x.householdSize, locale),
              },
              {
                key: 'monthly',
                header: m.monthlyPoints,
                numeric: true,
                render: (x) => formatNumber(x.monthlyPoints, locale),
              },
              {
                key: 'balance',
                header: m.balance,
                numeric: true,
                render: (x) => formatNumber(x.balancePoints, locale),
              },
              { key: 'valid', header: m.validUntil, render: (x) => formatDate(x.validUntil, locale) },
            ]}
          />
        </>
      )}
    </Page>
  );
}
