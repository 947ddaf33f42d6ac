import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import type { Application, Voucher } from '../../../../shared/src/vouchers/vouchers.schemas';
import { useAction } from '../../api/useAction';
import { useApi } from '../../api/useApi';
import {
  applicationPath,
  decideApplication,
  issueVoucher,
  recordPayment,
  voucherPath,
} from '../../features/vouchers/api';
import { useI18n } from '../../i18n/I18nProvider';
import { fieldErrorsOf } from '../../i18n/errors';
import { formatDate, formatDateTime } from '../../i18n/format';
import { formatCents } from '../../i18n/money';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { Badge } from '../../ui/Badge';
import { DetailList } from '../../ui/DetailList';
import { RadioGroup, TextAreaField, TextField } from '../../ui/fields';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { STATUS_TONE } from '../../features/vouchers/statusTone';

/** An application: the operator's checks, the decision with its reason, then the voucher or the payment. */
export function ApplicationPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const a = t.vouchers.application;
  const p = t.vouchers.programmes;
  const application = useApi<Application>(applicationPath(id));
  const x = application.data;
  const money = (cents: number) => formatCents(cents, locale);
  return (
    <Page
      title={x ? a.title(x.personName) : p.title}
      lead={x ? a.lead(x.programmeName, formatDateTime(x.createdAt, locale)) : undefined}
      breadcrumbs={[
        { label: t.shell.home, to: '/' },
        { label: p.title, to: '/programmi' },
        ...(x ? [{ label: x.programmeName, to: `/programmi/${x.programmeId}` }] : []),
      ]}
    >
      <ApiErrorAlert error={application.error} />
      {application.loading && <Loading />}
      {x && (
        <>
          <p>
            <Badge tone={STATUS_TONE[x.status]}>{p.statuses[x.status]}</Badge>
          </p>
          {x.caseId && (
            <p>
              <Link to={`/fascicoli/${x.caseId}`}>{a.caseFile}</Link>
            </p>
          )}
          <DetailList
            items={[
              { term: p.comune, value: x.comuneName },
              { term: a.channel, value: a.channels[x.channel] ?? x.channel },
              { term: p.householdSize, value: String(x.householdSize) },
              { term: a.isee, value: x.iseeCents === null ? a.iseeMissing : money(x.iseeCents) },
              { term: p.proposed, value: money(x.proposedAmountCents) },
              ...(x.amountCents !== null ? [{ term: p.amount, value: money(x.amountCents) }] : []),
              { term: a.documents, value: x.documents.length ? x.documents.join(', ') : t.common.none },
              {
                term: a.missingDocuments,
                value: x.missingDocuments.length ? x.missingDocuments.join(', ') : a.noneMissing,
              },
            ]}
          />
          <section aria-labelledby="checks-title" className="my-4">
            <h2 id="checks-title" className="h4">
              {a.checks}
            </h2>
            {x.eligibilityProblems.length === 0 && !x.duplicateOf ? (
              <p>{a.checksOk}</p>
            ) : (
              <ul>
                {x.eligibilityProblems.map((problem) => (
                  <li key={problem.code}>{problem.message}</li>
                ))}
                {x.duplicateOf && <li>{a.duplicate}</li>}
              </ul>
            )}
          </section>
          {x.decisionReason && x.decidedAt && (
            <section aria-labelledby="decision-title" className="mb-4">
              <h2 id="decision-title" className="h4">
                {a.decision}
              </h2>
              <p className="mb-1">
                {a.decided(p.statuses[x.status], formatDate(x.decidedAt.slice(0, 10), locale))}
              </p>
              <p>{x.decisionReason}</p>
              {x.paymentReference && <p>{a.paidWith(x.paymentReference)}</p>}
            </section>
          )}
          {x.abilities.decide && <DecisionForm application={x} onDone={application.reload} />}
          {x.abilities.issueVoucher && <IssueVoucher application={x} onDone={application.reload} />}
          {x.abilities.recordPayment && <PaymentForm application={x} onDone={application.reload} />}
          {x.voucherId && <VoucherCard voucherId={x.voucherId} />}
        </>
      )}
    </Page>
  );
}

function DecisionForm({ application, onDone }: { application: Application; onDone: () => void }) {
  const { t } = useI18n();
  const a = t.vouchers.application;
  const [decision, setDecision] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ decision?: string; reason?: string }>({});
  const decide = useAction(decideApplication);
  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = {
      decision: decision ? undefined : a.decisionMissing,
      reason: reason.trim().length >= 3 ? undefined : a.reasonMissing,
    };
    setErrors(found);
    if (found.decision || found.reason) return;
    const result = await decide.run(application.id, {
      decision: decision as 'approve' | 'reject',
      reason: reason.trim(),
    });
    if (result.ok) onDone();
  }
  const server = fieldErrorsOf(decide.error, t);
  return (
    <section aria-labelledby="decide-title" className="mb-4" style={{ maxWidth: '40rem' }}>
      <h2 id="decide-title" className="h4">
        {a.decide}
      </h2>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <RadioGroup
          name="decision"
          legend={a.decision}
          required
          value={decision}
          onChange={setDecision}
          options={[
            { value: 'approve', label: a.approve },
            { value: 'reject', label: a.reject },
          ]}
          error={errors.decision}
        />
        <TextAreaField
          id="decision-reason"
          label={a.reason}
          hint={a.reasonHint}
          required
          maxLength={1000}
          value={reason}
          onChange={setReason}
          error={errors.reason ?? server.reason}
        />
        <ApiErrorAlert error={decide.error} />
        <button type="submit" className="btn btn-primary" disabled={decide.pending}>
          {a.decide}
        </button>
      </form>
    </section>
  );
}

function IssueVoucher({ application, onDone }: { application: Application; onDone: () => void }) {
  const { t } = useI18n();
  const issue = useAction(issueVoucher);
  return (
    <section className="mb-4">
      <ApiErrorAlert error={issue.error} />
      <button
        type="button"
        className="btn btn-primary"
        disabled={issue.pending}
        onClick={() => void issue.run(application.id).then((r) => r.ok && onDone())}
      >
        {t.vouchers.application.issueVoucher}
      </button>
    </section>
  );
}

function PaymentForm({ application, onDone }: { application: Application; onDone: () => void }) {
  const { t } = useI18n();
  const a = t.vouchers.application;
  const [reference, setReference] = useState('');
  const [error, setError] = useState<string>();
  const pay = useAction(recordPayment);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(reference.trim().length >= 3 ? undefined : a.paymentMissing);
    if (reference.trim().length < 3) return;
    if ((await pay.run(application.id, reference.trim())).ok) onDone();
  }
  return (
    <section aria-labelledby="payment-title" className="mb-4" style={{ maxWidth: '40rem' }}>
      <h2 id="payment-title" className="h4">
        {a.payment}
      </h2>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          id="payment-reference"
          label={a.paymentReference}
          required
          maxLength={100}
          value={reference}
          onChange={setReference}
          error={error ?? fieldErrorsOf(pay.error, t).paymentReference}
        />
        <ApiErrorAlert error={pay.error} />
        <button type="submit" className="btn btn-primary" disabled={pay.pending}>
          {a.recordPayment}
        </button>
      </form>
    </section>
  );
}

function VoucherCard({ voucherId }: { voucherId: string }) {
  const { t, locale } = useI18n();
  const a = t.vouchers.application;
  const voucher = useApi<Voucher>(voucherPath(voucherId));
  const v = voucher.data;
  return (
    <section aria-labelledby="voucher-title" className="mb-4">
      <h2 id="voucher-title" className="h4">
        {a.voucher}
      </h2>
      <ApiErrorAlert error={voucher.error} />
      {v && (
        <div className="d-flex flex-wrap gap-4 align-items-start">
          <img
            src={`data:image/svg+xml;utf8,${encodeURIComponent(v.qrSvg)}`}
            alt={a.voucherQr(v.code)}
            width={160}
            height={160}
          />
          <DetailList
            items={[
              { term: a.voucherCode, value: <span className="font-monospace fs-5">{v.code}</span> },
              { term: t.vouchers.programmes.amount, value: formatCents(v.amountCents, locale) },
              { term: a.voucherBalance, value: formatCents(v.balanceCents, locale) },
              {
                term: t.vouchers.programmes.validity,
                value: t.vouchers.programmes.period(
                  formatDate(v.validFrom, locale),
                  formatDate(v.validUntil, locale),
                ),
              },
            ]}
          />
          <button
            type="button"
            className="btn btn-outline-primary d-print-none"
            onClick={() => window.print()}
          >
            {a.printVoucher}
          </button>
        </div>
      )}
    </section>
  );
}
