import { Link, useLocation, useParams } from 'react-router';
import type { Order } from '../../../../shared/src/catalog/catalog.schemas';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDate, formatDateTime } from '../../i18n/format';
import { formatCents } from '../../i18n/money';
import { orderPath } from '../../features/catalog/api';
import { OrderActions } from '../../features/catalog/OrderActions';
import { OrderStatusBadge, PaymentStatusBadge } from '../../features/catalog/OrderBadges';
import { useOrderNotice } from '../../features/catalog/useOrderNotice';
import { useCan } from '../../features/session/SessionProvider';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { DetailList } from '../../ui/DetailList';
import { LargeText } from '../../ui/LargeText';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { SuccessAlert } from '../../ui/SuccessAlert';
import type { CreatedOrderNotice } from './BookServicePage';

/** `/ordini/:id`: an order with its frozen price, the pagoPA notice and what can be done next. */
export function OrderPage() {
  const { t: all } = useI18n();
  const t = all.catalog;
  const { id = '' } = useParams();
  const created = (useLocation().state as Partial<CreatedOrderNotice> | null)?.created;
  const order = useApi<Order>(orderPath(id));
  const own = useCan('order.own');
  const fulfil = useCan('order.fulfil');
  const o = order.data;
  const parent = own
    ? { label: t.mine.title, to: '/i-miei-ordini' }
    : fulfil
      ? { label: t.provider.title, to: '/fornitore' }
      : { label: t.desk.title, to: o ? `/sportello?persona=${o.personId}` : '/sportello' };
  return (
    <Page
      title={o ? t.order.title(o.serviceName) : t.order.open}
      breadcrumbs={[{ label: all.shell.home, to: '/' }, parent]}
    >
      <LargeText>
        {created && <SuccessAlert>{t.order.created}</SuccessAlert>}
        <ApiErrorAlert error={order.error} />
        {order.loading && !o && <Loading />}
        {o && <OrderDetails order={o} reload={order.reload} />}
      </LargeText>
    </Page>
  );
}

function OrderDetails({ order: o, reload }: { order: Order; reload: () => void }) {
  const { t: all, locale } = useI18n();
  const notice = useOrderNotice(reload);
  const t = all.catalog;
  const money = (cents: number) => formatCents(cents, locale);
  return (
    <>
      <p className="d-flex flex-wrap gap-2 mb-1">
        <OrderStatusBadge status={o.status} />
        <PaymentStatusBadge status={o.paymentStatus} />
      </p>
      <p>
        {t.order.statusText[o.status]}
        {o.statusReason && ` ${t.order.reason(o.statusReason)}`}
      </p>
      <DetailList
        items={[
          { term: t.order.service, value: <Link to={`/servizi/${o.serviceId}`}>{o.serviceName}</Link> },
          { term: t.order.provider, value: o.providerName },
          { term: t.order.beneficiary, value: o.beneficiaryName },
          { term: t.order.quantity, value: `${o.quantity} ${t.units.plural[o.unit] ?? o.unit}` },
          { term: t.order.startDate, value: formatDate(o.startDate, locale) },
          {
            term: t.order.unitPrice,
            value: `${money(o.unitPriceCents)} (${t.price.capped.toLowerCase()} ${money(o.cappedUnitPriceCents)})`,
          },
          { term: t.order.total, value: <strong>{money(o.totalCents)}</strong> },
          { term: t.order.subsidy, value: money(o.subsidyCents) },
          { term: t.order.channel, value: t.order.channels[o.channel] ?? o.channel },
          ...(o.notes ? [{ term: t.order.notes, value: o.notes }] : []),
        ]}
      />
      <section aria-labelledby="order-payment" className="mt-3">
        <h2 id="order-payment" className="h3">
          {t.order.payment}
        </h2>
        {o.payment ? (
          <>
            <h3 className="h5">{t.order.notice}</h3>
            <DetailList
              items={[
                {
                  term: t.order.noticeNumber,
                  value: <span className="font-monospace">{o.payment.noticeNumber}</span>,
                },
                { term: t.order.creditor, value: o.payment.creditorTaxCode },
                { term: t.order.amount, value: money(o.payment.amountCents) },
                { term: t.order.dueDate, value: formatDate(o.payment.dueDate, locale) },
                ...(o.payment.paidAt
                  ? [
                      {
                        term: t.order.paymentStatuses.paid ?? '',
                        value: formatDateTime(o.payment.paidAt, locale),
                      },
                    ]
                  : []),
                ...(typeof o.payment.receipt?.receiptId === 'string'
                  ? [{ term: t.order.payment, value: t.order.receipt(o.payment.receipt.receiptId) }]
                  : []),
              ]}
            />
          </>
        ) : (
          <p>{t.order.noPayment}</p>
        )}
      </section>
      <div className="mt-3">
        {notice.done && <SuccessAlert>{notice.done}</SuccessAlert>}
        <OrderActions order={o} onChanged={notice.onChanged} />
      </div>
    </>
  );
}
