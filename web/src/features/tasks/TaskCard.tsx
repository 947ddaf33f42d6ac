import { useState, type FormEvent } from 'react';
import { Icon } from 'design-react-kit';
import type { CompleteBody, Task } from '../../../../shared/src/tasks/tasks.schemas';
import type { OutcomeReason } from '../../i18n/it';
import { useAction } from '../../api/useAction';
import { useI18n } from '../../i18n/I18nProvider';
import { OUTCOME_REASON_NAMES } from '../../i18n/enumerations';
import { fieldErrorsOf } from '../../i18n/errors';
import { formatCents, parseEuroCents } from '../../i18n/money';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { RadioGroup, TextAreaField, TextField } from '../../ui/fields';
import { personName } from '../people/PeopleTable';
import { currentMapsPlatform, directionsHref, mapsAppHref } from '../rounds/roundSheet';
import type { QueuedOutcome, RecordResult } from '../offline/outbox';
import { acceptTask, declineTask } from './api';
import { TaskStatusBadge, TaskWhen } from './TaskBadges';
import './myTasks.css';

type Step = 'actions' | 'decline' | 'done' | 'failed';

interface TaskCardProps {
  task: Task;
  /** Its place in the day (the round's order). */
  position: number;
  typeName: string;
  /** Its outcome recorded offline, waiting for the network. */
  queued: QueuedOutcome | undefined;
  /** Sends an outcome, or queues it on the phone without network (../offline/useOutbox). */
  record: (task: Task, label: string, body: CompleteBody) => Promise<RecordResult>;
  onChanged: (message: string) => void;
}

const telHref = (phone: string) => `tel:${phone.replace(/[^+\d]/g, '')}`;

/**
 * One task on the volunteer's phone: who and where, a one-tap call and directions, and big
 * buttons for what the server allows next (accept or decline; done or not done, with the
 * money advanced typed in euros).
 */
export function TaskCard({ task, position, typeName, queued, record, onChanged }: TaskCardProps) {
  const { t, locale } = useI18n();
  const [step, setStep] = useState<Step>('actions');
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<OutcomeReason | ''>('');
  const [money, setMoney] = useState('');
  const [notes, setNotes] = useState('');
  const [invalid, setInvalid] = useState<Record<string, string>>({});
  const action = useAction(async (run: () => Promise<string>) => run());
  const errors = { ...fieldErrorsOf(action.error, t), ...invalid };
  const name = personName(task.beneficiary);
  const titleId = `task-${task.id}-title`;
  const where = [task.address, task.comuneName].filter(Boolean).join(', ');
  const located = task.latitude !== null && task.longitude !== null;
  const mapsApp = mapsAppHref(task, currentMapsPlatform());
  // A task waiting for an answer is accepted (or declined) first; then its outcome is recorded.
  const awaitingAnswer = task.abilities.respond && task.status === 'assigned';
  const canClose =
    task.abilities.complete &&
    !awaitingAnswer &&
    !queued &&
    (task.status === 'assigned' || task.status === 'accepted');

  /** Runs a call that answers with the message to show. */
  const run = async (call: () => Promise<string>) => {
    const result = await action.run(call);
    if (result.ok) {
      setStep('actions');
      onChanged(result.value);
    }
  };
  const submitDecline = (event: FormEvent) => {
    event.preventDefault();
    void run(() => declineTask(task.id, reason.trim()).then(() => t.tasks.declined));
  };
  const submitOutcome = (event: FormEvent) => {
    event.preventDefault();
    const cents = money.trim() ? parseEuroCents(money) : 0;
    const problems: Record<string, string> = {};
    if (cents === null) problems.moneyAdvancedCents = t.tasks.amountInvalid;
    if (step === 'failed' && !failure) problems.reason = t.tasks.failReason;
    setInvalid(problems);
    if (Object.keys(problems).length > 0 || cents === null) return;
    const body: CompleteBody = {
      outcome: step === 'failed' ? 'failed' : 'done',
      reason: step === 'failed' && failure ? failure : null,
      notes: notes.trim() || null,
      ...(cents > 0 ? { moneyAdvancedCents: cents } : {}),
    };
    void run(async () =>
      (await record(task, name, body)).status === 'sent' ? t.tasks.completed : t.offline.queued,
    );
  };

  return (
    <article className="task-card card card-bg rounded shadow-sm mb-4" aria-labelledby={titleId}>
      <div className="card-body">
        <p className="task-card-when mb-1">
          {t.tasks.stop(position)} · <TaskWhen task={task} withDate={false} />
        </p>
        <h2 id={titleId} className="h4 mb-1">
          {name}
        </h2>
        <p className="mb-2">{typeName}</p>
        <p className="mb-3">
          <TaskStatusBadge status={task.status} />
        </p>
        <p className="task-card-address mb-3">{where}</p>
        <div className="d-grid gap-2 mb-3">
          {task.beneficiary.phone && (
            <a
              className="btn btn-outline-primary btn-lg task-card-button"
              href={telHref(task.beneficiary.phone)}
            >
              <Icon icon="it-telephone" color="primary" aria-hidden="true" /> {t.tasks.call(name)}
              <span className="d-block small">{task.beneficiary.phone}</span>
            </a>
          )}
          {(located || task.address) && (
            <a
              className="btn btn-outline-primary btn-lg task-card-button"
              href={directionsHref(task)}
              target="_blank"
              rel="noopener noreferrer"
            >
              <Icon icon="it-map-marker" color="primary" aria-hidden="true" /> {t.tasks.directions}
              <span className="visually-hidden"> ({t.common.opensInNewTab})</span>
            </a>
          )}
          {mapsApp && (
            <a className="btn btn-link task-card-link" href={mapsApp}>
              {t.tasks.openMaps}
            </a>
          )}
        </div>
        {task.approximateLocation && <p className="form-text">{t.tasks.approximate}</p>}

        <ApiErrorAlert error={action.error} />

        {step === 'actions' && (
          <div className="d-grid gap-2">
            {awaitingAnswer && (
              <div className="task-card-pair">
                <button
                  type="button"
                  className="btn btn-primary btn-lg task-card-button"
                  disabled={action.pending}
                  onClick={() => void run(() => acceptTask(task.id).then(() => t.tasks.accepted))}
                >
                  {t.tasks.accept}
                </button>
                <button
                  type="button"
                  className="btn btn-outline-primary btn-lg task-card-button"
                  onClick={() => setStep('decline')}
                >
                  {t.tasks.decline}
                </button>
              </div>
            )}
            {canClose && (
              <div className="task-card-pair">
                <button
                  type="button"
                  className="btn btn-success btn-lg task-card-button"
                  onClick={() => setStep('done')}
                >
                  {t.tasks.done}
                </button>
                <button
                  type="button"
                  className="btn btn-outline-danger btn-lg task-card-button"
                  onClick={() => setStep('failed')}
                >
                  {t.tasks.failed}
                </button>
              </div>
            )}
            {queued && (
              <p className="fw-semibold mb-0">
                {t.offline.waiting(
                  queued.body.outcome === 'done'
                    ? t.tasks.outcomeDone
                    : t.tasks.outcomeFailed(queued.body.reason ? t.tasks.reasons[queued.body.reason] : ''),
                  queued.body.moneyAdvancedCents
                    ? t.tasks.advanced(formatCents(queued.body.moneyAdvancedCents, locale))
                    : null,
                )}
              </p>
            )}
            {(task.status === 'done' || task.status === 'failed') && (
              <p className="fw-semibold mb-0">
                {task.status === 'done'
                  ? t.tasks.outcomeDone
                  : t.tasks.outcomeFailed(task.outcomeReason ? t.tasks.reasons[task.outcomeReason] : '')}
                {task.moneyAdvancedCents > 0 &&
                  ` · ${t.tasks.advanced(formatCents(task.moneyAdvancedCents, locale))}`}
              </p>
            )}
          </div>
        )}

        {step === 'decline' && (
          <form onSubmit={submitDecline} noValidate>
            <TextAreaField
              id={`decline-${task.id}`}
              label={t.tasks.declineReason}
              value={reason}
              onChange={setReason}
              error={errors.reason}
              maxLength={500}
              rows={2}
              required
              autoFocus
            />
            <div className="task-card-pair">
              <button
                type="submit"
                className="btn btn-primary btn-lg task-card-button"
                disabled={action.pending}
              >
                {t.tasks.confirmDecline}
              </button>
              <button
                type="button"
                className="btn btn-outline-primary btn-lg task-card-button"
                onClick={() => setStep('actions')}
              >
                {t.tasks.back}
              </button>
            </div>
          </form>
        )}

        {(step === 'done' || step === 'failed') && (
          <form onSubmit={submitOutcome} noValidate aria-label={t.tasks.outcomeTitle}>
            {step === 'failed' && (
              <RadioGroup
                name={`failure-${task.id}`}
                legend={t.tasks.failReason}
                value={failure}
                onChange={(v) => setFailure(OUTCOME_REASON_NAMES.find((r) => r === v) ?? '')}
                options={OUTCOME_REASON_NAMES.map((r) => ({ value: r, label: t.tasks.reasons[r] }))}
                error={errors.reason}
                required
                stacked
              />
            )}
            <TextField
              id={`money-${task.id}`}
              label={t.tasks.moneyAdvanced}
              hint={t.tasks.moneyAdvancedHint}
              inputMode="decimal"
              value={money}
              onChange={setMoney}
              error={errors.moneyAdvancedCents}
              autoComplete="off"
              autoFocus={step === 'done'}
            />
            <TextAreaField
              id={`notes-${task.id}`}
              label={t.tasks.notes}
              value={notes}
              onChange={setNotes}
              error={errors.notes}
              maxLength={1000}
              rows={2}
            />
            <div className="task-card-pair">
              <button
                type="submit"
                className={`btn btn-lg task-card-button ${step === 'done' ? 'btn-success' : 'btn-danger'}`}
                disabled={action.pending}
              >
                {step === 'done' ? t.tasks.confirmDone : t.tasks.confirmFailed}
              </button>
              <button
                type="button"
                className="btn btn-outline-primary btn-lg task-card-button"
                onClick={() => setStep('actions')}
              >
                {t.tasks.back}
              </button>
            </div>
          </form>
        )}
      </div>
    </article>
  );
}
