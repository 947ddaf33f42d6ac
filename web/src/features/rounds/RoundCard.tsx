import { useState, type DragEvent } from 'react';
import { Icon } from 'design-react-kit';
import type { Round, RoundPlan, RoundStop } from '../../../../shared/src/rounds/rounds.schemas';
import { useI18n } from '../../i18n/I18nProvider';
import { formatNumber } from '../../i18n/format';
import { MoveStopForm } from './MoveStopForm';
import { roundStyle, stopLabel } from './roundStyle';
import { telHref } from './roundSheet';

/** What a card needs to let the coordinator change the plan; absent once the plan is published. */
export interface MoveControls {
  plan: RoundPlan;
  pending: boolean;
  /** The task being dragged, if any. */
  dragging: string | null;
  setDragging: (taskId: string | null) => void;
  /** The task whose "Sposta" form is open. */
  editing: string | null;
  setEditing: (taskId: string | null) => void;
  /** Drops a task before the stop at `index` of a round (its length: at the end). */
  dropAt: (taskId: string, volunteerId: string, index: number) => void;
  move: (taskId: string, volunteerId: string, position: number) => void;
}

// Our own type: text dragged from elsewhere is not a stop.
const DRAG_TYPE = 'application/x-legami-task';

/** Drag handlers shared by the stops and the unserved tasks. */
export function dragSource(controls: MoveControls | undefined, taskId: string) {
  if (!controls) return {};
  return {
    draggable: !controls.pending,
    onDragStart: (event: DragEvent) => {
      event.dataTransfer.setData(DRAG_TYPE, taskId);
      event.dataTransfer.effectAllowed = 'move';
      // Changing the page inside dragstart cancels the drag in Chromium: mark it just after.
      setTimeout(() => controls.setDragging(taskId), 0);
    },
    onDragEnd: () => controls.setDragging(null),
  };
}

/** Drop handlers of a place in a round; `over` shows the coordinator where the stop will land. */
function useDropTarget(controls: MoveControls | undefined, volunteerId: string, index: number) {
  const [over, setOver] = useState(false);
  if (!controls || controls.pending) return { over: false, handlers: {} };
  return {
    over,
    handlers: {
      onDragOver: (event: DragEvent) => {
        if (!event.dataTransfer.types.includes(DRAG_TYPE)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
        if (!over) setOver(true);
      },
      onDragLeave: () => setOver(false),
      onDrop: (event: DragEvent) => {
        const taskId = event.dataTransfer.getData(DRAG_TYPE);
        setOver(false);
        if (!taskId) return;
        event.preventDefault();
        controls.dropAt(taskId, volunteerId, index);
      },
    },
  };
}

interface StopItemProps {
  round: Round;
  roundIndex: number;
  stop: RoundStop;
  index: number;
  controls?: MoveControls;
}

function StopItem({ round, roundIndex, stop, index, controls }: StopItemProps) {
  const { t } = useI18n();
  const style = roundStyle(roundIndex);
  const drop = useDropTarget(controls, round.volunteerId, index);
  const dragged = controls?.dragging === stop.taskId;
  const label = stopLabel(roundIndex, index);
  return (
    <li
      id={`stop-${stop.taskId}`}
      tabIndex={-1}
      className={`round-stop${drop.over ? ' round-stop-over' : ''}${dragged ? ' round-stop-dragged' : ''}`}
      {...dragSource(controls, stop.taskId)}
      {...drop.handlers}
    >
      <div className="d-flex gap-3 align-items-start">
        <span className="stop-label" style={{ backgroundColor: style.color }}>
          <span className="visually-hidden">{t.rounds.stop} </span>
          {label}
        </span>
        <div className="flex-grow-1">
          <p className="mb-1">
            <strong>{stop.arrival}</strong>
            {stop.serviceStart !== stop.arrival && <> {t.rounds.waitsUntil(stop.serviceStart)}</>} ·{' '}
            <strong>{stop.beneficiaryName}</strong>
          </p>
          <p className="mb-1">
            {[stop.address, stop.comuneName].filter(Boolean).join(', ')}
            {stop.approximateLocation && (
              <span className="badge bg-warning text-dark ms-2 approx-badge">{t.rounds.approximate}</span>
            )}
          </p>
          <p className="mb-0 small text-muted">
            {stop.interventionTypeName} · {t.rounds.loadUnits(stop.load)} ·{' '}
            {t.rounds.leavesAt(stop.departure)}
          </p>
        </div>
        {controls && (
          <div className="d-flex align-items-center gap-2">
            <span className="drag-grip" aria-hidden="true" title={t.rounds.dragHint}>
              ⠿
            </span>
            <button
              type="button"
              className="btn btn-outline-primary btn-sm"
              aria-expanded={controls.editing === stop.taskId}
              onClick={() => controls.setEditing(controls.editing === stop.taskId ? null : stop.taskId)}
            >
              {t.rounds.move}
              <span className="visually-hidden"> {t.rounds.moveWhich(label, stop.beneficiaryName)}</span>
            </button>
          </div>
        )}
      </div>
      {controls?.editing === stop.taskId && (
        <MoveStopForm
          plan={controls.plan}
          taskId={stop.taskId}
          beneficiaryName={stop.beneficiaryName}
          pending={controls.pending}
          onMove={(volunteerId, position) => controls.move(stop.taskId, volunteerId, position)}
          onCancel={() => controls.setEditing(null)}
        />
      )}
    </li>
  );
}

function EndDropZone({
  round,
  roundIndex,
  controls,
}: {
  round: Round;
  roundIndex: number;
  controls?: MoveControls;
}) {
  const { t } = useI18n();
  const drop = useDropTarget(controls, round.volunteerId, round.stops.length);
  if (!controls) return null;
  // Always there, so the page does not shift under the pointer when a drag starts; a mouse-only
  // affordance (the "Sposta" form is the keyboard's), hence hidden from screen readers.
  return (
    <div
      className={`round-dropzone${controls.dragging ? ' round-dropzone-active' : ''}${drop.over ? ' round-stop-over' : ''}`}
      aria-hidden="true"
      {...drop.handlers}
    >
      {t.rounds.dropAtEnd(roundIndex + 1)}
    </div>
  );
}

/** A volunteer's round: times, distance, load, what breaks the rules, and the stops in order. */
export function RoundCard({
  round,
  index,
  controls,
}: {
  round: Round;
  index: number;
  controls?: MoveControls;
}) {
  const { t, locale } = useI18n();
  const style = roundStyle(index);
  const titleId = `round-${round.volunteerId}-title`;
  const overloaded = round.load > round.capacity;
  return (
    <article
      id={`round-${round.volunteerId}`}
      className={`card round-card mb-4${round.warnings.length > 0 ? ' round-card-warning' : ''}`}
      aria-labelledby={titleId}
      style={{ borderLeftColor: style.color }}
    >
      <div className="card-body">
        <h3 id={titleId} className="h5 d-flex align-items-center gap-2 mb-2">
          <span className="round-number" style={{ backgroundColor: style.color }} aria-hidden="true">
            {index + 1}
          </span>
          {t.rounds.roundTitle(index + 1, round.volunteerName)}
        </h3>
        <p className="mb-2">
          <svg className="line-swatch" width="40" height="10" aria-hidden="true">
            <line
              x1="0"
              y1="5"
              x2="40"
              y2="5"
              stroke={style.color}
              strokeWidth="4"
              strokeDasharray={style.dashArray}
            />
          </svg>{' '}
          {t.rounds.roundTimes(round.departure, round.returnTime)} ·{' '}
          {t.rounds.km(formatNumber(round.distanceKm, locale))} ·{' '}
          <span className={overloaded ? 'fw-bold text-danger' : undefined}>
            {t.rounds.loadOf(round.load, round.capacity)}
          </span>
          {round.volunteerPhone && (
            <>
              {' · '}
              <a href={telHref(round.volunteerPhone)}>{round.volunteerPhone}</a>
            </>
          )}
        </p>
        {round.warnings.length > 0 && (
          <div className="alert alert-warning mb-3" role="note">
            <p className="fw-bold mb-1 d-flex align-items-center gap-2">
              <Icon icon="it-warning-circle" size="sm" aria-hidden="true" />
              {t.rounds.warningsTitle}
            </p>
            <ul className="mb-0" lang="it">
              {round.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          </div>
        )}
        <ol className="list-unstyled mb-0" aria-label={t.rounds.stopsOf(index + 1, round.volunteerName)}>
          {round.stops.map((stop, i) => (
            <StopItem
              key={stop.taskId}
              round={round}
              roundIndex={index}
              stop={stop}
              index={i}
              controls={controls}
            />
          ))}
        </ol>
        <EndDropZone round={round} roundIndex={index} controls={controls} />
      </div>
    </article>
  );
}
