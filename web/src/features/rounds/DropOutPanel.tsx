import { useState, type FormEvent } from 'react';
import type { DropOutResult, RoundPlan } from '../../../../shared/src/rounds/rounds.schemas';
import { useAction } from '../../api/useAction';
import { useI18n } from '../../i18n/I18nProvider';
import { fieldErrorsOf } from '../../i18n/errors';
import { formatNumber } from '../../i18n/format';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { DataTable } from '../../ui/DataTable';
import { SelectField, TextField } from '../../ui/fields';
import { dropOut } from './api';

/** A volunteer of a published plan drops out: from when, then substitutes and a re-plan. */
export function DropOutForm({
  plan,
  onResult,
  onCancel,
}: {
  plan: RoundPlan;
  /** Receives the re-plan, still computing on the server: the page polls it until it is ready. */
  onResult: (result: DropOutResult) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [volunteerId, setVolunteerId] = useState('');
  const [from, setFrom] = useState('');
  const action = useAction(dropOut);
  const errors = fieldErrorsOf(action.error, t);
  const [missing, setMissing] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!volunteerId) {
      setMissing(true);
      return;
    }
    const result = await action.run(plan.id, { volunteerId, ...(from ? { from } : {}) });
    if (result.ok) onResult(result.value);
  };

  return (
    <form
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby="dropout-title"
      className="p-3 mb-4 publish-panel"
    >
      <h2 id="dropout-title" className="h4">
        {t.rounds.dropOutTitle}
      </h2>
      <p>{t.rounds.dropOutLead}</p>
      <ApiErrorAlert error={action.error} />
      <div className="row">
        <SelectField
          id="dropout-volunteer"
          className="col-12 col-md-7"
          label={t.rounds.dropOutVolunteer}
          value={volunteerId}
          onChange={(v) => {
            setVolunteerId(v);
            setMissing(false);
          }}
          options={plan.rounds.map((r, i) => ({
            value: r.volunteerId,
            label: t.rounds.roundTitle(i + 1, r.volunteerName),
          }))}
          placeholder={t.common.choose}
          error={missing ? t.rounds.dropOutChooseVolunteer : errors.volunteerId}
          required
          autoFocus
        />
        <TextField
          id="dropout-from"
          className="col-12 col-md-5"
          type="time"
          label={t.rounds.dropOutFrom}
          hint={t.rounds.dropOutFromHint}
          value={from}
          onChange={setFrom}
          error={errors.from}
        />
      </div>
      <div className="d-flex flex-wrap gap-2">
        <button type="submit" className="btn btn-primary" disabled={action.pending}>
          {action.pending ? t.rounds.dropOutRunning : t.rounds.dropOutSubmit}
        </button>
        <button type="button" className="btn btn-outline-primary" onClick={onCancel}>
          {t.common.cancel}
        </button>
      </div>
    </form>
  );
}

export type Candidate = RoundPlan['substitutes'][number]['candidates'][number];

interface SubstitutesListProps {
  volunteerName: string;
  /** The re-plan as it is now (after any change), with its substitutes, to tell who holds each task. */
  plan: RoundPlan;
  /** Gives a task to a candidate (at the end of their round); absent once the re-plan is published. */
  onAssign?: (taskId: string, candidate: Candidate) => void;
  pending?: boolean;
}

/** For each task of the volunteer who dropped out, the five best substitutes, each one a click away. */
export function SubstitutesList({ volunteerName, plan, onAssign, pending }: SubstitutesListProps) {
  const { t, locale } = useI18n();
  const holderOf = (taskId: string) =>
    plan.rounds.find((r) => r.stops.some((s) => s.taskId === taskId))?.volunteerId;
  return (
    <section aria-labelledby="substitutes-title" className="mb-4">
      <h2 id="substitutes-title" className="h4">
        {t.rounds.substitutesTitle(volunteerName)}
      </h2>
      <p>{t.rounds.substitutesLead}</p>
      {plan.substitutes.length === 0 && <p>{t.rounds.noRemainingTasks}</p>}
      {plan.substitutes.map((s) => {
        const holder = holderOf(s.taskId);
        return (
          <div key={s.taskId} className="mb-3">
            <h3 className="h6">{t.rounds.substitutesFor(s.beneficiaryName)}</h3>
            <DataTable<Candidate>
              caption={t.rounds.substitutesFor(s.beneficiaryName)}
              rows={s.candidates}
              rowKey={(c) => c.volunteerId}
              empty={t.rounds.noCandidates}
              columns={[
                { key: 'name', header: t.rounds.candidate, render: (c) => c.volunteerName },
                {
                  key: 'km',
                  header: t.rounds.addedKm,
                  numeric: true,
                  render: (c) => t.rounds.km(formatNumber(c.addedDistanceKm, locale)),
                },
                {
                  key: 'tasks',
                  header: t.rounds.currentTasks,
                  numeric: true,
                  render: (c) => formatNumber(c.currentTasks, locale),
                },
                {
                  key: 'slack',
                  header: t.rounds.slack,
                  numeric: true,
                  render: (c) => t.rounds.minutes(formatNumber(c.slackMinutes, locale)),
                },
                {
                  key: 'assign',
                  header: t.common.actions,
                  render: (c) =>
                    holder === c.volunteerId ? (
                      <span className="fw-semibold">{t.rounds.holdsIt}</span>
                    ) : onAssign ? (
                      <button
                        type="button"
                        className="btn btn-outline-primary btn-sm"
                        disabled={pending}
                        onClick={() => onAssign(s.taskId, c)}
                      >
                        {t.rounds.assignTo}
                        <span className="visually-hidden">
                          {' '}
                          {t.rounds.assignWhich(s.beneficiaryName, c.volunteerName)}
                        </span>
                      </button>
                    ) : null,
                },
              ]}
            />
          </div>
        );
      })}
    </section>
  );
}
