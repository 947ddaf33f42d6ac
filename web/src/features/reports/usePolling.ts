import { useEffect } from 'react';

/** Calls `reload` every second while `active` (a report being generated in the job queue). */
export function usePolling(active: boolean, reload: () => void): void {
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(reload, 1000);
    return () => clearInterval(timer);
  }, [active, reload]);
}
