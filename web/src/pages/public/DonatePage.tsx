import { Link } from 'react-router';
import { useT } from '../../i18n/I18nProvider';
import { HelplineBox } from '../../features/site/HelplineBox';
import { useSite } from '../../features/site/useSite';
import { LargeText } from '../../ui/LargeText';
import { Page } from '../../ui/Page';

/** Public: how to give money, goods or time. */
export function DonatePage() {
  const t = useT();
  const site = useSite();
  return (
    <Page title={t.site.donate.title} lead={t.site.donate.lead}>
      <LargeText>
        <p>{t.site.donate.money}</p>
        <p>{t.site.donate.goods}</p>
        <p>
          {t.site.donate.time}{' '}
          <Link to="/diventa-volontario" className="fw-semibold">
            {t.site.home.volunteer}
          </Link>
        </p>
        {site.data?.helpline && <HelplineBox helpline={site.data.helpline} />}
      </LargeText>
    </Page>
  );
}
