import type { Ambito, Comune } from '../../../../shared/src/territory/territory.schemas';
import { useT } from '../../i18n/I18nProvider';
import { CheckboxField, TextAreaField, TextField } from '../../ui/fields';
import { AvailabilityEditor } from './AvailabilityEditor';
import type { ProfileValues } from './volunteerProfile';
import { ZonesPicker } from './ZonesPicker';
import './volunteers.css';

interface ProfileFieldsProps {
  idPrefix: string;
  values: ProfileValues;
  onChange: (patch: Partial<ProfileValues>) => void;
  errors: Record<string, string | undefined>;
  comuni: Comune[];
  ambiti: Ambito[];
  /** The daily maximum is for coordinators; the public offer leaves it to them. */
  withMaxTasks?: boolean;
}

/** Car and licence, languages and skills, weekly availability, zones: shared by the offer and the volunteer's record. */
export function ProfileFields({
  idPrefix,
  values,
  onChange,
  errors,
  comuni,
  ambiti,
  withMaxTasks,
}: ProfileFieldsProps) {
  const t = useT();
  const id = (field: string) => `${idPrefix}-${field}`;
  return (
    <>
      <fieldset className="mb-4">
        <legend className="h5">{t.volunteers.profileTitle}</legend>
        <CheckboxField
          id={id('hasCar')}
          label={t.volunteers.hasCar}
          checked={values.hasCar}
          onChange={(hasCar) => onChange({ hasCar })}
        />
        <CheckboxField
          id={id('hasLicence')}
          label={t.volunteers.hasLicence}
          checked={values.hasLicence}
          onChange={(hasLicence) => onChange({ hasLicence })}
        />
        <div className="row mt-4">
          <TextField
            id={id('languages')}
            className="col-12 col-md-6"
            label={t.volunteers.languages}
            hint={t.volunteers.languagesHint}
            value={values.languages}
            onChange={(languages) => onChange({ languages })}
            error={errors.languages}
          />
          <TextField
            id={id('skills')}
            className="col-12 col-md-6"
            label={t.volunteers.skillsField}
            hint={t.volunteers.tagsHint}
            value={values.skills}
            onChange={(skills) => onChange({ skills })}
            error={errors.skills}
          />
          {withMaxTasks && (
            <TextField
              id={id('maxTasksPerDay')}
              className="col-12 col-md-6"
              type="number"
              min={1}
              max={50}
              inputMode="numeric"
              label={t.volunteers.maxTasksPerDay}
              value={values.maxTasksPerDay}
              onChange={(maxTasksPerDay) => onChange({ maxTasksPerDay })}
              error={errors.maxTasksPerDay}
            />
          )}
        </div>
      </fieldset>
      <AvailabilityEditor
        idPrefix={id('availability')}
        slots={values.availability}
        onChange={(availability) => onChange({ availability })}
        error={errors.availability}
      />
      <ZonesPicker
        idPrefix={id('zones')}
        zones={values.zones}
        onChange={(zones) => onChange({ zones })}
        comuni={comuni}
        ambiti={ambiti}
        error={errors.zones}
      />
      <TextField
        id={id('neighbourhoods')}
        label={t.volunteers.neighbourhoods}
        hint={t.volunteers.tagsHint}
        value={values.neighbourhoods}
        onChange={(neighbourhoods) => onChange({ neighbourhoods })}
        error={errors.neighbourhoods}
      />
      <TextAreaField
        id={id('notes')}
        label={t.volunteers.notes}
        value={values.notes}
        onChange={(notes) => onChange({ notes })}
        error={errors.notes}
        maxLength={1000}
        rows={2}
      />
    </>
  );
}
