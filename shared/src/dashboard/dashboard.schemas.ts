import { Type, type Static } from 'typebox';
import { Trimmed, IsoDate, IstatCode, Uuid } from '../common/common.schemas.js';

const Count = Type.Integer({ minimum: 0 });
/** One bar of a chart: an intervention type, a comune or an urgency, with its count. */
const Bucket = Type.Object({ key: Type.String(), label: Type.String(), count: Count });

const Period = Type.Union([Type.Literal('day'), Type.Literal('week')]);

export const Dashboard = Type.Object({
  /** The last day of the period (the day itself, or the Sunday of the week). */
  date: IsoDate,
  /** Its first day: the same day, or the Monday of the week. */
  from: IsoDate,
  period: Period,
  requestsToday: Count,
  /** Received by the end of the day and still to be triaged then. */
  awaitingTriage: Count,
  /** Open requests with a failed delivery, due by the day, that wait for a decision. */
  awaitingDecision: Count,
  requestsByType: Type.Array(Bucket),
  requestsByComune: Type.Array(Bucket),
  requestsByUrgency: Type.Array(Bucket),
  tasksToday: Count,
  unassignedToday: Count,
  overdue: Count,
  doneToday: Count,
  failedToday: Count,
  volunteersActive: Count,
  moneyAdvancedCents: Count,
  moneyToReimburseCents: Count,
  trend: Type.Array(Type.Object({ date: IsoDate, requests: Count, done: Count })),
  openByComune: Type.Array(
    Type.Object({
      comuneCode: IstatCode,
      name: Type.String(),
      latitude: Type.Number(),
      longitude: Type.Number(),
      open: Count,
    }),
  ),
});
export type Dashboard = Static<typeof Dashboard>;

export const DashboardQuery = Type.Object({
  date: Type.Optional(IsoDate),
  /** A day (default) or the ISO week holding `date`: the steering room's history. */
  period: Type.Optional(Period),
  ambito: Type.Optional(Trimmed({ maxLength: 40 })),
  comune: Type.Optional(IstatCode),
  organizationId: Type.Optional(Uuid),
});
export type DashboardQuery = Static<typeof DashboardQuery>;

const Queue = Type.Union([Count, Type.Null()]);
/**
 * What waits for the logged-in user, as counts of their own territory and organisations. A count
 * is null for a queue the user's roles do not have.
 */
export const WorkQueue = Type.Object({
  /** Requests received and not yet accepted or rejected. */
  requestsToTriage: Queue,
  /** Open requests whose delivery failed, waiting for a decision. */
  failedDeliveries: Queue,
  /** Open tasks due today or already late, with nobody assigned. */
  tasksToAssign: Queue,
  /** Money volunteers advanced that is not paid back yet. */
  moneyToReimburseCents: Queue,
  /** The volunteer's tasks assigned to him and not accepted or declined yet. */
  tasksToAnswer: Queue,
  /** The volunteer's tasks of today still to do. */
  myTasksToday: Queue,
});
export type WorkQueue = Static<typeof WorkQueue>;
