import { useEffect, useRef, type ReactNode } from 'react';
import { Link, useNavigationType } from 'react-router';
import { useT } from '../i18n/I18nProvider';

export interface Crumb {
  label: string;
  to: string;
}

interface PageProps {
  title: string;
  lead?: ReactNode;
  /** Parent pages, from the home page down; the current page is added at the end. */
  breadcrumbs?: Crumb[];
  /** Buttons next to the title (e.g. "Nuova persona"). */
  actions?: ReactNode;
  children: ReactNode;
}

/**
 * The layout of every page: breadcrumb, one h1, optional lead and actions.
 * Sets the document title and moves focus to the h1, so a screen reader announces the new page.
 */
export function Page({ title, lead, breadcrumbs, actions, children }: PageProps) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  const container = useRef<HTMLDivElement>(null);
  const navigationType = useNavigationType();

  useEffect(() => {
    document.title = `${title} · ${t.app.name}`;
  }, [title, t.app.name]);

  useEffect(() => {
    // A page loaded by the browser starts at the top, with the skip link. After a link or a
    // redirect the heading takes focus, unless a field of the page already took it (autoFocus).
    if (navigationType !== 'POP' && !container.current?.contains(document.activeElement))
      heading.current?.focus();
  }, [navigationType]);

  return (
    <div ref={container} className="container-xxl px-3 px-md-4 py-4">
      {breadcrumbs && breadcrumbs.length > 0 && (
        <nav className="breadcrumb-container" aria-label={t.common.breadcrumb}>
          <ol className="breadcrumb p-0 mb-2">
            {breadcrumbs.map((crumb) => (
              <li className="breadcrumb-item" key={crumb.to}>
                <Link to={crumb.to}>{crumb.label}</Link>
                <span className="separator" aria-hidden="true">
                  /
                </span>
              </li>
            ))}
            <li className="breadcrumb-item active" aria-current="page">
              {title}
            </li>
          </ol>
        </nav>
      )}
      <div className="d-flex flex-wrap align-items-start justify-content-between gap-3 mb-3">
        <h1 ref={heading} tabIndex={-1} className="page-title mb-0">
          {title}
        </h1>
        {actions && <div className="d-flex flex-wrap gap-2">{actions}</div>}
      </div>
      {lead && <p className="lead mb-4">{lead}</p>}
      {children}
    </div>
  );
}
