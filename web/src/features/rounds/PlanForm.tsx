import { useState, type FormEvent } from 'react';
import type { Organization } from '../../../../shared/src/organizations/organizations.schemas';
import { useAction } from '../../api/useAction';
import { useApi } from '../../api/useApi';
import { useT } from '../../i18n/I18nProvider';
import { fieldErrorsOf } from '../../i18n/errors';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { SelectField, TextField, type Option } from '../../ui/fields';
import { useMe } from '../session/SessionProvider';
import { startPlanning } from './api';
import { localDate } from './roundSheet';

export const TIME_LIMITS = [2, 5, 10, 20, 30, 60] as const;
const DEFAULT_TIME_LIMIT = 10;

/**
 * The organisations the user plans for: an administrator picks any, a coordinator plans for the
 * organisations they coordinate (the server decides in the end: it answers 404 for another one).
 */
function usePlannableOrganizations(): { options: Option[]; pickAny: boolean; error: unknown } {
  const me = useMe();
  const pickAny = me.roles.includes('amministratore');
  const all = useApi<Organization[]>(pickAny ? '/api/organizations' : null);
  if (pickAny) {
    return {
      pickAny,
      error: all.error,
      options: (all.data ?? []).map((o) => ({ value: o.id, label: o.name })),
    };
  }
  const own = new Map<string, string>();
  for (const m of me.memberships) {
    if (m.role === 'coordinatore' && m.organizationId)
      own.set(m.organizationId, m.organizationName ?? m.organizationId);
  }
  return { pickAny, error: null, options: [...own].map(([value, label]) => ({ value, label })) };
}

/** Date, organisation and search time of a planning run; tells the page the new plan's id. */
export function PlanForm({ onStarted }: { onStarted: (planId: string) => void }) {
  const t = useT();
  const organizations = usePlannableOrganizations();
  const [date, setDate] = useState(() => localDate(1));
  const [organizationId, setOrganizationId] = useState('');
  const [seconds, setSeconds] = useState(String(DEFAULT_TIME_LIMIT));
  const start = useAction(startPlanning);
  const errors = fieldErrorsOf(start.error, t);
  const single =
    !organizations.pickAny && organizations.options.length === 1 ? organizations.options[0] : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const chosen = single?.value ?? organizationId;
    const result = await start.run({
      date,
      ...(chosen ? { organizationId: chosen } : {}),
      timeLimitSeconds: Number(seconds),
    });
    if (result.ok) onStarted(result.value.id);
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="plan-form-title" className="mb-4">
      <h2 id="plan-form-title" className="h4">
        {t.rounds.formTitle}
      </h2>
      <ApiErrorAlert error={start.error ?? organizations.error} />
      <div className="row">
        <TextField
          id="plan-date"
          className="col-12 col-md-4"
          type="date"
          label={t.rounds.date}
          value={date}
          onChange={setDate}
          error={errors.date}
          required
        />
        {single ? (
          <div className="col-12 col-md-4 form-group">
            <p className="mb-1 fw-semibold">{t.rounds.organization}</p>
            <p className="mb-0">{single.label}</p>
          </div>
        ) : (
          <SelectField
            id="plan-organization"
            className="col-12 col-md-4"
            label={t.rounds.organization}
            value={organizationId}
            onChange={setOrganizationId}
            options={organizations.options}
            placeholder={t.common.choose}
            error={errors.organizationId}
            required
          />
        )}
        <SelectField
          id="plan-time-limit"
          className="col-12 col-md-4"
          label={t.rounds.timeLimit}
          hint={t.rounds.timeLimitHint}
          value={seconds}
          onChange={setSeconds}
          options={TIME_LIMITS.map((s) => ({ value: String(s), label: t.rounds.seconds(s) }))}
        />
      </div>
      <button type="submit" className="btn btn-primary" disabled={start.pending}>
        {start.pending ? t.rounds.starting : t.rounds.start}
      </button>
    </form>
  );
}
