import { useParams } from 'react-router';
import type { Batch, Donor } from '../../../../shared/src/goods/goods.schemas';
import { useApi } from '../../api/useApi';
import { donationReceiptUrl, donorPath } from '../../features/goods/api';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDate, formatNumber } from '../../i18n/format';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { Badge } from '../../ui/Badge';
import { DataTable } from '../../ui/DataTable';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';

/** A donor of goods and every donation received from them, each with its receipt. */
export function DonorPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const d = t.goods.donor;
  const donor = useApi<{ donor: Donor; donations: Batch[] }>(donorPath(id));
  return (
    <Page
      title={donor.data?.donor.name ?? t.goods.donation.donor}
      lead={donor.data ? d.lead(donor.data.donor.vatNumber) : undefined}
      breadcrumbs={[
        { label: t.shell.home, to: '/' },
        { label: t.goods.title, to: '/beni' },
      ]}
    >
      <ApiErrorAlert error={donor.error} />
      {donor.loading && <Loading />}
      {donor.data && (
        <section aria-labelledby="history-title">
          <h2 id="history-title" className="h4">
            {d.history}
          </h2>
          <DataTable
            caption={d.history}
            rows={donor.data.donations}
            rowKey={(b) => b.id}
            empty={t.goods.none}
            columns={[
              { key: 'date', header: d.date, render: (b) => formatDate(b.occurredOn, locale) },
              { key: 'point', header: d.point, render: (b) => b.movements[0]?.pointName ?? t.common.none },
              {
                key: 'goods',
                header: d.goods,
                render: (b) =>
                  b.movements
                    .map((m) => `${m.itemName} ${formatNumber(m.quantity, locale)} ${m.unit}`)
                    .join(', '),
              },
              {
                key: 'receipt',
                header: d.receipt,
                render: (b) => (
                  <>
                    {b.receiptNumber !== null && (
                      <a href={donationReceiptUrl(b.id)} download>
                        {d.receiptLink(b.receiptNumber)}
                      </a>
                    )}{' '}
                    {b.reversedByBatchId && <Badge tone="warning">{d.reversed}</Badge>}
                  </>
                ),
              },
            ]}
          />
        </section>
      )}
    </Page>
  );
}
