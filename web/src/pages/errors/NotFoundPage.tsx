import { Link } from 'react-router';
import { useT } from '../../i18n/I18nProvider';
import { Page } from '../../ui/Page';

export function NotFoundPage() {
  const t = useT();
  return (
    <Page title={t.errorsPage.notFoundTitle} lead={t.errorsPage.notFoundLead}>
      <Link to="/" className="btn btn-primary">
        {t.errorsPage.backHome}
      </Link>
    </Page>
  );
}
