import { useCallback, useState } from 'react';

export type ActionResult<R> = { ok: true; value: R } | { ok: false };

export interface ActionState<A extends unknown[], R> {
  /** Runs the action; a failure is kept in `error` and reported as `{ ok: false }`. */
  run: (...args: A) => Promise<ActionResult<R>>;
  pending: boolean;
  error: unknown;
  clearError: () => void;
}

/** State for a form submission or a button that calls the API: pending flag and last error. */
export function useAction<A extends unknown[], R>(action: (...args: A) => Promise<R>): ActionState<A, R> {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(
    async (...args: A): Promise<ActionResult<R>> => {
      setPending(true);
      setError(null);
      try {
        return { ok: true, value: await action(...args) };
      } catch (caught) {
        setError(caught);
        return { ok: false };
      } finally {
        setPending(false);
      }
    },
    [action],
  );
  const clearError = useCallback(() => setError(null), []);
  return { run, pending, error, clearError };
}
