import { Link } from 'react-router';
import type { OrderList } from '../../../../shared/src/catalog/catalog.schemas';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../i18n/I18nProvider';
import { ordersPath } from '../../features/catalog/api';
import { OrderCard } from '../../features/catalog/OrderCard';
import { useOrderNotice } from '../../features/catalog/useOrderNotice';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { LargeText } from '../../ui/LargeText';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { SuccessAlert } from '../../ui/SuccessAlert';

/** `/i-miei-ordini`: the citizen's bookings, newest first, with payment and cancellation. */
export function MyOrdersPage() {
  const { t: all } = useI18n();
  const t = all.catalog;
  const orders = useApi<OrderList>(ordersPath({ limit: 100 }));
  const notice = useOrderNotice(orders.reload);
  return (
    <Page
      title={t.mine.title}
      lead={t.mine.lead}
      breadcrumbs={[{ label: all.shell.home, to: '/' }]}
      actions={
        <Link to="/servizi" className="btn btn-primary btn-lg">
          {t.mine.find}
        </Link>
      }
    >
      <LargeText>
        {notice.done && <SuccessAlert>{notice.done}</SuccessAlert>}
        <ApiErrorAlert error={orders.error} />
        {orders.loading && !orders.data && <Loading />}
        {orders.data?.items.length === 0 && <p>{t.mine.empty}</p>}
        {orders.data?.items.map((o) => (
          <OrderCard key={o.id} order={o} onChanged={notice.onChanged} />
        ))}
      </LargeText>
    </Page>
  );
}
