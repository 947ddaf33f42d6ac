import { useState, type FormEvent } from 'react';
import type { Organization } from '../../../../shared/src/organizations/organizations.schemas';
import type { FollowUpBody, HelpRequestDetail } from '../../../../shared/src/requests/requests.schemas';
import { useAction } from '../../api/useAction';
import { useApi } from '../../api/useApi';
import { useT } from '../../i18n/I18nProvider';
import { todayIso } from '../../i18n/dates';
import { fieldErrorsOf } from '../../i18n/errors';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { RadioGroup, SelectField, TextAreaField, TextField } from '../../ui/fields';
import { organizationsPath } from '../organizations/api';
import { followUpRequest } from './api';

type Decision = FollowUpBody['decision'];

/**
 * After a failed delivery: try again (same organisation, on a day to choose), give it to another
 * organisation with the reason, or close the request with the reason.
 */
export function FollowUpForm({ request, onDone }: { request: HelpRequestDetail; onDone: () => void }) {
  const t = useT();
  const [decision, setDecision] = useState<Decision>('retry');
  const [dueDate, setDueDate] = useState(todayIso());
  const [organizationId, setOrganizationId] = useState('');
  const [reason, setReason] = useState('');
  const organizations = useApi<Organization[]>(decision === 'reroute' ? organizationsPath() : null);
  const followUp = useAction(() =>
    followUpRequest(request.id, {
      decision,
      ...(decision === 'close' ? {} : { dueDate }),
      ...(decision === 'reroute' ? { organizationId: organizationId || null } : {}),
      reason: reason.trim() || null,
    }),
  );
  const errors = fieldErrorsOf(followUp.error, t);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if ((await followUp.run()).ok) onDone();
  };
  return (
    <form
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby="follow-up-title"
      className="card card-bg rounded shadow-sm mb-4"
    >
      <div className="card-body">
        <h2 id="follow-up-title" className="h4">
          {t.requests.followUpTitle}
        </h2>
        <p>{t.requests.followUpLead}</p>
        <ApiErrorAlert error={followUp.error} />
        <RadioGroup
          name="follow-up-decision"
          legend={t.requests.decision}
          value={decision}
          onChange={(v) => setDecision(v === 'reroute' || v === 'close' ? v : 'retry')}
          options={[
            { value: 'retry', label: t.requests.followUp.retry },
            { value: 'reroute', label: t.requests.followUp.reroute },
            { value: 'close', label: t.requests.followUp.close },
          ]}
          stacked
        />
        {decision !== 'close' && (
          <TextField
            id="follow-up-date"
            type="date"
            label={t.requests.followUpDate}
            value={dueDate}
            onChange={setDueDate}
            min={todayIso()}
            error={errors.preferredDate ?? errors.dueDate}
            required
          />
        )}
        {decision === 'reroute' && (
          <SelectField
            id="follow-up-organization"
            label={t.requests.chooseOrganization}
            value={organizationId}
            onChange={setOrganizationId}
            options={(organizations.data ?? [])
              .filter((o) => o.id !== request.organizationId)
              .map((o) => ({ value: o.id, label: o.name }))}
            placeholder={t.common.choose}
            error={errors.organizationId}
            required
          />
        )}
        <TextAreaField
          id="follow-up-reason"
          label={t.requests.followUpReason}
          value={reason}
          onChange={setReason}
          error={errors.reason}
          maxLength={500}
          rows={2}
          required={decision !== 'retry'}
        />
        <button type="submit" className="btn btn-primary" disabled={followUp.pending}>
          {t.requests.followUpConfirm[decision]}
        </button>
      </div>
    </form>
  );
}
