import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import type {
  CallDetail,
  CodesignProposal,
  Criterion,
  ScoresBody,
} from '../../../../shared/src/codesign/codesign.schemas';
import { api } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useApi } from '../../api/useApi';
import { AgreementForm } from '../../features/codesign/AgreementForm';
import { bestProposal } from '../../features/codesign/codesignForms';
import { PaperProposalForm } from '../../features/codesign/PaperProposalForm';
import { useI18n } from '../../i18n/I18nProvider';
import { fieldErrorsOf } from '../../i18n/errors';
import { formatDate } from '../../i18n/format';
import { formatCents } from '../../i18n/money';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { TextField } from '../../ui/fields';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';

const score = (proposalId: string, body: ScoresBody) =>
  api.post<CallDetail>(`/api/codesign/proposals/${proposalId}/scores`, body);

/** One score per criterion; a blank or non-integer score is sent as -1 so the server names it. */
function Evaluation({
  proposal,
  criteria,
  onScored,
}: {
  proposal: CodesignProposal;
  criteria: Criterion[];
  onScored: (call: CallDetail) => void;
}) {
  const { t: all } = useI18n();
  const t = all.pacts.codesignOffice;
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      criteria.map((c) => [c.id, String(proposal.scores.find((s) => s.criterionId === c.id)?.score ?? '')]),
    ),
  );
  const send = useAction(score);
  const errors = fieldErrorsOf(send.error, all);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const scores = criteria.map((c) => {
      const text = values[c.id]?.trim() ?? '';
      return { criterionId: c.id, score: /^\d+$/.test(text) ? Number(text) : -1 };
    });
    const sent = await send.run(proposal.id, { scores });
    if (sent.ok) onScored(sent.value);
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="mt-3">
      <ApiErrorAlert error={send.error} />
      <fieldset>
        <legend className="h6">{t.evaluation}</legend>
        {criteria.map((c, i) => (
          <TextField
            key={c.id}
            id={`score-${proposal.id}-${c.id}`}
            label={t.scoreOf(c.label, c.maxScore)}
            inputMode="numeric"
            value={values[c.id] ?? ''}
            onChange={(v) => setValues((current) => ({ ...current, [c.id]: v }))}
            error={errors[`scores.${i}.score`] ?? errors[`scores/${i}/score`] ?? errors[`/scores/${i}/score`]}
            required
          />
        ))}
      </fieldset>
      <button type="submit" className="btn btn-primary" disabled={send.pending}>
        {t.saveScores}
      </button>
    </form>
  );
}

/** `/co-progettazione/avvisi/:id`: a call with the proposals received, their scores, the project's lines. */
export function CodesignCallPage() {
  const { t: all, locale } = useI18n();
  const t = all.pacts.codesignOffice;
  const pub = all.pacts.codesign;
  const { id = '' } = useParams();
  const { data, error, loading } = useApi<CallDetail>(`/api/codesign/calls/${id}`);
  const [updated, setUpdated] = useState<CallDetail | null>(null);
  const call = updated ?? data;
  const scorable = call?.abilities.manage && call.state === 'closed' && !call.agreement;
  // Paper proposals are recorded while the call is open and, when the post is late, after it closes.
  const receivable = call?.abilities.manage && call.state !== 'upcoming' && !call.agreement;
  const best = scorable ? bestProposal(call.proposals) : null;
  return (
    <Page
      title={call?.title ?? t.title}
      breadcrumbs={[
        { label: all.shell.home, to: '/' },
        { label: t.title, to: '/co-progettazione/avvisi' },
      ]}
    >
      <ApiErrorAlert error={error} />
      {loading && <Loading />}
      {call && (
        <>
          <p>
            {pub.comune(call.comuneName)} · {pub.states[call.state]} ·{' '}
            {pub.period(formatDate(call.opensOn, locale), formatDate(call.closesOn, locale))}
          </p>
          <p>{call.description}</p>
          <p>
            {pub.budget}: {formatCents(call.budgetCents, locale)}
            {call.project && ` · ${pub.project}: ${call.project.title}`}
          </p>
          <section aria-labelledby="proposals" className="mb-4">
            <h2 id="proposals" className="h3">
              {t.proposals}
            </h2>
            {call.proposals.length === 0 && <p>{t.noProposals}</p>}
            {call.proposals.map((p) => (
              <article key={p.id} className="card-wrapper mb-3" aria-labelledby={`cp-${p.id}`}>
                <div className="card card-bg">
                  <div className="card-body">
                    <h3 id={`cp-${p.id}`} className="h5 card-title">
                      {p.title}
                    </h3>
                    <p className="mb-2">
                      <strong>{p.organizationName}</strong> ·{' '}
                      {t.requested(formatCents(p.requestedCents, locale))} ·{' '}
                      {t.submittedOn(formatDate(p.submittedOn, locale))}
                    </p>
                    <p className="mb-2">
                      {t.contact(
                        [p.contact.fullName, p.contact.email, p.contact.phone].filter(Boolean).join(', '),
                      )}
                    </p>
                    <p>{p.summary}</p>
                    <p className="mb-0" role="status">
                      {p.total === null ? t.notScored : t.total(p.total, p.rank ?? 0)}
                    </p>
                    {scorable && <Evaluation proposal={p} criteria={call.criteria} onScored={setUpdated} />}
                  </div>
                </div>
              </article>
            ))}
          </section>
          {receivable && (
            <section className="mb-4">
              <PaperProposalForm call={call} onRecorded={setUpdated} />
            </section>
          )}
          {best && (
            <section className="mb-4">
              <AgreementForm call={call} best={best} onSigned={setUpdated} />
            </section>
          )}
          {call.fundLines.length > 0 && (
            <section aria-labelledby="lines" className="mb-4">
              <h2 id="lines" className="h3">
                {t.fundLines}
              </h2>
              <ul>
                {call.fundLines.map((line) => (
                  <li key={line.id}>
                    {line.label}:{' '}
                    {t.lineFigures(
                      formatCents(line.budgetCents, locale),
                      formatCents(line.spentCents, locale),
                    )}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {call.agreement && (
            <section aria-labelledby="agreement">
              <h2 id="agreement" className="h3">
                {pub.agreement(formatDate(call.agreement.signedOn, locale))}
              </h2>
              <p>
                {pub.agreementPeriod(
                  formatDate(call.agreement.startsOn, locale),
                  formatDate(call.agreement.endsOn, locale),
                )}
              </p>
              <ul>
                {call.agreement.partners.map((partner) => (
                  <li key={partner.organizationId}>
                    {partner.name} ({partner.role === 'lead' ? pub.lead_ : pub.partner})
                    {partner.fundLineId &&
                      ` · ${call.fundLines.find((l) => l.id === partner.fundLineId)?.label ?? ''}`}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </Page>
  );
}
