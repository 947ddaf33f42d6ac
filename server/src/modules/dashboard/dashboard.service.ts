import { stringify } from 'csv-stringify/sync';
import { requireActor, withScope } from '../../platform/access/access.js';
import { can, organizationsLimiting } from '../../platform/access/actor.js';
import type { Context } from '../../platform/context.js';
import { dateInRome } from '../../platform/time.js';
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

/** The same picture as CSV (aggregates only, no personal data), one section per table. */
export async function dashboardCsv(ctx: Context, query: DashboardQuery): Promise<string> {
  const d = await getDashboard(ctx, query);
  const rows: (string | number)[][] = [
    ['sezione', 'voce', 'valore'],
    ['riepilogo', 'dal', d.from],
    ['riepilogo', 'data', d.date],
    ['riepilogo', 'richieste del giorno', d.requestsToday],
    ['riepilogo', 'richieste da valutare', d.awaitingTriage],
    ['riepilogo', 'consegne non riuscite da decidere', d.awaitingDecision],
    ['riepilogo', 'compiti del giorno', d.tasksToday],
    ['riepilogo', 'compiti non assegnati', d.unassignedToday],
    ['riepilogo', 'compiti in ritardo', d.overdue],
    ['riepilogo', 'compiti svolti', d.doneToday],
    ['riepilogo', 'compiti non riusciti', d.failedToday],
    ['riepilogo', 'volontari attivi', d.volunteersActive],
    ...d.requestsByType.map((b) => ['richieste per tipo', b.label, b.count]),
    ...d.requestsByComune.map((b) => ['richieste per comune', b.label, b.count]),
    ...d.requestsByUrgency.map((b) => ['richieste per urgenza', b.label, b.count]),
    ...d.trend.map((t) => ['andamento 30 giorni: richieste', t.date, t.requests]),
    ...d.trend.map((t) => ['andamento 30 giorni: compiti svolti', t.date, t.done]),
  ];
  return stringify(rows);
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
