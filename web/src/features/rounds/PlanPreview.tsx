import { useCallback, useEffect, useRef, useState } from 'react';
import type { RoundPlan } from '../../../../shared/src/rounds/rounds.schemas';
import type { Comune } from '../../../../shared/src/territory/territory.schemas';
import { useAction } from '../../api/useAction';
import { useI18n } from '../../i18n/I18nProvider';
import { formatNumber } from '../../i18n/format';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { SelectField } from '../../ui/fields';
import { moveStop } from './api';
import { dropPosition, isNoMove, placeOf } from './moves';
import { RoundCard, type MoveControls } from './RoundCard';
import { roundStyle } from './roundStyle';
import { RoundsMap } from './RoundsMap';
import { UnservedList } from './UnservedList';

interface PlanPreviewProps {
  plan: RoundPlan;
  comuni: Comune[];
  /** Moves are allowed (a ready plan); the server answers with the re-timed plan. */
  onChange?: (plan: RoundPlan) => void;
}

function nameOf(plan: RoundPlan, taskId: string): string {
  for (const r of plan.rounds) {
    const stop = r.stops.find((s) => s.taskId === taskId);
    if (stop) return stop.beneficiaryName;
  }
  return plan.unserved.find((u) => u.taskId === taskId)?.beneficiaryName ?? '';
}

/** A plan's rounds: figures, the map, the list per volunteer (where stops are moved) and what is left out. */
export function PlanPreview({ plan, comuni, onChange }: PlanPreviewProps) {
  const { t, locale } = useI18n();
  const [highlighted, setHighlighted] = useState('');
  const [dragging, setDragging] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const focusAfterMove = useRef<string | null>(null);
  const move = useAction(moveStop);
  const runMove = move.run;

  const served = plan.rounds.reduce((sum, r) => sum + r.stops.length, 0);
  const withWarnings = plan.rounds.filter((r) => r.warnings.length > 0);

  useEffect(() => {
    const id = focusAfterMove.current;
    if (!id) return;
    focusAfterMove.current = null;
    document.getElementById(`stop-${id}`)?.focus();
  }, [plan]);

  const doMove = useCallback(
    async (taskId: string, volunteerId: string, position: number) => {
      if (!onChange) return;
      const name = nameOf(plan, taskId);
      const result = await runMove(plan.id, { taskId, toVolunteerId: volunteerId, position });
      if (!result.ok) return;
      const next = result.value;
      const index = next.rounds.findIndex((r) => r.volunteerId === volunteerId);
      const round = next.rounds[index];
      const warned = round && round.warnings.length > 0 ? ` ${t.rounds.movedWithWarnings(index + 1)}` : '';
      setEditing(null);
      setAnnouncement(t.rounds.moved(name, index + 1, round?.volunteerName ?? '', position + 1) + warned);
      focusAfterMove.current = taskId;
      onChange(next);
    },
    [onChange, plan, runMove, t],
  );

  const controls: MoveControls | undefined = onChange
    ? {
        plan,
        pending: move.pending,
        dragging,
        setDragging,
        editing,
        setEditing,
        move: (taskId, volunteerId, position) => void doMove(taskId, volunteerId, position),
        dropAt: (taskId, volunteerId, index) => {
          setDragging(null);
          const from = placeOf(plan, taskId);
          const position = dropPosition(from, { volunteerId, index });
          if (!isNoMove(from, volunteerId, position)) void doMove(taskId, volunteerId, position);
        },
      }
    : undefined;

  return (
    <div>
      <dl className="row detail-list plan-summary mb-0">
        {[
          { term: t.rounds.summaryRounds, value: formatNumber(plan.rounds.length, locale) },
          { term: t.rounds.summaryServed, value: t.rounds.servedOf(served, plan.tasksCount) },
          { term: t.rounds.summaryDistance, value: t.rounds.km(formatNumber(plan.totalDistanceKm, locale)) },
          {
            term: t.rounds.summaryVolunteers,
            value: t.rounds.volunteersUsed(plan.rounds.length, plan.volunteersAvailable),
          },
        ].map((item) => (
          <div key={item.term} className="col-6 col-md-3 mb-2">
            <dt>{item.term}</dt>
            <dd className="mb-0 fs-5 fw-semibold">{item.value}</dd>
          </div>
        ))}
      </dl>
      {withWarnings.length > 0 && (
        <div className="alert alert-warning mt-3">
          <p className="fw-bold mb-1">{t.rounds.warningsSummary(withWarnings.length)}</p>
          <ul className="mb-0">
            {withWarnings.map((r) => {
              const index = plan.rounds.indexOf(r);
              return (
                <li key={r.volunteerId}>
                  <a href={`#round-${r.volunteerId}`}>{t.rounds.roundTitle(index + 1, r.volunteerName)}</a>:{' '}
                  <span lang="it">{r.warnings.join(' ')}</span>
                </li>
              );
            })}
          </ul>
        </div>
      )}
      <ApiErrorAlert error={move.error} />
      <div role="status">{announcement && <p className="alert alert-info mt-3">{announcement}</p>}</div>
      <div className="row g-4 mt-1">
        <section className="col-12 col-lg-5" aria-labelledby="rounds-map-title">
          <div className="rounds-map-column">
            <h2 id="rounds-map-title" className="h4">
              {t.rounds.mapTitle}
            </h2>
            <SelectField
              id="rounds-map-focus"
              label={t.rounds.mapFocus}
              value={highlighted}
              onChange={setHighlighted}
              options={plan.rounds.map((r, i) => ({
                value: r.volunteerId,
                label: t.rounds.roundTitle(i + 1, r.volunteerName),
              }))}
              placeholder={t.rounds.mapAll}
            />
            <figure className="mb-0">
              <RoundsMap rounds={plan.rounds} comuni={comuni} highlighted={highlighted || null} />
              <figcaption className="form-text">{t.rounds.mapCaption}</figcaption>
            </figure>
            <ul className="list-unstyled rounds-legend mt-2 mb-0" aria-label={t.rounds.legend}>
              {plan.rounds.map((r, i) => {
                const style = roundStyle(i);
                return (
                  <li key={r.volunteerId}>
                    <svg width="32" height="10" aria-hidden="true">
                      <line
                        x1="0"
                        y1="5"
                        x2="32"
                        y2="5"
                        stroke={style.color}
                        strokeWidth="4"
                        strokeDasharray={style.dashArray}
                      />
                    </svg>{' '}
                    {t.rounds.roundTitle(i + 1, r.volunteerName)}
                  </li>
                );
              })}
              <li>
                <span className="round-marker round-marker-approx legend-marker" aria-hidden="true">
                  1.1
                </span>{' '}
                {t.rounds.legendApproximate}
              </li>
            </ul>
          </div>
        </section>
        <section className="col-12 col-lg-7" aria-labelledby="rounds-list-title">
          <h2 id="rounds-list-title" className="h4">
            {t.rounds.listTitle}
          </h2>
          {controls && <p className="form-text">{t.rounds.moveHelp}</p>}
          {plan.rounds.length === 0 && <p>{t.rounds.noRounds}</p>}
          {plan.rounds.map((round, index) => (
            <RoundCard key={round.volunteerId} round={round} index={index} controls={controls} />
          ))}
          <UnservedList plan={plan} controls={controls} />
        </section>
      </div>
    </div>
  );
}
