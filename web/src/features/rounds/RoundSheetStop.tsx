import { Icon } from 'design-react-kit';
import type { Task } from '../../../../shared/src/tasks/tasks.schemas';
import { useT } from '../../i18n/I18nProvider';
import { currentMapsPlatform, directionsHref, mapsAppHref, telHref } from './roundSheet';

/** One stop of the volunteer's round sheet: when, who, where, and large buttons to call and navigate. */
export function RoundSheetStop({ task, number }: { task: Task; number: number }) {
  const t = useT();
  const name = `${task.beneficiary.givenName} ${task.beneficiary.familyName}`;
  const time =
    task.plannedStart ?? (task.windowStart ? t.rounds.window(task.windowStart, task.windowEnd ?? '') : null);
  const mapsApp = mapsAppHref(task, currentMapsPlatform());
  const titleId = `sheet-stop-${task.id}`;
  const closed = task.status === 'done' || task.status === 'failed';
  return (
    <li className={`sheet-stop mb-3${closed ? ' sheet-stop-closed' : ''}`} aria-labelledby={titleId}>
      <h3 id={titleId} className="h4 mb-2">
        {t.rounds.sheetStop(number)}
        {time && <span className="sheet-time"> · {time}</span>}
      </h3>
      <p className="sheet-name mb-1">{name}</p>
      <p className="mb-1">{[task.address, task.comuneName].filter(Boolean).join(', ')}</p>
      <p className="mb-2 text-muted">{task.interventionTypeName}</p>
      {closed && <p className="badge bg-secondary mb-2">{t.rounds.taskStatus[task.status]}</p>}
      {task.approximateLocation && (
        <p className="alert alert-warning py-2 mb-2">
          <strong>{t.rounds.approximate}</strong>: {t.rounds.approximateSheet}
        </p>
      )}
      <div className="sheet-actions">
        {task.beneficiary.phone ? (
          <a
            className="btn btn-primary btn-lg sheet-action sheet-call"
            href={telHref(task.beneficiary.phone)}
          >
            <Icon icon="it-telephone" color="white" size="sm" aria-hidden="true" />
            <span>
              {t.rounds.call(name)}
              <span className="d-block sheet-phone">{task.beneficiary.phone}</span>
            </span>
          </a>
        ) : (
          <p className="mb-0 sheet-call">{t.rounds.noPhone}</p>
        )}
        <a
          className="btn btn-outline-primary sheet-action"
          href={directionsHref(task)}
          target="_blank"
          rel="noopener noreferrer"
        >
          <Icon icon="it-map-marker" color="primary" size="sm" aria-hidden="true" /> {t.rounds.directions}
          <span className="visually-hidden"> ({t.common.opensInNewTab})</span>
        </a>
        {mapsApp && (
          <a className="btn btn-outline-primary sheet-action" href={mapsApp}>
            {t.rounds.openInMaps}
          </a>
        )}
      </div>
    </li>
  );
}
