import { useState } from 'react';
import { Link } from 'react-router';
import type { DecideProposalBody, Proposal, PublicPact } from '../../../../shared/src/pacts/pacts.schemas';
import { api } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useApi } from '../../api/useApi';
import { hasCapability, useMe } from '../../features/session/SessionProvider';
import { useI18n } from '../../i18n/I18nProvider';
import { fieldErrorsOf } from '../../i18n/errors';
import { formatDate, formatDateTime } from '../../i18n/format';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { TextAreaField } from '../../ui/fields';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';

// In force first: the pacts the office follows day by day.
const PACT_STATES_SHOWN = ['active', 'upcoming', 'ended'] as const;

const decide = (id: string, body: DecideProposalBody) =>
  api.post<Proposal>(`/api/pacts/proposals/${id}/decision`, body);

/** The office's decision on a received proposal: accepted or not, always with a reason. */
function Decision({ proposal, onDecided }: { proposal: Proposal; onDecided: () => void }) {
  const { t: all } = useI18n();
  const t = all.pacts.office;
  const [note, setNote] = useState('');
  const send = useAction(decide);
  const run = async (status: DecideProposalBody['status']) => {
    if ((await send.run(proposal.id, { status, note: note.trim() })).ok) onDecided();
  };
  return (
    <div className="mt-3">
      <ApiErrorAlert error={send.error} />
      <TextAreaField
        id={`decision-${proposal.id}`}
        label={t.decisionNote}
        value={note}
        onChange={setNote}
        error={fieldErrorsOf(send.error, all).note}
        required
      />
      <div className="d-flex flex-wrap gap-2">
        <button
          type="button"
          className="btn btn-primary"
          disabled={send.pending}
          onClick={() => void run('accepted')}
        >
          {t.accept}
        </button>
        <button
          type="button"
          className="btn btn-outline-primary"
          disabled={send.pending}
          onClick={() => void run('rejected')}
        >
          {t.reject}
        </button>
      </div>
    </div>
  );
}

/** `/patti`: the proposals of pacts the office received, their decision and the pact that follows. */
export function PactsOfficePage() {
  const { t: all, locale } = useI18n();
  const t = all.pacts.office;
  const me = useMe();
  const manage = hasCapability(me, 'pact.manage');
  const proposals = useApi<Proposal[]>('/api/pacts/proposals');
  const pacts = useApi<PublicPact[]>('/api/pacts');
  return (
    <Page
      title={t.title}
      lead={t.lead}
      breadcrumbs={[{ label: all.shell.home, to: '/' }]}
      actions={
        <>
          {manage && (
            <Link to="/patti/proposte/nuova" className="btn btn-primary">
              {all.pacts.propose.desk.link}
            </Link>
          )}
          <Link to="/patti/beni-comuni" className="btn btn-outline-primary">
            {t.register}
          </Link>
        </>
      }
    >
      <ApiErrorAlert error={proposals.error ?? pacts.error} />
      {pacts.data && pacts.data.length > 0 && (
        <nav aria-labelledby="office-pacts" className="mb-4">
          <h2 id="office-pacts" className="h4">
            {t.pactsOfTerritory}
          </h2>
          {PACT_STATES_SHOWN.map((state) => {
            const inState = pacts.data!.filter((p) => p.state === state);
            return (
              inState.length > 0 && (
                <section key={state} aria-labelledby={`pacts-${state}`}>
                  <h3 id={`pacts-${state}`} className="h6">
                    {t.pactsInState[state](inState.length)}
                  </h3>
                  <ul>
                    {inState.map((pact) => (
                      <li key={pact.id}>
                        <Link to={`/patti/${pact.id}`}>{pact.title}</Link> · {pact.commons.comuneName} ·{' '}
                        {t.span(formatDate(pact.startsOn, locale), formatDate(pact.endsOn, locale))}
                      </li>
                    ))}
                  </ul>
                </section>
              )
            );
          })}
        </nav>
      )}
      {proposals.loading && !proposals.data && <Loading />}
      {proposals.data?.length === 0 && <p>{t.none}</p>}
      {proposals.data?.map((p) => (
        <article key={p.id} className="card-wrapper mb-4" aria-labelledby={`proposal-${p.id}`}>
          <div className="card card-bg">
            <div className="card-body">
              <h2 id={`proposal-${p.id}`} className="h4 card-title">
                {p.title}
              </h2>
              <p className="mb-2">
                <strong>{p.commonsName}</strong> · {all.pacts.propose.statuses[p.status]}
              </p>
              <p className="mb-2">
                {t.proposer(
                  p.groupName ? `${p.groupName} (${p.proposerFullName})` : p.proposerFullName,
                  [p.proposerEmail, p.proposerPhone].filter(Boolean).join(', '),
                )}
                <br />
                <small>
                  {p.onlineByCitizen ? t.online : t.onPaper} · {formatDateTime(p.createdAt, locale)}
                </small>
              </p>
              <p>{p.description}</p>
              {p.decisionNote && <p className="mb-2">{all.pacts.propose.decisionNote(p.decisionNote)}</p>}
              {manage && p.status === 'received' && <Decision proposal={p} onDecided={proposals.reload} />}
              {manage && p.status === 'accepted' && (
                <Link className="btn btn-primary" to={`/patti/nuovo?proposta=${p.id}`}>
                  {t.signPact}
                </Link>
              )}
            </div>
          </div>
        </article>
      ))}
    </Page>
  );
}
