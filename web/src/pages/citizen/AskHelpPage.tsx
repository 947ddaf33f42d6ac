import { useNavigate } from 'react-router';
import type { InterventionType } from '../../../../shared/src/interventions/interventions.schemas';
import type { OwnContact } from '../../../../shared/src/people/people.schemas';
import { useApi } from '../../api/useApi';
import { OWN_CONTACT_PATH } from '../../features/requests/api';
import { useT } from '../../i18n/I18nProvider';
import { CitizenRequestForm } from '../../features/citizen/CitizenRequestForm';
import { OFFERED_ONLINE_PATH } from '../../features/interventions/api';
import { useMe } from '../../features/session/SessionProvider';
import { defaultComuneCode } from '../../features/territory/territoryOf';
import { useTerritory } from '../../features/territory/useTerritory';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { LargeText } from '../../ui/LargeText';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';

/** Navigation state: the list confirms a request just sent. */
export interface SentNotice {
  sent: true;
}

/** "Chiedi aiuto", online, for oneself or a relative; the list of one's requests follows. */
export function AskHelpPage() {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const territory = useTerritory();
  // Only the help offered online today, as a citizen reads it.
  const interventions = useApi<InterventionType[]>(OFFERED_ONLINE_PATH);
  const contact = useApi<OwnContact>(OWN_CONTACT_PATH);
  return (
    <Page
      title={t.citizen.askTitle}
      lead={t.citizen.askLead}
      breadcrumbs={[{ label: t.shell.home, to: '/' }]}
    >
      <LargeText>
        <ApiErrorAlert error={territory.error ?? interventions.error} />
        {territory.loading || interventions.loading || contact.loading ? (
          <Loading />
        ) : (
          <CitizenRequestForm
            types={interventions.data ?? []}
            comuni={territory.comuni}
            ambiti={territory.ambiti}
            defaultComuneCode={defaultComuneCode(me, territory.comuni, territory.ambiti)}
            defaultPhone={contact.data?.phone ?? ''}
            onSent={() => void navigate('/le-mie-richieste', { state: { sent: true } satisfies SentNotice })}
          />
        )}
      </LargeText>
    </Page>
  );
}
