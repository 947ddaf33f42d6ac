import { useSearchParams } from 'react-router';
import type { AuditPage as AuditResults } from '../../../../shared/src/audit/audit.schemas';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../i18n/I18nProvider';
import {
  AUDIT_PAGE_SIZE,
  auditExportPath,
  auditPath,
  filterFromParams,
  type AuditFilter,
} from '../../features/audit/api';
import { AuditFilters } from '../../features/audit/AuditFilters';
import { AuditTable } from '../../features/audit/AuditTable';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { Pager } from '../../ui/Pager';

/** The audit trail for the revisore: who read or changed which record, when, under which role. */
export function AuditPage() {
  const { t, locale } = useI18n();
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const page = Math.max(0, Number(params.get('pagina') ?? '1') - 1) || 0;
  const results = useApi<AuditResults>(auditPath(filter, page));

  const apply = (next: AuditFilter, nextPage = 0) => {
    const query: Record<string, string> = Object.fromEntries(Object.entries(next).filter(([, v]) => v));
    if (nextPage > 0) query.pagina = String(nextPage + 1);
    setParams(query);
  };

  return (
    <Page title={t.audit.title} lead={t.audit.lead} breadcrumbs={[{ label: t.shell.home, to: '/' }]}>
      <AuditFilters key={params.toString()} value={filter} onApply={apply} />
      <section aria-labelledby="audit-results" aria-busy={results.loading}>
        <h2 id="audit-results" className="h4" aria-live="polite">
          {results.data ? t.audit.found(results.data.total) : t.common.loading}
        </h2>
        <ApiErrorAlert error={results.error} />
        {results.loading && !results.data && <Loading />}
        {results.data && (
          <>
            {results.data.total > 0 && (
              <p>
                <a className="btn btn-outline-primary" href={auditExportPath(filter, locale)} download>
                  {t.audit.exportCsv}
                </a>
              </p>
            )}
            <AuditTable events={results.data.items} />
            <Pager
              page={page}
              pageSize={AUDIT_PAGE_SIZE}
              total={results.data.total}
              onPage={(p) => apply(filter, p)}
            />
          </>
        )}
      </section>
    </Page>
  );
}
