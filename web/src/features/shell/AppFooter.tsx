import { Link } from 'react-router';
import { useT } from '../../i18n/I18nProvider';
import { useSession } from '../session/SessionProvider';
import { worksInServices } from './destinations';

/** Bootstrap Italia footer: who runs the service, where the data comes from, the pages the law requires. */
export function AppFooter() {
  const t = useT();
  const { state } = useSession();
  // The API documentation is for the people who work in the services, not the citizens' pages.
  const staff = state.status === 'authenticated' && worksInServices(state.me);
  return (
    <footer className="it-footer">
      <div className="it-footer-main">
        <div className="container-xxl px-3 px-md-4 py-4">
          <p className="h4 text-white mb-2">{t.app.name}</p>
          <p className="mb-1">{t.shell.footerAbout}</p>
          <p className="mb-0">{t.shell.footerData}</p>
        </div>
      </div>
      <div className="it-footer-small-prints clearfix">
        <nav className="container-xxl px-3 px-md-4" aria-label={t.site.footer.links}>
          <ul className="it-footer-small-prints-list list-inline mb-0 d-flex flex-column flex-md-row">
            <li className="list-inline-item">
              <Link to="/privacy">{t.site.footer.privacy}</Link>
            </li>
            <li className="list-inline-item">
              <Link to="/note-legali">{t.site.footer.legal}</Link>
            </li>
            <li className="list-inline-item">
              <Link to="/accessibilita">{t.site.footer.accessibility}</Link>
            </li>
            <li className="list-inline-item">
              <Link to="/patti-di-collaborazione">{t.site.publicLinks.pacts}</Link>
            </li>
            <li className="list-inline-item">
              <Link to="/co-progettazione">{t.site.publicLinks.codesign}</Link>
            </li>
            {staff && (
              <li className="list-inline-item">
                <a href="/api/docs">{t.shell.apiDocs}</a>
              </li>
            )}
          </ul>
        </nav>
      </div>
    </footer>
  );
}
