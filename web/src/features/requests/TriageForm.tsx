import { useState, type FormEvent } from 'react';
import type { Organization } from '../../../../shared/src/organizations/organizations.schemas';
import type { HelpRequestDetail, Urgency } from '../../../../shared/src/requests/requests.schemas';
import { useAction } from '../../api/useAction';
import { useApi } from '../../api/useApi';
import { useT } from '../../i18n/I18nProvider';
import { URGENCY_NAMES } from '../../i18n/enumerations';
import { fieldErrorsOf } from '../../i18n/errors';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { RadioGroup, SelectField, TextAreaField } from '../../ui/fields';
import { organizationsPath } from '../organizations/api';
import { triageRequest } from './api';

const OTHER = 'other';

/**
 * Accept a new request and entrust it (the protocol's first organisation unless the operator
 * chooses another, with a reason), or reject it with a reason.
 */
export function TriageForm({ request, onDone }: { request: HelpRequestDetail; onDone: () => void }) {
  const t = useT();
  const competent = [...request.competentOrganizations].sort((a, b) => a.priority - b.priority);
  const first = competent[0]?.organizationId;
  const [decision, setDecision] = useState<'accept' | 'reject'>('accept');
  const [choice, setChoice] = useState(first ?? OTHER);
  const [other, setOther] = useState('');
  const [overrideReason, setOverrideReason] = useState('');
  const [reason, setReason] = useState('');
  const [urgency, setUrgency] = useState<Urgency>(request.urgency);
  const [notes, setNotes] = useState(request.notes ?? '');
  const organizations = useApi<Organization[]>(
    decision === 'accept' && choice === OTHER ? organizationsPath() : null,
  );
  const chosen = choice === OTHER ? other : choice;
  const overridden = decision === 'accept' && chosen !== '' && chosen !== first;
  const triage = useAction(() =>
    triageRequest(
      request.id,
      decision === 'accept'
        ? {
            decision,
            urgency,
            notes: notes.trim() || null,
            organizationId: chosen || null,
            overrideReason: overridden ? overrideReason.trim() || null : null,
          }
        : { decision, urgency, notes: notes.trim() || null, reason: reason.trim() || null },
    ),
  );
  const [missing, setMissing] = useState<string | undefined>();
  const errors: Record<string, string | undefined> = {
    ...fieldErrorsOf(triage.error, t),
    organizationId: missing ?? fieldErrorsOf(triage.error, t).organizationId,
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // "Another organisation" with none chosen would silently fall back to the protocol's first.
    const unchosen = decision === 'accept' && choice === OTHER && !other;
    setMissing(unchosen ? t.requests.organizationRequired : undefined);
    if (unchosen) {
      document.getElementById('triage-other')?.focus();
      return;
    }
    if ((await triage.run()).ok) onDone();
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="triage-title">
      <h2 id="triage-title" className="h4">
        {t.requests.triageTitle}
      </h2>
      <ApiErrorAlert error={triage.error} />
      <RadioGroup
        name="triage-decision"
        legend={t.requests.decision}
        value={decision}
        onChange={(v) => setDecision(v === 'reject' ? 'reject' : 'accept')}
        options={[
          { value: 'accept', label: t.requests.accept },
          { value: 'reject', label: t.requests.reject },
        ]}
      />
      {decision === 'accept' ? (
        <>
          <RadioGroup
            name="triage-organization"
            legend={t.requests.assignTo}
            hint={competent.length === 0 ? t.requests.noCompetent : t.requests.routingPreview}
            value={choice}
            onChange={setChoice}
            options={[
              ...competent.map((c) => ({
                value: c.organizationId,
                label: `${c.priority}. ${c.organizationName}`,
              })),
              { value: OTHER, label: t.requests.otherOrganization },
            ]}
            error={choice === OTHER ? undefined : errors.organizationId}
            stacked
          />
          {choice === OTHER && (
            <SelectField
              id="triage-other"
              label={t.requests.chooseOrganization}
              value={other}
              onChange={setOther}
              options={(organizations.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
              placeholder={t.common.choose}
              error={errors.organizationId}
              required
            />
          )}
          {overridden && (
            <TextAreaField
              id="triage-override"
              label={t.requests.overrideReason}
              value={overrideReason}
              onChange={setOverrideReason}
              error={errors.overrideReason}
              maxLength={500}
              rows={2}
              required
            />
          )}
        </>
      ) : (
        <TextAreaField
          id="triage-reason"
          label={t.requests.rejectionReason}
          value={reason}
          onChange={setReason}
          error={errors.reason}
          maxLength={500}
          rows={2}
          required
        />
      )}
      <RadioGroup
        name="triage-urgency"
        legend={t.requests.urgency}
        value={urgency}
        onChange={(v) => setUrgency(URGENCY_NAMES.find((u) => u === v) ?? urgency)}
        options={URGENCY_NAMES.map((u) => ({ value: u, label: t.requests.urgencies[u] }))}
      />
      <TextAreaField
        id="triage-notes"
        label={t.requests.triageNotes}
        value={notes}
        onChange={setNotes}
        error={errors.notes}
        maxLength={2000}
        rows={2}
      />
      <button type="submit" className="btn btn-primary" disabled={triage.pending}>
        {decision === 'accept' ? t.requests.confirmAccept : t.requests.confirmReject}
      </button>
    </form>
  );
}
