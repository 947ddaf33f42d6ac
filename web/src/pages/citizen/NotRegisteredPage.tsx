import { useT } from '../../i18n/I18nProvider';
import { useMe } from '../../features/session/SessionProvider';
import { HelplineBox } from '../../features/site/HelplineBox';
import { useSite } from '../../features/site/useSite';
import { LargeText } from '../../ui/LargeText';
import { Page } from '../../ui/Page';

/** Home of a citizen who logged in with SPID/CIE but is not in the registry yet: call the help line. */
export function NotRegisteredPage() {
  const t = useT().site.spid;
  const me = useMe();
  const site = useSite();
  return (
    <Page title={t.notRegisteredTitle}>
      <LargeText>
        <p>{t.notRegistered(me.fullName)}</p>
        {site.data?.helpline && <HelplineBox helpline={site.data.helpline} />}
      </LargeText>
    </Page>
  );
}
