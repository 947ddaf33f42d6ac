import { Link, useSearchParams } from 'react-router';
import type { TasksPage } from '../../../../shared/src/tasks/tasks.schemas';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDate } from '../../i18n/format';
import { OfflineBanner } from '../../features/offline/OfflineNotices';
import { useOfflineApp } from '../../features/offline/offlineApp';
import { myTasksPath } from '../../features/rounds/api';
import { orderStops } from '../../features/rounds/roundSheet';
import { addDaysIso, todayIso } from '../../i18n/dates';
import { RoundSheetStop } from '../../features/rounds/RoundSheetStop';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { TextField } from '../../ui/fields';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import '../../features/rounds/rounds.css';

const DATE_PARAM = 'data';
const isIsoDate = (value: string | null): value is string =>
  value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value);

/**
 * "Il mio giro": the volunteer's round of a day on the phone, stop by stop in the published order,
 * with the planned time, one tap to call the person and one to get directions. Today's and
 * tomorrow's sheets are kept on the phone for when the network goes.
 */
export function MyRoundPage() {
  const { t, locale } = useI18n();
  const [params, setParams] = useSearchParams();
  const today = todayIso();
  const requested = params.get(DATE_PARAM);
  const date = isIsoDate(requested) ? requested : today;
  const tasks = useApi<TasksPage>(myTasksPath(date));
  useOfflineApp([myTasksPath(today), myTasksPath(addDaysIso(today, 1))]);
  const stops = orderStops((tasks.data?.items ?? []).filter((task) => task.status !== 'cancelled'));
  const first = stops.find((s) => s.plannedStart)?.plannedStart;

  const choose = (value: string) =>
    setParams(value && value !== today ? { [DATE_PARAM]: value } : {}, { replace: true });

  return (
    <Page
      title={t.rounds.sheetTitle}
      lead={t.rounds.sheetLead}
      breadcrumbs={[{ label: t.shell.home, to: '/' }]}
    >
      <div className="round-sheet">
        <form
          className="row align-items-end"
          onSubmit={(e) => e.preventDefault()}
          aria-label={t.rounds.sheetDateForm}
        >
          <TextField
            id="sheet-date"
            className="col-12 col-md-4"
            type="date"
            label={t.rounds.sheetDate}
            value={date}
            onChange={choose}
          />
          <div className="col-12 col-md-8 form-group d-flex flex-wrap gap-2">
            {[
              { label: t.rounds.today, value: today },
              { label: t.rounds.tomorrow, value: addDaysIso(todayIso(), 1) },
            ].map((day) => (
              <button
                key={day.value}
                type="button"
                className={`btn ${date === day.value ? 'btn-primary' : 'btn-outline-primary'}`}
                onClick={() => choose(day.value)}
                aria-pressed={date === day.value}
              >
                {day.label}
              </button>
            ))}
          </div>
        </form>
        <OfflineBanner />
        <ApiErrorAlert error={tasks.error} />
        {tasks.loading && !tasks.data && <Loading />}
        {tasks.data && (
          <>
            <h2 className="h3" aria-live="polite">
              {stops.length === 0
                ? t.rounds.sheetEmpty(formatDate(date, locale))
                : t.rounds.sheetSummary(stops.length, formatDate(date, locale), first ?? null)}
            </h2>
            <ol className="list-unstyled round-sheet-list">
              {stops.map((task, index) => (
                <RoundSheetStop key={task.id} task={task} number={index + 1} />
              ))}
            </ol>
            {stops.length > 0 && date === today && (
              <p>
                <Link to="/miei-compiti">{t.rounds.sheetToTasks}</Link>
              </p>
            )}
          </>
        )}
      </div>
    </Page>
  );
}
