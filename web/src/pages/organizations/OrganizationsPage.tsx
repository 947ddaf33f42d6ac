import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Organization } from '../../../../shared/src/organizations/organizations.schemas';
import { useApi } from '../../api/useApi';
import { useT } from '../../i18n/I18nProvider';
import { organizationsPath } from '../../features/organizations/api';
import { isOrganizationKind, kindOptions } from '../../features/organizations/kinds';
import { OrganizationsTable } from '../../features/organizations/OrganizationsTable';
import { useCan } from '../../features/session/SessionProvider';
import { useTerritory } from '../../features/territory/useTerritory';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { SelectField, TextField } from '../../ui/fields';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';

/** Organisations working in the user's territory, filtered by kind, Ambito and name (kept in the URL). */
export function OrganizationsPage() {
  const t = useT();
  const canCreate = useCan('organization.manage');
  const territory = useTerritory();
  const [params, setParams] = useSearchParams();
  const kindParam = params.get('tipo') ?? '';
  const kind = isOrganizationKind(kindParam) ? kindParam : '';
  const ambito = params.get('ambito') ?? '';
  const q = params.get('q') ?? '';
  const [draft, setDraft] = useState(q);
  const list = useApi<Organization[]>(organizationsPath({ kind, ambito, q }));

  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };

  return (
    <Page
      title={t.organizations.title}
      lead={t.organizations.lead}
      breadcrumbs={[{ label: t.shell.home, to: '/' }]}
      actions={
        canCreate && (
          <Link to="/organizzazioni/nuova" className="btn btn-primary">
            {t.destinations.organizationCreate.title}
          </Link>
        )
      }
    >
      <form
        role="search"
        className="row align-items-end mb-3"
        onSubmit={(e) => {
          e.preventDefault();
          update({ q: draft.trim() });
        }}
      >
        <SelectField
          id="org-kind"
          className="col-12 col-md-3"
          label={t.organizations.kind}
          value={kind}
          onChange={(v) => update({ tipo: v })}
          options={kindOptions(t)}
          placeholder={t.common.all}
        />
        <SelectField
          id="org-ambito"
          className="col-12 col-md-3"
          label={t.territory.ambito}
          value={ambito}
          onChange={(v) => update({ ambito: v })}
          options={territory.ambiti.map((a) => ({ value: a.id, label: a.name }))}
          placeholder={t.common.all}
        />
        <TextField
          id="org-q"
          className="col-12 col-md-4"
          type="search"
          label={t.organizations.searchName}
          value={draft}
          onChange={setDraft}
        />
        <div className="form-group col-12 col-md-2">
          <button type="submit" className="btn btn-primary w-100">
            {t.common.search}
          </button>
        </div>
      </form>
      <p aria-live="polite" className="fw-semibold">
        {list.data ? t.organizations.count(list.data.length) : ''}
      </p>
      <ApiErrorAlert error={list.error} />
      {list.loading && !list.data ? (
        <Loading />
      ) : (
        <OrganizationsTable
          organizations={list.data ?? []}
          ambiti={territory.ambiti}
          comuni={territory.comuni}
        />
      )}
    </Page>
  );
}
