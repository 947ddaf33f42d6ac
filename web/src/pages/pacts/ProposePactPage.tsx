import { useState } from 'react';
import type { Proposal } from '../../../../shared/src/pacts/pacts.schemas';
import { useApi } from '../../api/useApi';
import { PactProposalForm } from '../../features/pacts/PactProposalForm';
import { useMe } from '../../features/session/SessionProvider';
import { defaultComuneCode } from '../../features/territory/territoryOf';
import { useTerritory } from '../../features/territory/useTerritory';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDateTime } from '../../i18n/format';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { SuccessAlert } from '../../ui/SuccessAlert';

const STATUS_BADGE: Record<Proposal['status'], string> = {
  received: 'bg-warning text-dark',
  accepted: 'bg-success',
  rejected: 'bg-secondary',
};

/** `/proponi-un-patto`: a citizen proposes a collaboration pact and follows their proposals. */
export function ProposePactPage() {
  const { t: all, locale } = useI18n();
  const t = all.pacts.propose;
  const me = useMe();
  const territory = useTerritory();
  const mine = useApi<Proposal[]>('/api/pacts/proposals');
  const [sent, setSent] = useState<Proposal | null>(null);
  return (
    <Page title={t.pageTitle} lead={t.lead} breadcrumbs={[{ label: all.shell.home, to: '/' }]}>
      <ApiErrorAlert error={territory.error ?? mine.error} />
      {sent && <SuccessAlert>{t.sent(sent.title)}</SuccessAlert>}
      <section aria-labelledby="my-proposals" className="mb-5">
        <h2 id="my-proposals" className="h3">
          {t.mineTitle}
        </h2>
        {mine.loading && !mine.data && <Loading />}
        {mine.data?.length === 0 && <p>{t.mineEmpty}</p>}
        {mine.data && mine.data.length > 0 && (
          <ul className="list-unstyled">
            {mine.data.map((p) => (
              <li key={p.id} className="border-bottom py-3" aria-label={p.title}>
                <strong>{p.title}</strong> · {p.commonsName} ·{' '}
                <span className={`badge ${STATUS_BADGE[p.status]}`}>{t.statuses[p.status]}</span>
                <br />
                <small>{t.sentOn(formatDateTime(p.createdAt, locale))}</small>
                {p.decisionNote && <p className="mb-0 mt-1">{t.decisionNote(p.decisionNote)}</p>}
              </li>
            ))}
          </ul>
        )}
      </section>
      {!sent && (
        <section aria-labelledby="new-proposal">
          <h2 id="new-proposal" className="h3">
            {t.formTitle}
          </h2>
          {territory.loading ? (
            <Loading />
          ) : (
            <PactProposalForm
              comuni={territory.comuni}
              ambiti={territory.ambiti}
              defaultComuneCode={defaultComuneCode(me, territory.comuni, territory.ambiti)}
              onSent={(proposal) => {
                setSent(proposal);
                mine.reload();
              }}
            />
          )}
        </section>
      )}
    </Page>
  );
}
