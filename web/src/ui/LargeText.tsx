import type { ReactNode } from 'react';
import './large-text.css';

/** Larger type and roomier fields for the pages citizens fill in themselves, often older people. */
export function LargeText({ children }: { children: ReactNode }) {
  return <div className="large-text">{children}</div>;
}
