import type { ReactNode } from 'react';
import type { CaseDetail } from '../../../../shared/src/cases/cases.schemas';
import { useApi } from '../../api/useApi';
import { useT } from '../../i18n/I18nProvider';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { casePath } from './api';

/**
 * The page of a form on one case file (an assessment, a plan): the person's name as lead, the
 * breadcrumb back to the file, and the form only for who may change the file.
 */
export function CaseFormPage({
  caseId,
  title,
  children,
}: {
  caseId: string;
  title: string;
  children: (detail: CaseDetail) => ReactNode;
}) {
  const t = useT();
  const detail = useApi<CaseDetail>(casePath(caseId));
  const name = detail.data ? `${detail.data.person.givenName} ${detail.data.person.familyName}` : '';
  return (
    <Page
      title={title}
      lead={name || undefined}
      breadcrumbs={[
        { label: t.shell.home, to: '/' },
        { label: t.destinations.cases.title, to: '/fascicoli' },
        { label: name ? t.cases.page.title(name) : t.cases.page.loading, to: `/fascicoli/${caseId}` },
      ]}
    >
      <ApiErrorAlert error={detail.error} />
      {detail.loading && <Loading />}
      {detail.data?.abilities.change && children(detail.data)}
    </Page>
  );
}

/** One block of a case form, with its legend. */
export function FormSection({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="mb-4 border rounded p-3">
      <legend className="h4 float-none w-auto px-2">{legend}</legend>
      {children}
    </fieldset>
  );
}
