import { useT } from '../i18n/I18nProvider';

interface PagerProps {
  /** Zero-based. */
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
}

/** Previous / next with "page X of Y", in Bootstrap Italia pagination markup. */
export function Pager({ page, pageSize, total, onPage }: PagerProps) {
  const t = useT();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav className="pagination-wrapper justify-content-center mt-3" aria-label={t.common.pagination}>
      <ul className="pagination align-items-center">
        <li className={`page-item${page === 0 ? ' disabled' : ''}`}>
          <button
            type="button"
            className="btn btn-outline-primary"
            disabled={page === 0}
            onClick={() => onPage(page - 1)}
          >
            {t.common.previousPage}
          </button>
        </li>
        <li className="page-item px-3" aria-live="polite">
          {t.common.pageOf(page + 1, pages)}
        </li>
        <li className={`page-item${page >= pages - 1 ? ' disabled' : ''}`}>
          <button
            type="button"
            className="btn btn-outline-primary"
            disabled={page >= pages - 1}
            onClick={() => onPage(page + 1)}
          >
            {t.common.nextPage}
          </button>
        </li>
      </ul>
    </nav>
  );
}
