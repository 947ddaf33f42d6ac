import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import type {
  BankLine,
  Campaign,
  Donation,
  FundLine,
  RecordDonationBody,
  StatementImport,
} from '../../../../shared/src/funds/funds.schemas';
import { useAction } from '../../api/useAction';
import { useApi } from '../../api/useApi';
import { useCan } from '../../features/session/SessionProvider';
import { useI18n } from '../../i18n/I18nProvider';
import { todayIso } from '../../i18n/dates';
import { fieldErrorsOf } from '../../i18n/errors';
import { formatDate, formatNumber } from '../../i18n/format';
import { formatCents, parseEuroCents } from '../../i18n/money';
import {
  campaignPath,
  donationsPath,
  importStatement,
  matchBankLine,
  openBankLinesPath,
  receiptUrl,
  recordDonation,
} from '../../features/funds/api';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { DataTable } from '../../ui/DataTable';
import { DetailList } from '../../ui/DetailList';
import { FieldError, fieldErrorId } from '../../ui/FieldError';
import { CheckboxField, SelectField, TextField } from '../../ui/fields';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { SuccessAlert } from '../../ui/SuccessAlert';

// The page lists the latest donations; the figures above count them all.
const SHOWN_DONATIONS = 50;
const formatIban = (iban: string) => iban.replace(/(.{4})/g, '$1 ').trim();

/** Every campaign with its live figures: donors, amount raised, contacts. */
export function CampaignsPage() {
  const { t, locale } = useI18n();
  const c = t.funds.campaigns;
  const campaigns = useApi<Campaign[]>('/api/campaigns');
  const canSeeDonations = useCan('donor.read');
  return (
    <Page
      title={c.title}
      lead={c.lead}
      breadcrumbs={[
        { label: t.shell.home, to: '/' },
        { label: t.funds.title, to: '/fondi' },
      ]}
    >
      <ApiErrorAlert error={campaigns.error} />
      {campaigns.loading && <Loading />}
      <DataTable
        caption={c.title}
        rows={campaigns.data ?? []}
        rowKey={(x) => x.id}
        empty={t.funds.none}
        columns={[
          {
            key: 'title',
            header: c.campaign,
            render: (x) =>
              canSeeDonations ? <Link to={`/fondi/campagne/${x.id}`}>{x.title}</Link> : x.title,
          },
          { key: 'iban', header: c.iban, render: (x) => (x.iban ? formatIban(x.iban) : t.common.none) },
          { key: 'donors', header: c.donors, numeric: true, render: (x) => formatNumber(x.donors, locale) },
          {
            key: 'raised',
            header: c.raised,
            numeric: true,
            render: (x) => formatCents(x.raisedCents, locale),
          },
          {
            key: 'contacts',
            header: c.contacts,
            numeric: true,
            render: (x) => formatNumber(x.contacts, locale),
          },
        ]}
      />
    </Page>
  );
}

/** A campaign: its figures, a donation recorded by hand, the bank statement matched, receipts. */
export function CampaignPage() {
  const { t, locale } = useI18n();
  const c = t.funds.campaigns;
  const { id = '' } = useParams();
  const campaign = useApi<Campaign>(campaignPath(id));
  const donations = useApi<Donation[]>(donationsPath(id));
  const openLines = useApi<BankLine[]>(openBankLinesPath(id));
  // The project's budget line the campaign's donations feed (none for a municipal fund).
  const line = useApi<FundLine>(campaign.data?.lineId ? `/api/funds/lines/${campaign.data.lineId}` : null);
  const reload = () => {
    campaign.reload();
    donations.reload();
    openLines.reload();
  };
  const data = campaign.data;
  const money = (cents: number) => formatCents(cents, locale);
  return (
    <Page
      title={data?.title ?? c.campaign}
      breadcrumbs={[
        { label: t.shell.home, to: '/' },
        { label: t.funds.title, to: '/fondi' },
        { label: c.title, to: '/fondi/campagne' },
      ]}
    >
      <ApiErrorAlert error={campaign.error ?? donations.error ?? openLines.error ?? line.error} />
      {campaign.loading && !data && <Loading />}
      {data && (
        <>
          <h2 className="h4">{c.figures}</h2>
          <DetailList
            items={[
              { term: c.donors, value: formatNumber(data.donors, locale) },
              { term: c.raised, value: money(data.raisedCents) },
              { term: c.contacts, value: formatNumber(data.contacts, locale) },
              { term: c.donations, value: formatNumber(data.donations, locale) },
              ...(data.targetCents !== null ? [{ term: c.target, value: money(data.targetCents) }] : []),
              ...(data.iban ? [{ term: c.iban, value: formatIban(data.iban) }] : []),
              ...(data.holder ? [{ term: c.holder, value: data.holder }] : []),
              {
                term: c.period,
                value: `${formatDate(data.startsOn, locale)} – ${data.endsOn ? formatDate(data.endsOn, locale) : c.noEnd}`,
              },
            ]}
          />
          {line.data && (
            <section aria-labelledby="campaign-line-title">
              <h2 id="campaign-line-title" className="h4 mt-4">
                {c.line}
              </h2>
              <p>{c.lineLead}</p>
              <DetailList
                items={[
                  {
                    term: t.funds.line.title,
                    value: <Link to={`/fondi/voci/${line.data.id}`}>{line.data.label}</Link>,
                  },
                  { term: t.funds.budget, value: money(line.data.balance.budgetCents) },
                  { term: t.funds.spent, value: money(line.data.balance.spentCents) },
                  { term: t.funds.committed, value: money(line.data.balance.committedCents) },
                  { term: t.funds.available, value: money(line.data.balance.availableCents) },
                ]}
              />
            </section>
          )}
          <DonationForm campaignId={id} onRecorded={reload} />
          <StatementSection
            campaignId={id}
            openLines={openLines.data ?? []}
            donations={donations.data ?? []}
            onChange={reload}
          />
          <h2 className="h4 mt-4">{c.list.title}</h2>
          <DataTable
            caption={c.list.caption(
              Math.min(SHOWN_DONATIONS, donations.data?.length ?? 0),
              donations.data?.length ?? 0,
            )}
            rows={(donations.data ?? []).slice(0, SHOWN_DONATIONS)}
            rowKey={(d) => d.id}
            empty={t.funds.none}
            columns={[
              { key: 'date', header: c.list.date, render: (d) => formatDate(d.receivedOn, locale) },
              { key: 'donor', header: c.list.donor, render: (d) => d.donor?.name ?? c.list.anonymous },
              { key: 'channel', header: c.list.channel, render: (d) => c.record.channels[d.channel] },
              { key: 'amount', header: c.list.amount, numeric: true, render: (d) => money(d.amountCents) },
              {
                key: 'reconciled',
                header: c.list.reconciled,
                render: (d) => (d.reconciledAt ? c.list.yes : c.list.no),
              },
              {
                key: 'receipt',
                header: c.list.receipt,
                render: (d) => (
                  <a
                    href={receiptUrl(d.id)}
                    download
                    aria-label={c.list.download(
                      `${formatDate(d.receivedOn, locale)}, ${money(d.amountCents)}, ${d.donor?.name ?? c.list.anonymous}`,
                    )}
                  >
                    {c.list.downloadShort}
                  </a>
                ),
              },
            ]}
          />
        </>
      )}
    </Page>
  );
}

function DonationForm({ campaignId, onRecorded }: { campaignId: string; onRecorded: () => void }) {
  const { t } = useI18n();
  const r = t.funds.campaigns.record;
  const [channel, setChannel] = useState<RecordDonationBody['channel']>('cash');
  const [amount, setAmount] = useState('');
  const [date, setDate] = useState(todayIso());
  const [donorKind, setDonorKind] = useState<'anonymous' | 'person' | 'company'>('anonymous');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [consent, setConsent] = useState(false);
  const [problems, setProblems] = useState<{ amount?: string; name?: string }>({});
  const [done, setDone] = useState(false);
  const record = useAction((body: RecordDonationBody) => recordDonation(campaignId, body));
  const fieldErrors = fieldErrorsOf(record.error, t);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const cents = parseEuroCents(amount);
    const found = {
      amount: cents === null || cents === 0 ? r.amountInvalid : undefined,
      name: donorKind !== 'anonymous' && !name.trim() ? r.donorNameRequired : undefined,
    };
    setProblems(found);
    if (found.amount || found.name) {
      document.getElementById(found.amount ? 'donation-amount' : 'donation-name')?.focus();
      return;
    }
    const result = await record.run({
      channel,
      amountCents: cents!,
      receivedOn: date,
      ...(donorKind === 'anonymous'
        ? {}
        : {
            donor: {
              kind: donorKind,
              name: name.trim(),
              ...(email.trim() ? { email: email.trim() } : {}),
              consentContact: consent,
            },
          }),
    });
    if (result.ok) {
      setDone(true);
      setAmount('');
      setName('');
      setEmail('');
      setConsent(false);
      onRecorded();
    }
  };

  return (
    <section aria-labelledby="donation-title" className="my-4">
      <h2 id="donation-title" className="h4">
        {r.title}
      </h2>
      {done && <SuccessAlert>{r.recorded}</SuccessAlert>}
      <ApiErrorAlert error={record.error} />
      <form onSubmit={(e) => void submit(e)} noValidate className="row">
        <SelectField
          id="donation-channel"
          className="col-12 col-md-6"
          label={r.channel}
          value={channel}
          onChange={(v) => setChannel(v as RecordDonationBody['channel'])}
          options={Object.entries(r.channels).map(([value, label]) => ({ value, label }))}
          required
        />
        <TextField
          id="donation-amount"
          className="col-12 col-md-6"
          label={r.amount}
          value={amount}
          onChange={setAmount}
          inputMode="decimal"
          required
          error={problems.amount ?? fieldErrors.amountCents}
        />
        <TextField
          id="donation-date"
          className="col-12 col-md-6"
          type="date"
          label={r.date}
          value={date}
          onChange={setDate}
          required
          error={fieldErrors.receivedOn}
        />
        <SelectField
          id="donation-donor-kind"
          className="col-12 col-md-6"
          label={r.donorKind}
          value={donorKind}
          onChange={(v) => setDonorKind(v as typeof donorKind)}
          options={Object.entries(r.donorKinds).map(([value, label]) => ({ value, label }))}
        />
        {donorKind !== 'anonymous' && (
          <>
            <TextField
              id="donation-name"
              className="col-12 col-md-6"
              label={r.donorName}
              value={name}
              onChange={setName}
              required
              error={problems.name}
            />
            <TextField
              id="donation-email"
              className="col-12 col-md-6"
              type="email"
              label={r.email}
              value={email}
              onChange={setEmail}
            />
            <div className="col-12">
              <CheckboxField
                id="donation-consent"
                label={r.consent}
                checked={consent}
                onChange={setConsent}
              />
            </div>
          </>
        )}
        <div className="col-12">
          <button type="submit" className="btn btn-primary" disabled={record.pending}>
            {r.submit}
          </button>
        </div>
      </form>
    </section>
  );
}

const NEW_DONATION = 'new';

function StatementSection({
  campaignId,
  openLines,
  donations,
  onChange,
}: {
  campaignId: string;
  openLines: BankLine[];
  donations: Donation[];
  onChange: () => void;
}) {
  const { t, locale } = useI18n();
  const s = t.funds.campaigns.statement;
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string>();
  const [result, setResult] = useState<StatementImport | null>(null);
  const [choice, setChoice] = useState<Record<string, string>>({});
  const [matched, setMatched] = useState(false);
  const upload = useAction((chosen: File) => importStatement(campaignId, chosen));
  const match = useAction((line: BankLine, value: string) =>
    matchBankLine(line, value === NEW_DONATION ? { newDonation: {} } : { donationId: value }),
  );
  const money = (cents: number) => formatCents(cents, locale);
  const candidates = (line: BankLine) =>
    donations.filter(
      (d) => d.channel === 'bank_transfer' && !d.reconciledAt && d.amountCents === line.amountCents,
    );
  const lineName = (line: BankLine) => `${formatDate(line.bookedOn, locale)}, ${money(line.amountCents)}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFileError(file ? undefined : s.fileRequired);
    if (!file) {
      document.getElementById('statement-file')?.focus();
      return;
    }
    const outcome = await upload.run(file);
    if (outcome.ok) {
      setResult(outcome.value);
      onChange();
    }
  };

  return (
    <section aria-labelledby="statement-title" className="my-4">
      <h2 id="statement-title" className="h4">
        {s.title}
      </h2>
      <p>{s.lead}</p>
      <ApiErrorAlert error={upload.error ?? match.error} />
      {result && (
        <SuccessAlert>
          {s.result(result.lines, result.newLines, result.matched, result.unmatched.length)}
        </SuccessAlert>
      )}
      {matched && <SuccessAlert>{s.matched}</SuccessAlert>}
      <form onSubmit={(e) => void submit(e)} noValidate className="mb-3">
        <div className="form-group">
          <label htmlFor="statement-file" className="active">
            {s.file}
          </label>
          <input
            id="statement-file"
            type="file"
            className="form-control"
            accept=".csv,text/csv"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? fieldErrorId('statement-file') : undefined}
          />
          <FieldError id={fieldErrorId('statement-file')} message={fileError} />
        </div>
        <button type="submit" className="btn btn-outline-primary" disabled={upload.pending}>
          {s.upload}
        </button>
      </form>
      <h3 className="h5">{s.open}</h3>
      <DataTable
        caption={s.openCaption}
        rows={openLines}
        rowKey={(l) => l.id}
        empty={s.noneOpen}
        columns={[
          { key: 'date', header: s.bookedOn, render: (l) => formatDate(l.bookedOn, locale) },
          { key: 'description', header: s.description, render: (l) => l.description },
          { key: 'amount', header: s.amount, numeric: true, render: (l) => money(l.amountCents) },
          {
            key: 'donation',
            header: s.donation,
            render: (l) => {
              const value = choice[l.id] ?? candidates(l)[0]?.id ?? NEW_DONATION;
              return (
                <div className="d-flex flex-wrap gap-2 align-items-center">
                  <select
                    className="form-select"
                    aria-label={s.choose(lineName(l))}
                    value={value}
                    onChange={(e) => setChoice({ ...choice, [l.id]: e.target.value })}
                  >
                    {candidates(l).map((d) => (
                      <option key={d.id} value={d.id}>
                        {`${formatDate(d.receivedOn, locale)} — ${d.donor?.name ?? t.funds.campaigns.list.anonymous}`}
                      </option>
                    ))}
                    <option value={NEW_DONATION}>{s.newDonation}</option>
                  </select>
                  <button
                    type="button"
                    className="btn btn-primary btn-sm"
                    aria-label={s.matchLabel(lineName(l))}
                    disabled={match.pending}
                    onClick={() =>
                      void match.run(l, value).then((r) => {
                        setMatched(r.ok);
                        if (r.ok) onChange();
                      })
                    }
                  >
                    {s.match}
                  </button>
                </div>
              );
            },
          },
        ]}
      />
    </section>
  );
}
