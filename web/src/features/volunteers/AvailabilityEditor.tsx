import type { AvailabilitySlot } from '../../../../shared/src/volunteers/volunteers.schemas';
import { useT } from '../../i18n/I18nProvider';
import { addSlot } from './volunteerProfile';

interface AvailabilityEditorProps {
  idPrefix: string;
  slots: AvailabilitySlot[];
  onChange: (slots: AvailabilitySlot[]) => void;
  error?: string;
}

const DAYS = [1, 2, 3, 4, 5, 6, 7];

/** Weekly time slots, day by day (Monday first), each with its start and end time. */
export function AvailabilityEditor({ idPrefix, slots, onChange, error }: AvailabilityEditorProps) {
  const t = useT();
  const update = (index: number, change: Partial<AvailabilitySlot>) =>
    onChange(slots.map((slot, i) => (i === index ? { ...slot, ...change } : slot)));
  const remove = (index: number) => onChange(slots.filter((_, i) => i !== index));
  return (
    <fieldset className="mb-4" aria-describedby={`${idPrefix}-hint${error ? ` ${idPrefix}-error` : ''}`}>
      <legend className="h5">{t.volunteers.availabilityTitle}</legend>
      <p id={`${idPrefix}-hint`} className="form-text mt-0">
        {t.volunteers.availabilityHint}
      </p>
      {error && (
        <p id={`${idPrefix}-error`} className="field-error">
          {error}
        </p>
      )}
      <ul className="list-unstyled availability-days mb-0">
        {DAYS.map((day) => {
          const dayName = t.volunteers.days[day - 1] ?? String(day);
          const ofDay = slots.map((slot, index) => ({ slot, index })).filter(({ slot }) => slot.day === day);
          return (
            <li key={day} className="d-flex flex-wrap align-items-start gap-3 py-2 border-bottom">
              <span className="fw-semibold availability-day">{dayName}</span>
              <div className="d-flex flex-column gap-2 flex-grow-1">
                {ofDay.map(({ slot, index }, n) => (
                  <div
                    key={index}
                    className="d-flex flex-wrap align-items-end gap-2"
                    role="group"
                    aria-label={t.volunteers.slotLabel(dayName, n + 1)}
                  >
                    <label className="availability-time">
                      <span className="d-block small">{t.volunteers.from}</span>
                      <input
                        type="time"
                        className="form-control"
                        value={slot.from}
                        onChange={(e) => update(index, { from: e.target.value })}
                      />
                    </label>
                    <label className="availability-time">
                      <span className="d-block small">{t.volunteers.to}</span>
                      <input
                        type="time"
                        className="form-control"
                        value={slot.to === '24:00' ? '23:59' : slot.to}
                        onChange={(e) =>
                          update(index, { to: e.target.value === '23:59' ? '24:00' : e.target.value })
                        }
                      />
                    </label>
                    <button
                      type="button"
                      className="btn btn-outline-danger btn-sm"
                      onClick={() => remove(index)}
                      aria-label={t.volunteers.removeSlot(dayName, slot.from, slot.to)}
                    >
                      ✕
                    </button>
                  </div>
                ))}
                <button
                  type="button"
                  className="btn btn-link btn-sm p-0 align-self-start"
                  onClick={() => onChange(addSlot(slots, day))}
                >
                  + {t.volunteers.addSlot(dayName)}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
