import { useEffect, useState } from 'react';
import { api } from '../../api/client';

const POLL_MS = 800;

/** Follows an import (at its report's path) until it is done or failed, asking for its progress a few times a second. */
export function useImportReport<R extends { status: 'running' | 'done' | 'failed' }>(path: string | null) {
  const [report, setReport] = useState<R | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    setReport(null);
    setError(null);
    if (!path) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = () => {
      api
        .get<R>(path, controller.signal)
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
  }, [path]);
  return { report, error };
}

// The two kinds of file an import reads, by extension, with the content type the server expects.
const IMPORT_TYPES: Record<string, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The content type to upload a file with, from its extension; null for other files. */
export function importContentType(fileName: string): string | null {
  const extension = fileName.split('.').pop()?.toLowerCase() ?? '';
  return IMPORT_TYPES[extension] ?? null;
}
