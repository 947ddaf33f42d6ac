import { Link } from 'react-router';
import { useT } from '../../i18n/I18nProvider';
import { Page } from '../../ui/Page';

/** Shown when the user's roles do not grant what the page needs. */
export function ForbiddenPage() {
  const t = useT();
  return (
    <Page title={t.errorsPage.forbiddenTitle} lead={t.errorsPage.forbiddenLead}>
      <Link to="/" className="btn btn-primary">
        {t.errorsPage.backHome}
      </Link>
    </Page>
  );
}
