import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { PeoplePage } from '../../../../shared/src/people/people.schemas';
import { useApi } from '../../api/useApi';
import { useT } from '../../i18n/I18nProvider';
import { PEOPLE_PAGE_SIZE, peopleSearchPath } from '../../features/people/api';
import { PeopleTable } from '../../features/people/PeopleTable';
import { useCan } from '../../features/session/SessionProvider';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { Loading } from '../../ui/Loading';
import { TextField } from '../../ui/fields';
import { Page } from '../../ui/Page';
import { Pager } from '../../ui/Pager';

// Nobody browses the registry: a search needs at least this much to go on (data minimisation).
const MIN_QUERY = 2;

/** One box for name (any order), codice fiscale or phone; the query lives in the URL. */
export function PeopleSearchPage() {
  const t = useT();
  const canCreate = useCan('person.write');
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Math.max(0, Number(params.get('pagina') ?? '1') - 1) || 0;
  const [draft, setDraft] = useState(q);
  const [shownQuery, setShownQuery] = useState(q);
  // Back and forward change the URL: show the query being displayed.
  if (shownQuery !== q) {
    setShownQuery(q);
    setDraft(q);
  }
  const searching = q.trim().length >= MIN_QUERY;
  const results = useApi<PeoplePage>(searching ? peopleSearchPath(q, page) : null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParams(draft.trim() ? { q: draft.trim() } : {});
  };

  return (
    <Page
      title={t.peopleSearch.title}
      lead={t.peopleSearch.lead}
      breadcrumbs={[{ label: t.shell.home, to: '/' }]}
      actions={
        canCreate && (
          <Link to="/persone/nuova" className="btn btn-primary">
            {t.destinations.personCreate.title}
          </Link>
        )
      }
    >
      <form role="search" className="row align-items-end mb-4" onSubmit={submit}>
        <TextField
          id="people-q"
          className="col-12 col-md-8"
          type="search"
          label={t.peopleSearch.query}
          hint={t.peopleSearch.queryHint}
          value={draft}
          onChange={setDraft}
          autoFocus
        />
        <div className="col-12 col-md-4 mb-md-4">
          <button type="submit" className="btn btn-primary w-100">
            {t.common.search}
          </button>
        </div>
      </form>

      <section aria-labelledby="people-results" aria-busy={results.loading}>
        <h2 id="people-results" className="h4" aria-live="polite">
          {!searching
            ? t.peopleSearch.prompt
            : results.data
              ? t.peopleSearch.found(results.data.total)
              : t.common.loading}
        </h2>
        <ApiErrorAlert error={results.error} />
        {results.loading && !results.data && <Loading />}
        {searching && results.data && (
          <>
            <PeopleTable people={results.data.items} />
            <Pager
              page={page}
              pageSize={PEOPLE_PAGE_SIZE}
              total={results.data.total}
              onPage={(next) => setParams({ q, pagina: String(next + 1) })}
            />
          </>
        )}
      </section>
    </Page>
  );
}
