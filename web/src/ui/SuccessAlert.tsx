import type { ReactNode } from 'react';

/** A confirmation after an action (saved, created); announced politely. */
export function SuccessAlert({ children }: { children: ReactNode }) {
  return (
    <div className="alert alert-success" role="status">
      {children}
    </div>
  );
}
