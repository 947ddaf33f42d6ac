import type { PublicCall } from '../../../../shared/src/codesign/codesign.schemas';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDate } from '../../i18n/format';
import { formatCents } from '../../i18n/money';
import { Page } from '../../ui/Page';

/** `/co-progettazione`: the co-design calls, open and closed, with their agreements (no login). */
export function PublicCallsPage() {
  const { t: all } = useI18n();
  const t = all.pacts.codesign;
  const calls = useApi<PublicCall[]>('/api/public/codesign/calls');
  const open = (calls.data ?? []).filter((c) => c.state === 'open' || c.state === 'upcoming');
  const closed = (calls.data ?? []).filter((c) => c.state === 'closed' || c.state === 'awarded');
  return (
    <Page title={t.title} lead={t.lead}>
      {calls.loading && <p role="status">{t.loading}</p>}
      {Boolean(calls.error) && (
        <div className="alert alert-danger" role="alert">
          {t.failed}
        </div>
      )}
      {calls.data && (
        <>
          <section aria-labelledby="open-calls" className="mb-4">
            <h2 id="open-calls" className="h3">
              {t.open}
            </h2>
            {open.length === 0 ? <p>{t.noneOpen}</p> : open.map((c) => <CallCard key={c.id} call={c} />)}
          </section>
          <section aria-labelledby="closed-calls" className="mb-4">
            <h2 id="closed-calls" className="h3">
              {t.closed}
            </h2>
            {closed.length === 0 ? (
              <p>{t.noneClosed}</p>
            ) : (
              closed.map((c) => <CallCard key={c.id} call={c} />)
            )}
          </section>
        </>
      )}
    </Page>
  );
}

function CallCard({ call }: { call: PublicCall }) {
  const { t: all, locale } = useI18n();
  const t = all.pacts.codesign;
  const date = (d: string) => formatDate(d, locale);
  return (
    <article className="card-wrapper mb-4" aria-labelledby={`call-${call.id}`}>
      <div className="card card-bg">
        <div className="card-body">
          <h3 id={`call-${call.id}`} className="h4 card-title">
            {call.title}
          </h3>
          <p className="mb-2">
            <span className="badge bg-primary me-2">{t.states[call.state]}</span>
            {t.comune(call.comuneName)}
          </p>
          <p>{call.description}</p>
          <p className="mb-2">
            {t.budget}: <strong>{formatCents(call.budgetCents, locale)}</strong>
          </p>
          <p>{t.period(date(call.opensOn), date(call.closesOn))}</p>
          {call.project && (
            <p>
              {t.project}: {call.project.title}
            </p>
          )}
          <div className="table-responsive">
            <table className="table table-sm">
              <caption>{t.criteria}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.criterion}</th>
                  <th scope="col" className="text-end">
                    {t.maxScore}
                  </th>
                </tr>
              </thead>
              <tbody>
                {call.criteria.map((c) => (
                  <tr key={c.id}>
                    <td>{c.label}</td>
                    <td className="text-end">{c.maxScore}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {call.agreement && (
            <>
              <h4 className="h6">{t.agreement(date(call.agreement.signedOn))}</h4>
              <ul>
                {call.agreement.partners.map((p) => (
                  <li key={p.organizationId}>
                    {p.name} ({p.role === 'lead' ? t.lead_ : t.partner})
                  </li>
                ))}
              </ul>
              <p className="mb-0">
                {t.agreementPeriod(date(call.agreement.startsOn), date(call.agreement.endsOn))}
              </p>
            </>
          )}
        </div>
      </div>
    </article>
  );
}
