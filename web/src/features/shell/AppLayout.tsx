import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { useT } from '../../i18n/I18nProvider';
import { Loading } from '../../ui/Loading';
import { AppFooter } from './AppFooter';
import { AppHeader } from './AppHeader';

const MAIN_ID = 'main-content';

/** Skip link, header, the page, footer. */
export function AppLayout() {
  const t = useT();
  return (
    <div className="app-layout d-flex flex-column min-vh-100">
      <div className="skiplinks">
        <a className="visually-hidden-focusable" href={`#${MAIN_ID}`}>
          {t.shell.skipToContent}
        </a>
      </div>
      <AppHeader />
      <main id={MAIN_ID} tabIndex={-1} className="flex-grow-1">
        <Suspense
          fallback={
            <div className="container-xxl px-3 px-md-4">
              <Loading />
            </div>
          }
        >
          <Outlet />
        </Suspense>
      </main>
      <AppFooter />
    </div>
  );
}
