import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A list's filters and page kept in the URL (shareable, back and forward work):
 * `?stato=new&pagina=2` ↔ `{ filter: { stato: 'new' }, page: 1 }`. Empty filters are left out.
 */
export function useUrlFilter<K extends string>(
  keys: readonly K[],
  defaults: Partial<Record<K, string>> = {},
) {
  const [params, setParams] = useSearchParams();
  const filter = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? defaults[k] ?? ''])) as Record<
    K,
    string
  >;
  const page = Math.max(0, Number(params.get('pagina') ?? '1') - 1) || 0;
  const apply = useCallback(
    (next: Record<K, string>, nextPage = 0) => {
      const query: Record<string, string> = {};
      for (const [key, value] of Object.entries(next) as [K, string][]) {
        // A default that the user cleared is kept as an explicit empty value.
        if (value || defaults[key]) query[key] = value;
      }
      if (nextPage > 0) query.pagina = String(nextPage + 1);
      setParams(query);
    },
    // The defaults are constants of the page.
    [setParams],
  );
  return { filter, page, apply, key: params.toString() };
}
