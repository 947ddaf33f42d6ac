import { useNavigate } from 'react-router';
import { PactProposalForm } from '../../features/pacts/PactProposalForm';
import { useMe } from '../../features/session/SessionProvider';
import { comuniOfMemberships, defaultComuneCode } from '../../features/territory/territoryOf';
import { useTerritory } from '../../features/territory/useTerritory';
import { useI18n } from '../../i18n/I18nProvider';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';

/** `/patti/proposte/nuova`: the office records a proposal of a pact received at the desk or by post. */
export function DeskProposalPage() {
  const { t: all } = useI18n();
  const t = all.pacts.propose.desk;
  const me = useMe();
  const navigate = useNavigate();
  const territory = useTerritory();
  return (
    <Page
      title={t.pageTitle}
      lead={t.lead}
      breadcrumbs={[
        { label: all.shell.home, to: '/' },
        { label: all.pacts.office.title, to: '/patti' },
      ]}
    >
      <ApiErrorAlert error={territory.error} />
      {territory.loading ? (
        <Loading />
      ) : (
        <PactProposalForm
          comuni={comuniOfMemberships(me, territory.comuni)}
          ambiti={territory.ambiti}
          defaultComuneCode={defaultComuneCode(me, territory.comuni, territory.ambiti)}
          onSent={() => void navigate('/patti')}
          atDesk
        />
      )}
    </Page>
  );
}
