import { requireActor, withScope } from '../../platform/access/access.js';
import { can, organizationsLimiting } from '../../platform/access/actor.js';
import type { Context } from '../../platform/context.js';
import { dateInRome } from '../../platform/time.js';
import { money, type DownloadLocale, type Table, type TableCell } from '../../platform/http/download.js';
import type { Urgency } from '../../../../shared/src/requests/requests.schemas.js';
import type {
  Dashboard,
  DashboardQuery,
  WorkQueue,
} from '../../../../shared/src/dashboard/dashboard.schemas.js';
import * as repo from './dashboard.repository.js';

/** A day, or the ISO week (Monday to Sunday) holding it: its first and last day. */
export function periodOf(date: string, period: 'day' | 'week'): { from: string; date: string } {
  if (period === 'day') return { from: date, date };
  const day = new Date(`${date}T12:00:00Z`);
  const monday = new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * 86_400_000);
  const sunday = new Date(monday.getTime() + 6 * 86_400_000);
  return { from: monday.toISOString().slice(0, 10), date: sunday.toISOString().slice(0, 10) };
}

/** The steering room's picture of a day or a week, past or present, limited to the actor's territory (and organisation). */
export async function getDashboard(ctx: Context, query: DashboardQuery): Promise<Dashboard> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'dashboard.read', async (tx) => {
    const period = periodOf(query.date ?? dateInRome(), query.period ?? 'day');
    const filter: repo.DashboardFilter = {
      ...period,
      ambitoId: query.ambito ?? null,
      comuneCode: query.comune ?? null,
      organizationIds: organizationsLimiting(actor, 'dashboard.read', query.organizationId),
    };
    const [byType, byComune, byUrgency, c, days, open] = [
      await repo.requestBuckets(tx, filter, 'type'),
      await repo.requestBuckets(tx, filter, 'comune'),
      await repo.requestBuckets(tx, filter, 'urgency'),
      await repo.counters(tx, filter),
      await repo.trend(tx, filter),
      await repo.openByComune(tx, filter),
    ];
    return {
      date: filter.date,
      from: filter.from,
      period: query.period ?? 'day',
      requestsToday: c.requests_today,
      awaitingTriage: c.awaiting_triage,
      awaitingDecision: c.awaiting_decision,
      requestsByType: byType,
      requestsByComune: byComune,
      requestsByUrgency: byUrgency,
      tasksToday: c.tasks_today,
      unassignedToday: c.unassigned_today,
      overdue: c.overdue,
      doneToday: c.done_today,
      failedToday: c.failed_today,
      volunteersActive: c.volunteers_active,
      moneyAdvancedCents: c.money_advanced,
      moneyToReimburseCents: c.money_to_reimburse,
      trend: days,
      openByComune: open.map((o) => ({
        comuneCode: o.comune_code,
        name: o.name,
        latitude: o.latitude,
        longitude: o.longitude,
        open: o.open,
      })),
    };
  });
}

const EXPORT_LABELS = {
  it: {
    header: ['Sezione', 'Voce', 'Valore'],
    summary: 'Riepilogo',
    from: 'Dal',
    date: 'Al',
    requests: 'Richieste ricevute',
    awaitingTriage: 'Richieste da valutare',
    awaitingDecision: 'Consegne non riuscite da decidere',
    tasks: 'Compiti del periodo',
    unassigned: 'Compiti non assegnati',
    overdue: 'Compiti in ritardo',
    done: 'Compiti svolti',
    failed: 'Compiti non riusciti',
    volunteers: 'Volontari attivi',
    moneyAdvanced: 'Denaro anticipato dai volontari (€)',
    moneyToReimburse: 'Denaro da rimborsare (€)',
    byType: 'Richieste per tipo',
    byComune: 'Richieste per comune',
    byUrgency: 'Richieste per urgenza',
    openByComune: 'Richieste aperte per comune',
    trendRequests: 'Andamento 30 giorni: richieste',
    trendDone: 'Andamento 30 giorni: compiti svolti',
    urgencies: { low: 'Bassa', normal: 'Normale', high: 'Alta', critical: 'Critica' },
    sheet: 'Cabina di regia',
  },
  en: {
    header: ['Section', 'Item', 'Value'],
    summary: 'Summary',
    from: 'From',
    date: 'To',
    requests: 'Requests received',
    awaitingTriage: 'Requests awaiting triage',
    awaitingDecision: 'Failed deliveries awaiting a decision',
    tasks: 'Tasks of the period',
    unassigned: 'Unassigned tasks',
    overdue: 'Overdue tasks',
    done: 'Tasks done',
    failed: 'Tasks failed',
    volunteers: 'Active volunteers',
    moneyAdvanced: 'Money advanced by volunteers (€)',
    moneyToReimburse: 'Money to reimburse (€)',
    byType: 'Requests by type',
    byComune: 'Requests by comune',
    byUrgency: 'Requests by urgency',
    openByComune: 'Open requests by comune',
    trendRequests: '30-day trend: requests',
    trendDone: '30-day trend: tasks done',
    urgencies: { low: 'Low', normal: 'Normal', high: 'High', critical: 'Critical' },
    sheet: 'Steering room',
  },
} satisfies Record<DownloadLocale, { urgencies: Record<Urgency, string> } & Record<string, unknown>>;

/**
 * Every figure of the steering room's page as a table (aggregates only, no personal data), named
 * in the reader's language: the counters, the money, each chart's table and the open requests by comune.
 */
export async function dashboardTable(
  ctx: Context,
  query: DashboardQuery,
  locale: DownloadLocale,
): Promise<{ table: Table; sheetName: string }> {
  const d = await getDashboard(ctx, query);
  const l = EXPORT_LABELS[locale];
  const typeNames =
    locale === 'en' ? await withScope(ctx, 'dashboard.read', (tx) => repo.typeNamesEn(tx)) : null;
  const urgencyName = (key: string) => l.urgencies[key as Urgency] ?? key;
  const table: TableCell[][] = [
    l.header,
    [l.summary, l.from, d.from],
    [l.summary, l.date, d.date],
    [l.summary, l.requests, d.requestsToday],
    [l.summary, l.awaitingTriage, d.awaitingTriage],
    [l.summary, l.awaitingDecision, d.awaitingDecision],
    [l.summary, l.tasks, d.tasksToday],
    [l.summary, l.unassigned, d.unassignedToday],
    [l.summary, l.overdue, d.overdue],
    [l.summary, l.done, d.doneToday],
    [l.summary, l.failed, d.failedToday],
    [l.summary, l.volunteers, d.volunteersActive],
    [l.summary, l.moneyAdvanced, money(d.moneyAdvancedCents)],
    [l.summary, l.moneyToReimburse, money(d.moneyToReimburseCents)],
    ...d.requestsByType.map((b) => [l.byType, typeNames?.get(b.key) ?? b.label, b.count]),
    ...d.requestsByComune.map((b) => [l.byComune, b.label, b.count]),
    ...d.requestsByUrgency.map((b) => [l.byUrgency, urgencyName(b.key), b.count]),
    ...d.openByComune.map((o) => [l.openByComune, o.name, o.open]),
    ...d.trend.map((t) => [l.trendRequests, t.date, t.requests]),
    ...d.trend.map((t) => [l.trendDone, t.date, t.done]),
  ];
  return { table, sheetName: l.sheet };
}

/**
 * What waits for the logged-in user: each queue counted only for a role that works it, in the
 * territory (and organisations) of that role. Counts only: nothing personal, nothing to audit.
 */
export async function getWorkQueue(ctx: Context): Promise<WorkQueue> {
  const actor = requireActor(ctx);
  const date = dateInRome();
  const triage = can(actor, 'request.triage')
    ? await withScope(ctx, 'request.triage', (tx) => repo.queueCounts(tx, { date, organizationIds: null }))
    : null;
  const assign = can(actor, 'task.assign')
    ? await withScope(ctx, 'task.assign', (tx) =>
        repo.queueCounts(tx, { date, organizationIds: organizationsLimiting(actor, 'task.assign') }),
      )
    : null;
  const own = can(actor, 'task.own')
    ? await withScope(ctx, 'task.own', (tx) => repo.volunteerQueueCounts(tx, { date, userId: actor.userId }))
    : null;
  return {
    requestsToTriage: triage?.requests_to_triage ?? null,
    failedDeliveries: triage?.failed_deliveries ?? null,
    tasksToAssign: assign?.tasks_to_assign ?? null,
    moneyToReimburseCents: assign?.money_to_reimburse ?? null,
    tasksToAnswer: own?.to_answer ?? null,
    myTasksToday: own?.today ?? null,
  };
}
