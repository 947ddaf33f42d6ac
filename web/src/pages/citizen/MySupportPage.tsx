import { useState } from 'react';
import type { OpenProgramme, OwnApplication } from '../../../../shared/src/vouchers/vouchers.schemas';
import { useAction } from '../../api/useAction';
import { useApi } from '../../api/useApi';
import { MY_APPLICATIONS_PATH, OPEN_PROGRAMMES_PATH, applyForMyself } from '../../features/vouchers/api';
import { useI18n } from '../../i18n/I18nProvider';
import { fieldErrorsOf } from '../../i18n/errors';
import { formatDate, formatDateTime } from '../../i18n/format';
import { formatCents } from '../../i18n/money';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { Badge } from '../../ui/Badge';
import { FieldError, fieldErrorId } from '../../ui/FieldError';
import { CheckboxField } from '../../ui/fields';
import { LargeText } from '../../ui/LargeText';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { SuccessAlert } from '../../ui/SuccessAlert';
import { STATUS_TONE } from '../../features/vouchers/statusTone';

/** One open programme: what it is, the documents it needs, and the button to apply for oneself. */
function ProgrammeCard({ programme, onApplied }: { programme: OpenProgramme; onApplied: () => void }) {
  const { t, locale } = useI18n();
  const m = t.vouchers.mine;
  const [documents, setDocuments] = useState<string[]>([]);
  const send = useAction(applyForMyself);
  const error = fieldErrorsOf(send.error, t).programmeId;
  const buttonId = `apply-${programme.id}`;
  const submit = async () => {
    if ((await send.run(programme.id, { documents })).ok) onApplied();
  };
  return (
    <section aria-labelledby={`programme-${programme.id}`} className="card card-bg mb-4 p-3">
      <h3 id={`programme-${programme.id}`} className="h4">
        {programme.name}
      </h3>
      <p className="mb-2">
        {t.vouchers.programmes.kinds[programme.kind]} · {m.until(formatDate(programme.validUntil, locale))}
      </p>
      {programme.requiredDocuments.length === 0 ? (
        <p>{m.noDocuments}</p>
      ) : (
        <fieldset className="mb-3">
          <legend className="h6">{m.documentsLegend}</legend>
          {programme.requiredDocuments.map((d, i) => (
            <CheckboxField
              key={d}
              id={`${buttonId}-doc-${i}`}
              label={d}
              checked={documents.includes(d)}
              onChange={(on) => setDocuments((all) => (on ? [...all, d] : all.filter((x) => x !== d)))}
            />
          ))}
        </fieldset>
      )}
      <button
        id={buttonId}
        type="button"
        className="btn btn-primary"
        disabled={send.pending}
        aria-describedby={error ? fieldErrorId(buttonId) : undefined}
        onClick={() => void submit()}
      >
        {m.apply(programme.name)}
      </button>
      <FieldError id={fieldErrorId(buttonId)} message={error} />
      {!error && <ApiErrorAlert error={send.error} />}
    </section>
  );
}

function ApplicationItem({ application }: { application: OwnApplication }) {
  const { t, locale } = useI18n();
  const m = t.vouchers.mine;
  return (
    <li className="mb-3">
      <strong>{application.programmeName}</strong>{' '}
      <Badge tone={STATUS_TONE[application.status]}>
        {t.vouchers.programmes.statuses[application.status]}
      </Badge>
      <div>{m.submittedOn(formatDateTime(application.createdAt, locale))}</div>
      {application.amountCents !== null && (
        <div>{m.amount(formatCents(application.amountCents, locale))}</div>
      )}
      {application.decisionReason && (
        <div>
          {m.reason}: {application.decisionReason}
        </div>
      )}
      {application.status === 'submitted' && application.missingDocuments.length > 0 && (
        <div>{m.missing(application.missingDocuments.join(', '))}</div>
      )}
    </li>
  );
}

/** "Sostegni economici": the citizen's comune's open programmes, applied for online, and their applications. */
export function MySupportPage() {
  const { t } = useI18n();
  const m = t.vouchers.mine;
  const open = useApi<OpenProgramme[]>(OPEN_PROGRAMMES_PATH);
  const mine = useApi<OwnApplication[]>(MY_APPLICATIONS_PATH);
  const [sent, setSent] = useState(false);
  const applied = new Set((mine.data ?? []).map((a) => a.programmeId));
  const available = (open.data ?? []).filter((p) => !applied.has(p.id));
  return (
    <Page
      title={t.destinations.mySupport.title}
      lead={t.destinations.mySupport.description}
      breadcrumbs={[{ label: t.shell.home, to: '/' }]}
    >
      <LargeText>
        {sent && <SuccessAlert>{m.sent}</SuccessAlert>}
        <ApiErrorAlert error={open.error ?? mine.error} />
        <section aria-labelledby="my-applications" className="mb-5">
          <h2 id="my-applications" className="h3">
            {m.applicationsTitle}
          </h2>
          {mine.loading && !mine.data && <Loading />}
          {mine.data && mine.data.length === 0 && <p>{m.applicationsNone}</p>}
          <ul className="list-unstyled">
            {mine.data?.map((a) => (
              <ApplicationItem key={a.id} application={a} />
            ))}
          </ul>
        </section>
        <section aria-labelledby="open-programmes">
          <h2 id="open-programmes" className="h3">
            {m.openTitle}
          </h2>
          <p>{m.fromRecords}</p>
          {open.loading && !open.data && <Loading />}
          {open.data && available.length === 0 && <p>{m.openNone}</p>}
          {available.map((p) => (
            <ProgrammeCard
              key={p.id}
              programme={p}
              onApplied={() => {
                setSent(true);
                mine.reload();
              }}
            />
          ))}
        </section>
      </LargeText>
    </Page>
  );
}
