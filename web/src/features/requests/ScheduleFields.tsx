import { useT } from '../../i18n/I18nProvider';
import { CheckboxField, TextField } from '../../ui/fields';
import type { ScheduleValues } from './requestForm';

interface ScheduleFieldsProps {
  idPrefix: string;
  values: ScheduleValues;
  onChange: (patch: Partial<ScheduleValues>) => void;
  errors: Record<string, string | undefined>;
  /** Weekly repetition, for the intervention types that allow it. */
  allowWeekly: boolean;
  /** The first day that may be chosen (today, in the user's time zone). */
  today: string;
}

/** The day and time window of a request, optionally every week until a date. */
export function ScheduleFields({
  idPrefix,
  values,
  onChange,
  errors,
  allowWeekly,
  today,
}: ScheduleFieldsProps) {
  const t = useT();
  const id = (field: string) => `${idPrefix}-${field}`;
  return (
    <fieldset className="mb-3">
      <legend className="form-legend">{t.requests.when}</legend>
      <div className="row">
        <TextField
          id={id('preferredDate')}
          className="col-12 col-md-4"
          type="date"
          min={today}
          label={t.requests.preferredDate}
          hint={t.requests.preferredDateHint}
          value={values.preferredDate}
          onChange={(preferredDate) => onChange({ preferredDate })}
          error={errors.preferredDate}
        />
        <TextField
          id={id('windowStart')}
          className="col-6 col-md-4"
          type="time"
          label={t.requests.windowStart}
          value={values.windowStart}
          onChange={(windowStart) => onChange({ windowStart })}
          error={errors.windowStart}
        />
        <TextField
          id={id('windowEnd')}
          className="col-6 col-md-4"
          type="time"
          label={t.requests.windowEnd}
          value={values.windowEnd}
          onChange={(windowEnd) => onChange({ windowEnd })}
          error={errors.windowEnd}
        />
      </div>
      {allowWeekly && (
        <div className="row align-items-end">
          <div className="col-12 col-md-4 form-group">
            <CheckboxField
              id={id('weekly')}
              label={t.requests.weekly}
              checked={values.weekly}
              onChange={(weekly) => onChange({ weekly })}
            />
          </div>
          {values.weekly && (
            <TextField
              id={id('recurrenceUntil')}
              className="col-12 col-md-4"
              type="date"
              min={values.preferredDate || today}
              label={t.requests.recurrenceUntil}
              hint={t.requests.recurrenceUntilHint}
              value={values.recurrenceUntil}
              onChange={(recurrenceUntil) => onChange({ recurrenceUntil })}
              error={errors.recurrenceUntil ?? errors.recurrence}
              required
            />
          )}
        </div>
      )}
    </fieldset>
  );
}
