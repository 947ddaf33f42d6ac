import { Link } from 'react-router';
import type { Order } from '../../../../shared/src/catalog/catalog.schemas';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDate } from '../../i18n/format';
import { formatCents } from '../../i18n/money';
import { OrderActions } from './OrderActions';
import { OrderStatusBadge, PaymentStatusBadge } from './OrderBadges';

interface OrderCardProps {
  order: Order;
  onChanged: (done: string | null) => void;
  /** The provider's and the desk's lists name who the order is for. */
  showBeneficiary?: boolean;
}

/** One order in a list: what, for whom, how much, where it stands, and what can be done next. */
export function OrderCard({ order, onChanged, showBeneficiary }: OrderCardProps) {
  const { t: all, locale } = useI18n();
  const t = all.catalog;
  const titleId = `order-${order.id}`;
  return (
    <article className="card card-bg rounded shadow-sm mb-3" aria-labelledby={titleId}>
      <div className="card-body">
        <h3 id={titleId} className="h5 mb-1">
          <Link to={`/ordini/${order.id}`}>{order.serviceName}</Link>
        </h3>
        <p className="mb-2">
          {showBeneficiary && `${t.order.beneficiary} ${order.beneficiaryName} · `}
          {order.providerName}
        </p>
        <p className="mb-2">
          {order.quantity} {t.units.plural[order.unit] ?? order.unit} · {t.order.startDate}{' '}
          {formatDate(order.startDate, locale)} · {t.order.total}{' '}
          <strong>{formatCents(order.totalCents, locale)}</strong>
          {order.channel === 'assisted' && ` · ${t.order.channels.assisted}`}
        </p>
        <p className="d-flex flex-wrap gap-2 mb-2">
          <OrderStatusBadge status={order.status} />
          <PaymentStatusBadge status={order.paymentStatus} />
        </p>
        {order.statusReason && <p className="mb-2">{t.order.reason(order.statusReason)}</p>}
        <OrderActions order={order} onChanged={onChanged} />
      </div>
    </article>
  );
}
