import { useState } from 'react';
import { Link } from 'react-router';
import type { OrderList, ServiceList, Statement } from '../../../../shared/src/catalog/catalog.schemas';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../i18n/I18nProvider';
import { formatCents } from '../../i18n/money';
import {
  managedServicesPath,
  ordersPath,
  statementExportUrl,
  statementPath,
} from '../../features/catalog/api';
import { currentMonth, unitPrice } from '../../features/catalog/format';
import { OrderCard } from '../../features/catalog/OrderCard';
import { useOrderNotice } from '../../features/catalog/useOrderNotice';
import { useCan } from '../../features/session/SessionProvider';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { Badge } from '../../ui/Badge';
import { DataTable } from '../../ui/DataTable';
import { SelectField, TextField } from '../../ui/fields';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { SuccessAlert } from '../../ui/SuccessAlert';

// The formats GET /api/provider/statement/export answers.
const STATEMENT_FORMATS = ['csv', 'xlsx', 'pdf'] as const;

/**
 * `/fornitore`: a provider's console. The orders received (confirm once paid, decline with a
 * reason, mark delivered, close), the provider's services with their moderation state, and the
 * monthly statement per comune with its downloads.
 */
export function ProviderConsolePage() {
  const { t: all } = useI18n();
  const t = all.catalog;
  const manages = useCan('catalog.manage');
  return (
    <Page title={t.provider.title} lead={t.provider.lead} breadcrumbs={[{ label: all.shell.home, to: '/' }]}>
      <ReceivedOrders />
      {manages && <ProviderServices />}
      <MonthlyStatement />
    </Page>
  );
}

function ReceivedOrders() {
  const { t: all } = useI18n();
  const t = all.catalog;
  const [status, setStatus] = useState('requested');
  const orders = useApi<OrderList>(ordersPath({ status: status || undefined, limit: 100 }));
  const notice = useOrderNotice(orders.reload);
  return (
    <section aria-labelledby="provider-orders" className="mb-5">
      <h2 id="provider-orders" className="h3">
        {t.provider.orders}
      </h2>
      <div className="row">
        <SelectField
          id="provider-status"
          className="col-12 col-md-4"
          label={t.provider.status}
          value={status}
          onChange={setStatus}
          options={Object.entries(t.order.statuses).map(([value, label]) => ({ value, label }))}
          placeholder={all.common.all}
        />
      </div>
      {notice.done && <SuccessAlert>{notice.done}</SuccessAlert>}
      <ApiErrorAlert error={orders.error} />
      {orders.loading && !orders.data && <Loading />}
      {orders.data?.items.length === 0 && <p>{t.provider.noOrders}</p>}
      {orders.data?.items.map((o) => (
        <OrderCard key={o.id} order={o} onChanged={notice.onChanged} showBeneficiary />
      ))}
    </section>
  );
}

function ProviderServices() {
  const { t: all, locale } = useI18n();
  const t = all.catalog;
  const services = useApi<ServiceList>(managedServicesPath());
  return (
    <section aria-labelledby="provider-services" className="mb-5">
      <div className="d-flex flex-wrap align-items-center justify-content-between gap-2 mb-2">
        <h2 id="provider-services" className="h3 mb-0">
          {t.provider.services}
        </h2>
        <Link to="/fornitore/servizi/nuovo" className="btn btn-primary">
          {t.editor.newService}
        </Link>
      </div>
      <ApiErrorAlert error={services.error} />
      {services.loading && !services.data && <Loading />}
      {services.data && (
        <DataTable
          caption={t.provider.services}
          rowKey={(s) => s.id}
          rows={services.data.items}
          empty={t.provider.noServices}
          columns={[
            {
              key: 'name',
              header: all.catalog.order.service,
              render: (s) => <Link to={`/servizi/${s.id}`}>{s.name}</Link>,
            },
            {
              key: 'edit',
              header: t.editor.edit,
              render: (s) =>
                s.abilities.edit && (
                  <Link to={`/fornitore/servizi/${s.id}`} aria-label={`${t.editor.edit}: ${s.name}`}>
                    {t.editor.edit}
                  </Link>
                ),
            },
            {
              key: 'status',
              header: t.provider.status,
              render: (s) => (
                <>
                  <Badge
                    tone={
                      s.status === 'approved' ? 'success' : s.status === 'rejected' ? 'danger' : 'warning'
                    }
                  >
                    {t.provider.moderation[s.status] ?? s.status}
                  </Badge>
                  {s.moderationNote && (
                    <p className="small mb-0 mt-1">{t.provider.moderationNote(s.moderationNote)}</p>
                  )}
                </>
              ),
            },
            {
              key: 'price',
              header: t.price.capped,
              render: (s) => unitPrice(t, locale, s.cappedPriceCents, s.unit),
            },
          ]}
        />
      )}
    </section>
  );
}

function MonthlyStatement() {
  const { t: all, locale } = useI18n();
  const t = all.catalog;
  const [month, setMonth] = useState(currentMonth);
  const valid = /^\d{4}-(0[1-9]|1[0-2])$/.test(month);
  const statement = useApi<Statement>(valid ? statementPath(month) : null);
  const rows = statement.data?.rows ?? [];
  const money = (cents: number) => formatCents(cents, locale);
  const totals = rows.reduce(
    (sum, r) => ({
      orders: sum.orders + r.orders,
      quantity: sum.quantity + r.quantity,
      paid: sum.paid + r.paidByCitizensCents,
      owed: sum.owed + r.owedByComuneCents,
    }),
    { orders: 0, quantity: 0, paid: 0, owed: 0 },
  );
  return (
    <section aria-labelledby="provider-statement" className="mb-4">
      <h2 id="provider-statement" className="h3">
        {t.provider.statement}
      </h2>
      <div className="row align-items-end">
        <TextField
          id="statement-month"
          className="col-12 col-md-4"
          type="month"
          label={t.provider.month}
          value={month}
          onChange={setMonth}
        />
        {valid && (
          <div className="col-12 col-md-8 form-group d-flex flex-wrap gap-2">
            {STATEMENT_FORMATS.map((format) => (
              <a
                key={format}
                className="btn btn-outline-primary"
                href={statementExportUrl(month, format)}
                download
              >
                {t.provider.download(format.toUpperCase())}
              </a>
            ))}
          </div>
        )}
      </div>
      <ApiErrorAlert error={statement.error} />
      {statement.loading && !statement.data && <Loading />}
      {statement.data && (
        <>
          <DataTable
            caption={`${t.provider.statement} ${month}`}
            rowKey={(r) => r.comuneCode}
            rows={rows}
            empty={t.provider.noStatement}
            columns={[
              { key: 'comune', header: t.provider.comune, render: (r) => r.comuneName },
              { key: 'orders', header: t.provider.orderCount, render: (r) => r.orders, numeric: true },
              { key: 'quantity', header: t.provider.quantity, render: (r) => r.quantity, numeric: true },
              {
                key: 'paid',
                header: t.provider.paidByCitizens,
                render: (r) => money(r.paidByCitizensCents),
                numeric: true,
              },
              {
                key: 'owed',
                header: t.provider.owedByComune,
                render: (r) => money(r.owedByComuneCents),
                numeric: true,
              },
            ]}
          />
          {rows.length > 1 && (
            <p className="fw-semibold">
              {t.provider.total}: {totals.orders} {t.provider.orderCount.toLowerCase()}, {totals.quantity}{' '}
              {t.provider.quantity.toLowerCase()}, {t.provider.paidByCitizens.toLowerCase()}{' '}
              {money(totals.paid)}, {t.provider.owedByComune.toLowerCase()} {money(totals.owed)}
            </p>
          )}
        </>
      )}
    </section>
  );
}
