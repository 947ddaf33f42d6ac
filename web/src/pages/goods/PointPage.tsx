import { Link, useParams } from 'react-router';
import type { Parcel } from '../../../../shared/src/goods/distribution.schemas';
import type { StockLot, StockResponse } from '../../../../shared/src/goods/goods.schemas';
import { useAction } from '../../api/useAction';
import { useApi } from '../../api/useApi';
import { confirmPickup, parcelsPath, stockPath } from '../../features/goods/api';
import { useCan } from '../../features/session/SessionProvider';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDate, formatNumber } from '../../i18n/format';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { Badge } from '../../ui/Badge';
import { DataTable } from '../../ui/DataTable';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';

const RECENT_PARCELS = 20;

/** A point's shelves, lots that expire first on top and flagged when near expiry; its recent parcels. */
export function PointPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const g = t.goods;
  const stock = useApi<StockResponse>(stockPath(id));
  const canSeeParcels = useCan('parcel.read');
  const point = stock.data?.point;
  const expiryOf = (lot: StockLot) =>
    lot.expiryDate === null ? (
      g.point.noExpiry
    ) : (
      <>
        {formatDate(lot.expiryDate, locale)}{' '}
        {lot.expired ? (
          <Badge tone="danger">{g.point.expiredBadge}</Badge>
        ) : (
          lot.nearExpiry && <Badge tone="warning">{g.point.nearExpiryBadge}</Badge>
        )}
      </>
    );
  return (
    <Page
      title={point?.name ?? g.title}
      lead={point ? g.point.lead(point.organizationName, point.comuneName, point.address) : undefined}
      breadcrumbs={[
        { label: t.shell.home, to: '/' },
        { label: g.title, to: '/beni' },
      ]}
      actions={
        point?.abilities.manage && (
          <>
            <Link className="btn btn-primary" to={`/beni/punti/${id}/donazione`}>
              {g.point.donate}
            </Link>
            <Link className="btn btn-outline-primary" to={`/beni/punti/${id}/pacco`}>
              {g.point.parcel}
            </Link>
          </>
        )
      }
    >
      <ApiErrorAlert error={stock.error} />
      {stock.loading && <Loading />}
      {stock.data && (
        <section aria-labelledby="stock-title" className="mb-4">
          <h2 id="stock-title" className="h4">
            {g.point.stock}
          </h2>
          <DataTable
            caption={g.point.stock}
            rows={stock.data.lots}
            rowKey={(l) => l.lotId}
            empty={g.point.stockEmpty}
            columns={[
              { key: 'item', header: g.point.item, render: (l) => l.itemName },
              { key: 'expiry', header: g.point.expiry, render: expiryOf },
              {
                key: 'quantity',
                header: g.point.quantity,
                numeric: true,
                render: (l) => `${formatNumber(l.quantity, locale)} ${g.units[l.unit]}`,
              },
              { key: 'lot', header: g.point.lot, render: (l) => l.lotCode ?? t.common.none },
              { key: 'donor', header: g.point.donor, render: (l) => l.donorName ?? t.common.none },
              { key: 'received', header: g.point.received, render: (l) => formatDate(l.receivedOn, locale) },
            ]}
          />
        </section>
      )}
      {canSeeParcels && point && <RecentParcels pointId={point.id} manage={point.abilities.manage} />}
    </Page>
  );
}

function RecentParcels({ pointId, manage }: { pointId: string; manage: boolean }) {
  const { t, locale } = useI18n();
  const p = t.goods.parcel;
  const parcels = useApi<Parcel[]>(parcelsPath({ point: pointId, limit: RECENT_PARCELS }));
  const pickup = useAction(confirmPickup);
  const confirm = async (parcel: Parcel) => {
    if ((await pickup.run(parcel.id)).ok) parcels.reload();
  };
  return (
    <section aria-labelledby="parcels-title">
      <h2 id="parcels-title" className="h4">
        {t.goods.point.parcels}
      </h2>
      <ApiErrorAlert error={parcels.error ?? pickup.error} />
      <DataTable
        caption={t.goods.point.parcels}
        rows={parcels.data ?? []}
        rowKey={(x) => x.id}
        empty={t.goods.point.parcelsEmpty}
        columns={[
          { key: 'person', header: p.recipient, render: (x) => x.personName },
          { key: 'date', header: p.assembled, render: (x) => formatDate(x.assembledOn, locale) },
          {
            key: 'how',
            header: p.how,
            render: (x) =>
              x.delivery === 'delivery' && x.taskIds[0] ? (
                <Link to={`/compiti/${x.taskIds[0]}`}>{p.deliveries.delivery}</Link>
              ) : (
                p.deliveries[x.delivery]
              ),
          },
          {
            key: 'pickup',
            header: p.pickedUp,
            render: (x) =>
              x.delivery === 'delivery' ? (
                t.common.none
              ) : x.pickedUpAt ? (
                formatDate(x.pickedUpAt.slice(0, 10), locale)
              ) : manage ? (
                <button
                  type="button"
                  className="btn btn-outline-primary btn-sm"
                  aria-label={p.confirmPickup(x.personName)}
                  disabled={pickup.pending}
                  onClick={() => void confirm(x)}
                >
                  {p.confirmPickupShort}
                </button>
              ) : (
                p.notYet
              ),
          },
        ]}
      />
    </section>
  );
}
