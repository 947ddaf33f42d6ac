import { useI18n } from '../../i18n/I18nProvider';
import type { Messages } from '../../i18n/it';
import { useOnline } from './offlineApp';
import type { QueuedOutcome } from './outbox';

/** Without network: what the volunteer sees is the phone's copy; and how many outcomes wait. */
export function OfflineBanner({ waiting = 0 }: { waiting?: number }) {
  const { t } = useI18n();
  const online = useOnline();
  if (online && waiting === 0) return null;
  return (
    <div className="alert alert-info" role="status">
      {!online && <p className="mb-0">{t.offline.banner}</p>}
      {waiting > 0 && <p className="mb-0 fw-semibold">{t.offline.waitingCount(waiting)}</p>}
    </div>
  );
}

function conflictText(t: Messages, entry: QueuedOutcome): string {
  const conflict = entry.conflict!;
  if (conflict.status === 404 || conflict.status === 403) return t.offline.conflictGone(entry.label);
  if (conflict.code === 'TASK_CLOSED') return t.offline.conflictClosed(entry.label);
  return t.offline.conflictOther(entry.label, conflict.message);
}

/** Outcomes the server refused when they were sent: each said plainly until the volunteer dismisses it. */
export function OutboxConflicts({
  conflicts,
  onDismiss,
}: {
  conflicts: QueuedOutcome[];
  onDismiss: (key: string) => void;
}) {
  const { t } = useI18n();
  if (conflicts.length === 0) return null;
  return (
    <div className="alert alert-warning" role="alert">
      <h2 className="h5">{t.offline.conflictsTitle}</h2>
      <ul className="list-unstyled mb-0">
        {conflicts.map((entry) => (
          <li key={entry.key} className="mb-2">
            <p className="mb-1">{conflictText(t, entry)}</p>
            <button
              type="button"
              className="btn btn-outline-primary btn-sm"
              onClick={() => onDismiss(entry.key)}
            >
              {t.offline.dismiss}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
