import type { Order } from '../../../../shared/src/catalog/catalog.schemas';
import { useT } from '../../i18n/I18nProvider';
import { Badge, type BadgeTone } from '../../ui/Badge';

const STATUS_TONES: Record<Order['status'], BadgeTone> = {
  requested: 'info',
  confirmed: 'success',
  delivered: 'success',
  closed: 'neutral',
  declined: 'danger',
  cancelled: 'neutral',
};

const PAYMENT_TONES: Record<Order['paymentStatus'], BadgeTone> = {
  not_required: 'neutral',
  pending: 'warning',
  paid: 'success',
  failed: 'danger',
  expired: 'danger',
  cancelled: 'neutral',
};

export function OrderStatusBadge({ status }: { status: Order['status'] }) {
  const t = useT().catalog.order;
  return <Badge tone={STATUS_TONES[status]}>{t.statuses[status] ?? status}</Badge>;
}

export function PaymentStatusBadge({ status }: { status: Order['paymentStatus'] }) {
  const t = useT().catalog.order;
  return <Badge tone={PAYMENT_TONES[status]}>{t.paymentStatuses[status] ?? status}</Badge>;
}
