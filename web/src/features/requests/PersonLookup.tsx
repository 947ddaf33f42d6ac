import { useState, type FormEvent } from 'react';
import type { Person } from '../../../../shared/src/people/people.schemas';
import { useAction } from '../../api/useAction';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDate } from '../../i18n/format';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { TextField } from '../../ui/fields';
import { searchPeople } from '../people/api';
import { codiceFiscaleError, decodeCodiceFiscale, normalizeCodiceFiscale } from '../people/codiceFiscale';
import { personName } from '../people/PeopleTable';

interface PersonLookupProps {
  onPick: (person: Person) => void;
  /** A new person, with the codice fiscale searched for when it is one. */
  onNew: (codiceFiscale: string) => void;
}

/** Sixteen letters and digits in one word: meant as a codice fiscale, not a name or a phone. */
const typedAsCode = (query: string) => /^[A-Za-z0-9]{16}$/.test(query.trim()) && /[0-9]/.test(query);

/**
 * The first box of a phone intake: codice fiscale, name or phone, then Enter. A code that
 * matches one person picks them; a well-formed code that matches nobody starts a new person.
 * A mistyped code (its shape, or a check character that does not match) is refused here,
 * next to the box, before any search: the operator asks the caller to read it again.
 */
export function PersonLookup({ onPick, onNew }: PersonLookupProps) {
  const { t, locale } = useI18n();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<{ query: string; people: Person[] } | null>(null);
  const [status, setStatus] = useState('');
  const [codeProblem, setCodeProblem] = useState<'format' | 'checkCharacter' | null>(null);
  const search = useAction(searchPeople);
  const code = normalizeCodiceFiscale(query);
  const isCode = decodeCodiceFiscale(code) !== null;

  const pick = (person: Person) => {
    setResults(null);
    setStatus(t.requests.lookupPicked(personName(person)));
    onPick(person);
  };
  const startNew = (codiceFiscale: string) => {
    setResults(null);
    setStatus(codiceFiscale ? t.requests.lookupNewForCode : '');
    onNew(codiceFiscale);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const q = query.trim();
    if (q.length < 2) return;
    const problem = typedAsCode(q) ? codiceFiscaleError(q) : null;
    setCodeProblem(problem);
    if (problem) {
      setResults(null);
      setStatus('');
      return;
    }
    const found = await search.run(q);
    if (!found.ok) return;
    const people = found.value.items;
    const sameCode = people.filter((p) => p.codiceFiscale === code);
    if (sameCode.length === 1) return pick(sameCode[0]!);
    if (people.length === 0 && isCode) return startNew(code);
    setResults({ query: q, people });
    setStatus(t.requests.lookupResults(people.length));
  };

  return (
    <section aria-labelledby="lookup-title" className="mb-4">
      <h2 id="lookup-title" className="visually-hidden">
        {t.requests.lookupTitle}
      </h2>
      <form role="search" className="row align-items-end" onSubmit={(e) => void submit(e)}>
        <TextField
          id="lookup-q"
          className="col-12 col-md-8"
          type="search"
          label={t.requests.lookup}
          hint={t.requests.lookupHint}
          value={query}
          onChange={(value) => {
            setQuery(value);
            setCodeProblem(null);
          }}
          error={codeProblem ? t.personForm.codiceFiscaleProblems[codeProblem] : undefined}
          autoComplete="off"
          spellCheck={false}
          autoFocus
        />
        <div className="col-12 col-md-4 form-group">
          <button type="submit" className="btn btn-primary w-100" disabled={search.pending}>
            {t.common.search}
          </button>
        </div>
      </form>
      <ApiErrorAlert error={search.error} />
      <p role="status" className={status ? 'fw-semibold' : 'visually-hidden'}>
        {status}
      </p>
      {results && (
        <>
          {results.people.length > 0 && (
            <ul className="list-unstyled lookup-results">
              {results.people.map((p) => (
                <li key={p.id} className="d-flex flex-wrap align-items-center gap-3 py-2 border-bottom">
                  <span className="flex-grow-1">
                    <strong>{personName(p)}</strong> · {formatDate(p.birthDate, locale)} ·{' '}
                    <span className="font-monospace">{p.codiceFiscale ?? t.common.none}</span> ·{' '}
                    {p.comuneName}
                    {p.address ? ` · ${p.address}` : ''}
                  </span>
                  <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => pick(p)}>
                    {t.requests.choose(personName(p))}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <button
            type="button"
            className="btn btn-outline-primary"
            onClick={() => startNew(isCode ? code : '')}
          >
            {isCode ? t.requests.newPersonWithCode : t.requests.newPerson}
          </button>
        </>
      )}
    </section>
  );
}
