import { useState, type FormEvent } from 'react';
import type {
  AgreementBody,
  CallDetail,
  CodesignProposal,
} from '../../../../shared/src/codesign/codesign.schemas';
import { api } from '../../api/client';
import { useAction } from '../../api/useAction';
import { useI18n } from '../../i18n/I18nProvider';
import { fieldErrorsOf } from '../../i18n/errors';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { CheckboxField, SelectField, TextField } from '../../ui/fields';
import { fieldKey } from '../pacts/pactForm';
import { emptyAgreement, toAgreementBody, type AgreementValues } from './codesignForms';

const sign = (callId: string, body: AgreementBody) =>
  api.post<CallDetail>(`/api/codesign/calls/${callId}/agreement`, body);

/**
 * The partnership agreement: the best-ranked proposal's body leads, the office picks partners among
 * the other bodies that proposed, and each member may draw on one of the call's budget lines.
 */
export function AgreementForm({
  call,
  best,
  onSigned,
}: {
  call: CallDetail;
  best: CodesignProposal;
  onSigned: (call: CallDetail) => void;
}) {
  const { t: all } = useI18n();
  const t = all.pacts.codesignOffice;
  const [values, setValues] = useState<AgreementValues>(emptyAgreement);
  const send = useAction(sign);
  const errors = Object.fromEntries(
    Object.entries(fieldErrorsOf(send.error, all)).map(([field, message]) => [fieldKey(field), message]),
  );
  const text = (key: 'signedOn' | 'startsOn' | 'endsOn') => (value: string) =>
    setValues((v) => ({ ...v, [key]: value }));
  const others = call.proposals.filter((p) => p.organizationId !== best.organizationId);
  const members = [best.organizationId, ...values.partnerIds];
  const lineOptions = call.fundLines.map((l) => ({ value: l.id, label: l.label }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const sent = await send.run(call.id, toAgreementBody(values, best));
    if (sent.ok) onSigned(sent.value);
  };
  const nameOf = (organizationId: string) =>
    call.proposals.find((p) => p.organizationId === organizationId)?.organizationName ?? '';

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="sign-agreement">
      <h2 id="sign-agreement" className="h3">
        {t.signAgreement}
      </h2>
      <p>{t.leadIs(best.organizationName, best.title)}</p>
      <ApiErrorAlert error={send.error} />
      {errors.partners && (
        <p className="text-danger" role="alert">
          {errors.partners}
        </p>
      )}
      {others.length > 0 && (
        <fieldset className="mb-3">
          <legend className="h6">{t.partners}</legend>
          {others.map((p) => (
            <CheckboxField
              key={p.organizationId}
              id={`partner-${p.organizationId}`}
              label={p.organizationName}
              checked={values.partnerIds.includes(p.organizationId)}
              onChange={(checked) =>
                setValues((v) => ({
                  ...v,
                  partnerIds: checked
                    ? [...v.partnerIds, p.organizationId]
                    : v.partnerIds.filter((id) => id !== p.organizationId),
                }))
              }
            />
          ))}
        </fieldset>
      )}
      {lineOptions.length > 0 &&
        members.map((organizationId, index) => (
          <SelectField
            key={organizationId}
            id={`line-${organizationId}`}
            label={t.lineOf(nameOf(organizationId))}
            value={values.lines[organizationId] ?? ''}
            onChange={(line) => setValues((v) => ({ ...v, lines: { ...v.lines, [organizationId]: line } }))}
            options={lineOptions}
            placeholder={t.noLine}
            error={errors[`partners.${index}.fundLineId`] ?? errors[`partners.${index}.organizationId`]}
          />
        ))}
      <div className="row">
        {(['signedOn', 'startsOn', 'endsOn'] as const).map((key) => (
          <TextField
            key={key}
            id={`agreement-${key}`}
            className="col-12 col-md-4"
            type="date"
            label={t.agreementDates[key]}
            value={values[key]}
            onChange={text(key)}
            error={errors[key]}
            required
          />
        ))}
      </div>
      <button type="submit" className="btn btn-primary" disabled={send.pending}>
        {t.sign}
      </button>
    </form>
  );
}
