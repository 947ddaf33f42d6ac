import { useState, type FormEvent } from 'react';
import type { Organization } from '../../../../shared/src/organizations/organizations.schemas';
import type { RoundPlanSummary } from '../../../../shared/src/rounds/rounds.schemas';
import { useAction } from '../../api/useAction';
import { useApi } from '../../api/useApi';
import { withQuery } from '../../api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDate, formatDateTime } from '../../i18n/format';
import { fieldErrorsOf } from '../../i18n/errors';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { SelectField, TextField, type Option } from '../../ui/fields';
import { useMe } from '../session/SessionProvider';
import { startPlanning } from './api';
import { DayPlans } from './DayPlans';
import { addDaysIso, todayIso } from '../../i18n/dates';

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

/**
 * Date, organisation and search time of a planning run; tells the page the new plan's id. The
 * chosen day's plans are listed to open again, and a day already published says so before a new
 * plan is computed.
 */
export function PlanForm({ onStarted }: { onStarted: (planId: string) => void }) {
  const { t, locale } = useI18n();
  const organizations = usePlannableOrganizations();
  const [date, setDate] = useState(() => addDaysIso(todayIso(), 1));
  const [organizationId, setOrganizationId] = useState('');
  const [seconds, setSeconds] = useState(String(DEFAULT_TIME_LIMIT));
  const start = useAction(startPlanning);
  const errors = fieldErrorsOf(start.error, t);
  const single =
    !organizations.pickAny && organizations.options.length === 1 ? organizations.options[0] : undefined;
  const chosenOrganization = single?.value ?? organizationId;
  const validDate = /^\d{4}-\d{2}-\d{2}$/.test(date);
  const dayPlans = useApi<RoundPlanSummary[]>(
    validDate
      ? withQuery('/api/rounds', {
          date,
          ...(chosenOrganization ? { organizationId: chosenOrganization } : {}),
        })
      : null,
  );
  const published = dayPlans.data?.find((p) => p.status === 'published');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await start.run({
      date,
      ...(chosenOrganization ? { organizationId: chosenOrganization } : {}),
      timeLimitSeconds: Number(seconds),
    });
    if (result.ok) onStarted(result.value.id);
  };

  return (
    <>
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
            min={todayIso()}
            max={addDaysIso(todayIso(), 366)}
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
        {published && (
          <div className="alert alert-warning" role="status">
            <p className="mb-2">
              {t.rounds.alreadyPublished(
                formatDate(published.date, locale),
                formatDateTime(published.publishedAt ?? published.createdAt, locale),
              )}
            </p>
            <button type="button" className="btn btn-primary" onClick={() => onStarted(published.id)}>
              {t.rounds.openPublished}
            </button>
          </div>
        )}
        <button
          type="submit"
          className={`btn ${published ? 'btn-outline-primary' : 'btn-primary'}`}
          disabled={start.pending}
        >
          {start.pending ? t.rounds.starting : published ? t.rounds.startAnyway : t.rounds.start}
        </button>
      </form>
      <ApiErrorAlert error={dayPlans.error} />
      {dayPlans.data && <DayPlans date={date} plans={dayPlans.data} onOpen={onStarted} />}
    </>
  );
}
