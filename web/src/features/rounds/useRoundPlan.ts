import { useCallback, useEffect, useState } from 'react';
import type { RoundPlan } from '../../../../shared/src/rounds/rounds.schemas';
import { ApiError } from '../../api/client';
import { fetchPlan } from './api';

export const POLL_MS = 500;
const RETRY_MS = 3000;

export interface RoundPlanState {
  plan: RoundPlan | undefined;
  error: unknown;
  /** Replaces the plan with one the server just answered (after a move). */
  replace: (plan: RoundPlan) => void;
  reload: () => void;
}

/**
 * A round plan by id, polled every half second while the planner is searching, then left alone.
 * `null` loads nothing.
 */
export function useRoundPlan(id: string | null): RoundPlanState {
  const [plan, setPlan] = useState<RoundPlan>();
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    // A plan of another id on screen is dropped; the same plan stays while it is refreshed.
    setPlan((current) => (current && current.id === id ? current : undefined));
    setError(null);
    if (id === null) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      try {
        const next = await fetchPlan(id, controller.signal);
        if (controller.signal.aborted) return;
        setPlan(next);
        setError(null);
        if (next.status === 'planning') timer = setTimeout(() => void load(), POLL_MS);
      } catch (caught) {
        if (controller.signal.aborted) return;
        setError(caught);
        // A dropped connection while the planner works is retried; any answer of the server is final.
        if (caught instanceof ApiError && caught.code === 'NETWORK')
          timer = setTimeout(() => void load(), RETRY_MS);
      }
    };
    void load();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [id, generation]);

  const replace = useCallback((next: RoundPlan) => setPlan(next), []);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { plan, error, replace, reload };
}
