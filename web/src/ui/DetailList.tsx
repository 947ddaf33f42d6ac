import type { ReactNode } from 'react';

export interface Detail {
  term: string;
  value: ReactNode;
}

/** Label–value pairs of a record (a person, an organisation), two columns on wide screens. */
export function DetailList({ items }: { items: Detail[] }) {
  return (
    <dl className="row detail-list mb-0">
      {items.map((item) => (
        <div className="col-12 col-md-6 mb-3" key={item.term}>
          <dt>{item.term}</dt>
          <dd className="mb-0">{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
