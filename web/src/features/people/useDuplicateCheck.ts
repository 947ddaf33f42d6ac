import { useEffect, useState } from 'react';
import type { Person } from '../../../../shared/src/people/people.schemas';
import { findDuplicates, type DuplicateQuery } from './api';
import { normalizeCodiceFiscale } from './codiceFiscale';
import type { PersonFormValues } from './personForm';

const DEBOUNCE_MS = 400;

function queryFor(values: PersonFormValues, excludeId?: string): DuplicateQuery | null {
  const codiceFiscale = normalizeCodiceFiscale(values.codiceFiscale);
  const byCode = codiceFiscale.length === 16;
  const byName = values.givenName.trim() !== '' && values.familyName.trim() !== '' && values.birthDate !== '';
  if (!byCode && !byName) return null;
  return {
    ...(byCode ? { codiceFiscale } : {}),
    ...(byName
      ? {
          givenName: values.givenName.trim(),
          familyName: values.familyName.trim(),
          birthDate: values.birthDate,
        }
      : {}),
    ...(excludeId ? { excludeId } : {}),
  };
}

/**
 * People already registered with the same codice fiscale, or the same name and birth date,
 * asked while the operator types (debounced). A failed check shows no warning: saving checks again.
 */
export function useDuplicateCheck(values: PersonFormValues, excludeId?: string): Person[] {
  const [duplicates, setDuplicates] = useState<Person[]>([]);
  const query = queryFor(values, excludeId);
  const key = query ? JSON.stringify(query) : null;

  useEffect(() => {
    if (key === null) {
      setDuplicates([]);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      findDuplicates(JSON.parse(key) as DuplicateQuery, controller.signal)
        .then(setDuplicates)
        .catch(() => {
          if (!controller.signal.aborted) setDuplicates([]);
        });
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [key]);

  return duplicates;
}
