import { useState, type FormEvent } from 'react';
import {
  THIRD_SECTOR_ORGANIZATION_KINDS,
  type CallDetail,
  type CreateCodesignProposalBody,
} from '../../../../shared/src/codesign/codesign.schemas';
import type { Organization } from '../../../../shared/src/organizations/organizations.schemas';
import { api } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../i18n/I18nProvider';
import { fieldErrorsOf } from '../../i18n/errors';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { SelectField, TextAreaField, TextField } from '../../ui/fields';
import { fieldKey } from '../pacts/pactForm';
import { emptyPaperProposal, toProposalBody, type PaperProposalValues } from './codesignForms';

const record = (callId: string, body: CreateCodesignProposalBody) =>
  api.post<CallDetail>(`/api/codesign/calls/${callId}/proposals`, body);

const thirdSector: ReadonlySet<string> = new Set(THIRD_SECTOR_ORGANIZATION_KINDS);

/** A proposal a third-sector body of the registry delivered on paper, typed in by the office. */
export function PaperProposalForm({
  call,
  onRecorded,
}: {
  call: CallDetail;
  onRecorded: (call: CallDetail) => void;
}) {
  const { t: all } = useI18n();
  const t = all.pacts.codesignOffice;
  const organizations = useApi<Organization[]>('/api/organizations');
  const [values, setValues] = useState<PaperProposalValues>(emptyPaperProposal);
  const send = useAction(record);
  const errors = Object.fromEntries(
    Object.entries(fieldErrorsOf(send.error, all)).map(([field, message]) => [fieldKey(field), message]),
  );
  const text = (key: keyof PaperProposalValues) => (value: string) =>
    setValues((v) => ({ ...v, [key]: value }));
  const bodies = (organizations.data ?? []).filter(
    (o) => thirdSector.has(o.kind) && !call.proposals.some((p) => p.organizationId === o.id),
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const sent = await send.run(call.id, toProposalBody(values));
    if (sent.ok) {
      setValues(emptyPaperProposal());
      onRecorded(sent.value);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="paper-proposal">
      <h2 id="paper-proposal" className="h3">
        {t.paperProposal}
      </h2>
      <p>{t.paperProposalLead}</p>
      <ApiErrorAlert error={organizations.error ?? send.error} />
      <SelectField
        id="proposal-organizationId"
        label={t.body}
        value={values.organizationId}
        onChange={text('organizationId')}
        options={bodies.map((o) => ({ value: o.id, label: o.name }))}
        placeholder={t.chooseBody}
        error={errors.organizationId}
        required
      />
      <TextField
        id="proposal-title"
        label={t.proposalTitle}
        value={values.title}
        onChange={text('title')}
        error={errors.title}
        required
      />
      <TextAreaField
        id="proposal-summary"
        label={t.summary}
        value={values.summary}
        onChange={text('summary')}
        error={errors.summary}
        required
      />
      <div className="row">
        <TextField
          id="proposal-requested"
          className="col-12 col-md-6"
          label={t.requestedEuro}
          inputMode="decimal"
          value={values.requested}
          onChange={text('requested')}
          error={errors.requestedCents}
          required
        />
        <TextField
          id="proposal-submittedOn"
          className="col-12 col-md-6"
          type="date"
          label={t.receivedOn}
          value={values.submittedOn}
          onChange={text('submittedOn')}
          error={errors.submittedOn}
          required
        />
      </div>
      <TextField
        id="proposal-fullName"
        label={t.contactName}
        value={values.fullName}
        onChange={text('fullName')}
        error={errors['contact.fullName']}
        required
      />
      <div className="row">
        <TextField
          id="proposal-email"
          className="col-12 col-md-6"
          type="email"
          label={t.contactEmail}
          value={values.email}
          onChange={text('email')}
          error={errors['contact.email']}
        />
        <TextField
          id="proposal-phone"
          className="col-12 col-md-6"
          type="tel"
          label={t.contactPhone}
          value={values.phone}
          onChange={text('phone')}
          error={errors['contact.phone']}
        />
      </div>
      <button type="submit" className="btn btn-primary" disabled={send.pending}>
        {t.recordProposal}
      </button>
    </form>
  );
}
