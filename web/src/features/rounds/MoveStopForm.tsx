import { useState, type FormEvent } from 'react';
import type { RoundPlan } from '../../../../shared/src/rounds/rounds.schemas';
import { useT } from '../../i18n/I18nProvider';
import { SelectField } from '../../ui/fields';
import { isNoMove, placeOf, positionsIn } from './moves';

interface MoveStopFormProps {
  plan: RoundPlan;
  taskId: string;
  /** Who the stop is for, to name the form. */
  beneficiaryName: string;
  pending: boolean;
  onMove: (volunteerId: string, position: number) => void;
  onCancel: () => void;
}

/** The keyboard way to move a stop: choose the round and the position in it. */
export function MoveStopForm({
  plan,
  taskId,
  beneficiaryName,
  pending,
  onMove,
  onCancel,
}: MoveStopFormProps) {
  const t = useT();
  const from = placeOf(plan, taskId);
  const [volunteerId, setVolunteerId] = useState(from?.volunteerId ?? plan.rounds[0]?.volunteerId ?? '');
  const count = positionsIn(plan, taskId, volunteerId);
  const [position, setPosition] = useState(String(from ? from.index : count - 1));
  const chosen = Math.min(Number(position), count - 1);
  const titleId = `move-${taskId}-title`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!isNoMove(from, volunteerId, chosen)) onMove(volunteerId, chosen);
  };

  return (
    <form className="move-stop-form mt-3 p-3" onSubmit={submit} aria-labelledby={titleId}>
      <p id={titleId} className="fw-semibold mb-2">
        {t.rounds.moveTitle(beneficiaryName)}
      </p>
      <div className="row">
        <SelectField
          id={`move-${taskId}-round`}
          className="col-12 col-md-7"
          label={t.rounds.moveTo}
          value={volunteerId}
          onChange={(v) => {
            setVolunteerId(v);
            // A new round: the end of it, unless the stop is coming back to where it is.
            const back = from && from.volunteerId === v;
            setPosition(String(back ? from.index : positionsIn(plan, taskId, v) - 1));
          }}
          options={plan.rounds.map((r, i) => ({
            value: r.volunteerId,
            label: t.rounds.roundOption(i + 1, r.volunteerName, r.stops.length),
          }))}
          autoFocus
        />
        <SelectField
          id={`move-${taskId}-position`}
          className="col-12 col-md-5"
          label={t.rounds.position}
          value={String(chosen)}
          onChange={setPosition}
          options={Array.from({ length: count }, (_, i) => ({
            value: String(i),
            label: t.rounds.positionOption(i + 1, count),
          }))}
        />
      </div>
      <div className="d-flex flex-wrap gap-2">
        <button
          type="submit"
          className="btn btn-primary btn-sm"
          disabled={pending || isNoMove(from, volunteerId, chosen)}
        >
          {t.rounds.moveSubmit}
        </button>
        <button type="button" className="btn btn-outline-primary btn-sm" onClick={onCancel}>
          {t.common.cancel}
        </button>
      </div>
    </form>
  );
}
