import { useEffect, useState } from 'react';
import type { VolunteerImportReport } from '../../../../shared/src/volunteers/volunteers.schemas';
import { api } from '../../api/client';
import { importReportPath } from './api';

const POLL_MS = 800;

/** Follows an import until it is done or failed, asking for its progress a few times a second. */
export function useImportReport(importId: string | null) {
  const [report, setReport] = useState<VolunteerImportReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    setReport(null);
    setError(null);
    if (!importId) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = () => {
      api
        .get<VolunteerImportReport>(importReportPath(importId), controller.signal)
        .then((next) => {
          setReport(next);
          if (next.status === 'running') timer = setTimeout(poll, POLL_MS);
        })
        .catch((caught: unknown) => {
          if (!controller.signal.aborted) setError(caught);
        });
    };
    poll();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [importId]);
  return { report, error };
}
