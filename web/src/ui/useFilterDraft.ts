import { useState, type FormEvent } from 'react';

/**
 * The filters a person is editing, applied only when the search form is submitted:
 * `set(key)` gives each field its change handler, `submit` is the form's onSubmit.
 */
export function useFilterDraft<T extends { [K in keyof T]: string }>(value: T, onApply: (filter: T) => void) {
  const [draft, setDraft] = useState(value);
  const set = (key: keyof T) => (v: string) => setDraft((d) => ({ ...d, [key]: v }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  return { draft, set, submit };
}
