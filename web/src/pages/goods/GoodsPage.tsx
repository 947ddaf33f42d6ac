import { Link } from 'react-router';
import type { Point } from '../../../../shared/src/goods/goods.schemas';
import { useApi } from '../../api/useApi';
import { POINTS_PATH } from '../../features/goods/api';
import { useCan } from '../../features/session/SessionProvider';
import { useI18n } from '../../i18n/I18nProvider';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { Badge } from '../../ui/Badge';
import { DataTable } from '../../ui/DataTable';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';

/** The goods hub: the points and warehouses of the territory, then campaigns, loans, the market. */
export function GoodsPage() {
  const { t } = useI18n();
  const g = t.goods;
  const points = useApi<Point[]>(POINTS_PATH);
  const links = [
    { to: '/beni/rapporti', label: g.reports.link, shown: true },
    { to: '/beni/campagne', label: g.links.campaigns, shown: useCan('campaign.read') },
    { to: '/beni/prestiti', label: g.links.loans, shown: useCan('loan.read') },
    { to: '/beni/emporio', label: g.links.market, shown: useCan('market.manage') },
  ].filter((l) => l.shown);
  return (
    <Page title={g.title} lead={g.lead} breadcrumbs={[{ label: t.shell.home, to: '/' }]}>
      <ApiErrorAlert error={points.error} />
      <section aria-labelledby="points-title" className="mb-4">
        <h2 id="points-title" className="h4">
          {g.sections.points}
        </h2>
        {points.loading && <Loading />}
        <DataTable
          caption={g.sections.points}
          rows={points.data ?? []}
          rowKey={(p) => p.id}
          empty={g.none}
          columns={[
            {
              key: 'name',
              header: g.point.name,
              render: (p) => <Link to={`/beni/punti/${p.id}`}>{p.name}</Link>,
            },
            { key: 'kind', header: g.point.kind, render: (p) => g.pointKinds[p.kind] },
            { key: 'comune', header: g.point.comune, render: (p) => p.comuneName },
            { key: 'organization', header: g.point.organization, render: (p) => p.organizationName },
            {
              key: 'nearExpiry',
              header: g.point.nearExpiry,
              render: (p) =>
                p.nearExpiryLots > 0 ? (
                  <Badge tone="warning">{g.point.nearExpiryCount(p.nearExpiryLots)}</Badge>
                ) : (
                  t.common.none
                ),
            },
          ]}
        />
      </section>
      <section aria-labelledby="more-title">
        <h2 id="more-title" className="h4">
          {g.sections.more}
        </h2>
        <ul className="list-unstyled">
          {links.map((l) => (
            <li key={l.to} className="mb-2">
              <Link to={l.to}>{l.label}</Link>
            </li>
          ))}
        </ul>
      </section>
    </Page>
  );
}
