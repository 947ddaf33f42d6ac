import { useT } from '../../i18n/I18nProvider';

/** Bootstrap Italia footer: who runs the service and where the data comes from. */
export function AppFooter() {
  const t = useT();
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
        <div className="container-xxl px-3 px-md-4">
          <ul className="it-footer-small-prints-list list-inline mb-0 d-flex flex-column flex-md-row">
            <li className="list-inline-item">
              <a href="/api/docs">{t.shell.apiDocs}</a>
            </li>
          </ul>
        </div>
      </div>
    </footer>
  );
}
