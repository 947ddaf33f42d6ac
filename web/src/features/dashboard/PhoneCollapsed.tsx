import type { ReactNode } from 'react';

/**
 * On a phone, what a long page can do without at first glance (filters, the tables beside the
 * charts) stays behind a summary the user opens; on a wider screen it is shown as it is.
 */
export function PhoneCollapsed({
  phone,
  summary,
  children,
}: {
  phone: boolean;
  summary: string;
  children: ReactNode;
}) {
  if (!phone) return children;
  return (
    <details className="mt-2 mb-3">
      <summary className="fw-semibold">{summary}</summary>
      {children}
    </details>
  );
}
