import { Link } from 'react-router';
import type { PublicCall } from '../../../../shared/src/codesign/codesign.schemas';
import { useApi } from '../../api/useApi';
import { useCan } from '../../features/session/SessionProvider';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDate } from '../../i18n/format';
import { formatCents } from '../../i18n/money';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';

/** `/co-progettazione/avvisi`: the office's list of co-design calls, each opening its proposals. */
export function CodesignCallsPage() {
  const { t: all, locale } = useI18n();
  const t = all.pacts.codesignOffice;
  const pub = all.pacts.codesign;
  const calls = useApi<PublicCall[]>('/api/public/codesign/calls');
  const mayPublish = useCan('codesign.manage');
  return (
    <Page title={t.title} lead={t.lead} breadcrumbs={[{ label: all.shell.home, to: '/' }]}>
      {mayPublish && (
        <Link to="/co-progettazione/avvisi/nuovo" className="btn btn-primary mb-3">
          {t.newCall}
        </Link>
      )}
      <ApiErrorAlert error={calls.error} />
      {calls.loading && <Loading />}
      {calls.data?.length === 0 && <p>{t.none}</p>}
      <ul className="list-unstyled">
        {calls.data?.map((call) => (
          <li key={call.id} className="border-bottom py-3">
            <Link to={`/co-progettazione/avvisi/${call.id}`}>{call.title}</Link>
            <br />
            <small>
              {pub.comune(call.comuneName)} · {pub.states[call.state]} ·{' '}
              {pub.period(formatDate(call.opensOn, locale), formatDate(call.closesOn, locale))} ·{' '}
              {formatCents(call.budgetCents, locale)}
            </small>
          </li>
        ))}
      </ul>
    </Page>
  );
}
