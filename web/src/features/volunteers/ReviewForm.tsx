import { useState, type FormEvent } from 'react';
import type { Volunteer } from '../../../../shared/src/volunteers/volunteers.schemas';
import { useAction } from '../../api/useAction';
import { useT } from '../../i18n/I18nProvider';
import { fieldErrorsOf } from '../../i18n/errors';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { RadioGroup, SelectField, TextAreaField } from '../../ui/fields';
import { reviewVolunteer } from './api';
import { useOrganizationOptions } from '../organizations/useOrganizationOptions';

const INDIVIDUAL = 'individual';

/** Approves an offer (joining one of the coordinator's organisations, or as an individual) or turns it down with a reason. */
export function ReviewForm({ volunteer, onDone }: { volunteer: Volunteer; onDone: () => void }) {
  const t = useT();
  const affiliations = useOrganizationOptions();
  const [decision, setDecision] = useState<'approve' | 'reject'>('approve');
  const [organization, setOrganization] = useState('');
  const [reason, setReason] = useState('');
  const chosen = organization || affiliations[0]?.value || INDIVIDUAL;
  const review = useAction(() =>
    reviewVolunteer(volunteer.id, {
      decision,
      reason: reason.trim() || null,
      ...(decision === 'approve' ? { organizationId: chosen === INDIVIDUAL ? null : chosen } : {}),
    }),
  );
  const errors = fieldErrorsOf(review.error, t);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if ((await review.run()).ok) onDone();
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="review-title">
      <h2 id="review-title" className="h4">
        {t.volunteers.reviewTitle}
      </h2>
      <ApiErrorAlert error={review.error} />
      <RadioGroup
        name="review-decision"
        legend={t.volunteers.decision}
        value={decision}
        onChange={(v) => setDecision(v === 'reject' ? 'reject' : 'approve')}
        options={[
          { value: 'approve', label: t.volunteers.approve },
          { value: 'reject', label: t.volunteers.reject },
        ]}
      />
      {decision === 'approve' && (
        <SelectField
          id="review-organization"
          label={t.volunteers.affiliation}
          value={chosen}
          onChange={setOrganization}
          options={[...affiliations, { value: INDIVIDUAL, label: t.volunteers.individual }]}
          error={errors.organizationId}
        />
      )}
      <TextAreaField
        id="review-reason"
        label={t.volunteers.reason}
        hint={t.volunteers.reasonHint}
        value={reason}
        onChange={setReason}
        error={errors.reason}
        maxLength={500}
        rows={2}
        required={decision === 'reject'}
      />
      <button type="submit" className="btn btn-primary" disabled={review.pending}>
        {t.volunteers.confirmReview}
      </button>
    </form>
  );
}
