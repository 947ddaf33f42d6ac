import type { RoundPlan } from '../../../../shared/src/rounds/rounds.schemas';
import { useI18n } from '../../i18n/I18nProvider';
import { dragSource, type MoveControls } from './RoundCard';
import { MoveStopForm } from './MoveStopForm';

// Tasks the planner could not place anywhere on the map: moving them would fail on the server too.
const UNPLACEABLE = new Set(['NO_LOCATION', 'INVALID_TIME_WINDOW']);

/** Tasks left out of every round, with the reason; the coordinator may still put one in a round. */
export function UnservedList({ plan, controls }: { plan: RoundPlan; controls?: MoveControls }) {
  const { t, locale } = useI18n();
  if (plan.unserved.length === 0) return null;
  return (
    <section aria-labelledby="unserved-title" className="mb-4">
      <h2 id="unserved-title" className="h4">
        {t.rounds.unservedTitle(plan.unserved.length)}
      </h2>
      <ul className="list-unstyled">
        {plan.unserved.map((u) => {
          const movable = controls && !UNPLACEABLE.has(u.reason) && plan.rounds.length > 0;
          const reason = t.rounds.unservedReasons[u.reason];
          return (
            <li
              key={u.taskId}
              id={`stop-${u.taskId}`}
              tabIndex={-1}
              className="round-stop unserved-stop"
              {...(movable ? dragSource(controls, u.taskId) : {})}
            >
              <div className="d-flex gap-3 align-items-start">
                <div className="flex-grow-1">
                  <p className="mb-1 fw-semibold">
                    {u.beneficiaryName} · {u.comuneName}
                  </p>
                  <p className="mb-0" lang={reason || locale === 'it' ? undefined : 'it'}>
                    {reason ?? u.message}
                  </p>
                </div>
                {movable && (
                  <button
                    type="button"
                    className="btn btn-outline-primary btn-sm"
                    aria-expanded={controls.editing === u.taskId}
                    onClick={() => controls.setEditing(controls.editing === u.taskId ? null : u.taskId)}
                  >
                    {t.rounds.assignToRound}
                    <span className="visually-hidden"> {u.beneficiaryName}</span>
                  </button>
                )}
              </div>
              {movable && controls.editing === u.taskId && (
                <MoveStopForm
                  plan={plan}
                  taskId={u.taskId}
                  beneficiaryName={u.beneficiaryName}
                  pending={controls.pending}
                  onMove={(volunteerId, position) => controls.move(u.taskId, volunteerId, position)}
                  onCancel={() => controls.setEditing(null)}
                />
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
