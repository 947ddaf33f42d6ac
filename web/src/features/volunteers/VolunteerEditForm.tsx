import { useState, type FormEvent } from 'react';
import type { Ambito, Comune } from '../../../../shared/src/territory/territory.schemas';
import type { Volunteer } from '../../../../shared/src/volunteers/volunteers.schemas';
import { useAction } from '../../api/useAction';
import { useT } from '../../i18n/I18nProvider';
import { fieldErrorsOf } from '../../i18n/errors';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { CheckboxField, RadioGroup, TextField } from '../../ui/fields';
import { updateVolunteer } from './api';
import { ProfileFields } from './ProfileFields';
import { profileOf, toProfileBody, type ProfileValues } from './volunteerProfile';

interface VolunteerEditFormProps {
  volunteer: Volunteer;
  comuni: Comune[];
  ambiti: Ambito[];
  onSaved: () => void;
}

/** The coordinator updates an approved (or suspended) volunteer: contacts, profile, insurance, training, status. */
export function VolunteerEditForm({ volunteer, comuni, ambiti, onSaved }: VolunteerEditFormProps) {
  const t = useT();
  const [profile, setProfile] = useState<ProfileValues>(profileOf(volunteer));
  const [phone, setPhone] = useState(volunteer.phone);
  const [email, setEmail] = useState(volunteer.email ?? '');
  const [insurance, setInsurance] = useState(volunteer.insuranceValidUntil ?? '');
  const [healthTraining, setHealthTraining] = useState(volunteer.healthTraining);
  const [status, setStatus] = useState<'approved' | 'suspended'>(
    volunteer.status === 'suspended' ? 'suspended' : 'approved',
  );
  const save = useAction(() =>
    updateVolunteer(volunteer.id, {
      ...toProfileBody(profile),
      phone: phone.trim(),
      email: email.trim() || null,
      insuranceValidUntil: insurance || null,
      healthTraining,
      status,
    }),
  );
  const errors = fieldErrorsOf(save.error, t);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if ((await save.run()).ok) onSaved();
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="edit-title">
      <h2 id="edit-title" className="h4">
        {t.volunteers.editTitle}
      </h2>
      <ApiErrorAlert error={save.error} />
      <div className="row">
        <TextField
          id="edit-phone"
          className="col-12 col-md-6"
          type="tel"
          label={t.volunteers.phone}
          value={phone}
          onChange={setPhone}
          error={errors.phone}
          required
        />
        <TextField
          id="edit-email"
          className="col-12 col-md-6"
          type="email"
          label={t.volunteers.email}
          value={email}
          onChange={setEmail}
          error={errors.email}
        />
        <TextField
          id="edit-insurance"
          className="col-12 col-md-6"
          type="date"
          label={t.volunteers.insuranceValidUntil}
          value={insurance}
          onChange={setInsurance}
          error={errors.insuranceValidUntil}
        />
        <div className="col-12 col-md-6 form-group">
          <CheckboxField
            id="edit-training"
            label={t.volunteers.healthTraining}
            checked={healthTraining}
            onChange={setHealthTraining}
          />
        </div>
      </div>
      <RadioGroup
        name="edit-status"
        legend={t.volunteers.activeStatus}
        value={status}
        onChange={(v) => setStatus(v === 'suspended' ? 'suspended' : 'approved')}
        options={[
          { value: 'approved', label: t.volunteers.statuses.approved },
          { value: 'suspended', label: t.volunteers.statuses.suspended },
        ]}
        error={errors.status}
      />
      <ProfileFields
        idPrefix="edit"
        values={profile}
        onChange={(patch) => setProfile((p) => ({ ...p, ...patch }))}
        errors={errors}
        comuni={comuni}
        ambiti={ambiti}
        withMaxTasks
      />
      <button type="submit" className="btn btn-primary btn-lg" disabled={save.pending}>
        {save.pending ? t.common.saving : t.common.save}
      </button>
    </form>
  );
}
