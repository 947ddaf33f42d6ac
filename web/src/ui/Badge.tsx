import './badge.css';

export type BadgeTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

/** A short status word (urgency, state) in a coloured frame; the word carries the meaning, not the colour. */
export function Badge({ tone, children }: { tone: BadgeTone; children: string }) {
  return <span className={`badge status-badge status-badge-${tone}`}>{children}</span>;
}
