import { Type, type Static } from 'typebox';
import { NonBlank, Trimmed, IsoDate, IstatCode, Uuid } from '../common/common.schemas.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const TASK_STATUSES = ['open', 'assigned', 'accepted', 'done', 'failed', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const OUTCOME_REASONS = [
  'not_home',
  'refused',
  'unreachable',
  'volunteer_unavailable',
  'other',
] as const;
export type OutcomeReason = (typeof OUTCOME_REASONS)[number];
export const TASK_EVENT_KINDS = [
  'assigned',
  'accepted',
  'declined',
  'released',
  'done',
  'failed',
  'reimbursed',
  'cancelled',
] as const;
export type TaskEventKind = (typeof TASK_EVENT_KINDS)[number];

/** One step of a task: who did it, when, to which volunteer, and why. */
export const TaskEvent = Type.Object({
  at: Type.String(),
  kind: Type.Enum(TASK_EVENT_KINDS),
  actorName: Nullable(Type.String()),
  volunteerName: Nullable(Type.String()),
  /** A decline's or a take-back's reason, as typed. */
  reason: Nullable(Type.String()),
  outcomeReason: Nullable(Type.Enum(OUTCOME_REASONS)),
  /** Money advanced (done, failed) or paid back (reimbursed). */
  amountCents: Nullable(Type.Integer()),
});
export type TaskEvent = Static<typeof TaskEvent>;

export const Task = Type.Object({
  id: Uuid,
  requestId: Uuid,
  organizationId: Nullable(Uuid),
  organizationName: Nullable(Type.String()),
  comuneCode: IstatCode,
  comuneName: Type.String(),
  interventionTypeId: Type.String(),
  interventionTypeName: Type.String(),
  urgency: Type.String(),
  dueDate: IsoDate,
  windowStart: Nullable(Type.String()),
  windowEnd: Nullable(Type.String()),
  address: Nullable(Type.String()),
  latitude: Nullable(Type.Number()),
  longitude: Nullable(Type.Number()),
  approximateLocation: Type.Boolean(),
  serviceMinutes: Type.Integer(),
  load: Type.Integer(),
  requiresCar: Type.Boolean(),
  requiresHealthTraining: Type.Boolean(),
  status: Type.Enum(TASK_STATUSES),
  beneficiary: Type.Object({
    givenName: Type.String(),
    familyName: Type.String(),
    phone: Nullable(Type.String()),
  }),
  volunteer: Nullable(Type.Object({ id: Uuid, name: Type.String(), phone: Type.String() })),
  assignedAt: Nullable(Type.String()),
  roundPosition: Nullable(Type.Integer()),
  /** When a published round expects the volunteer at this stop (HH:MM). */
  plannedStart: Nullable(Type.String()),
  outcomeReason: Nullable(Type.Enum(OUTCOME_REASONS)),
  outcomeNotes: Nullable(Type.String()),
  completedAt: Nullable(Type.String()),
  moneyAdvancedCents: Type.Integer(),
  moneyReimbursedCents: Type.Integer(),
  /** Every step, oldest first. */
  history: Type.Array(TaskEvent),
  abilities: Type.Object({
    assign: Type.Boolean(),
    respond: Type.Boolean(),
    complete: Type.Boolean(),
    reimburse: Type.Boolean(),
  }),
});
export type Task = Static<typeof Task>;

export const TasksQuery = Type.Object({
  date: Type.Optional(IsoDate),
  status: Type.Optional(Type.Enum(TASK_STATUSES)),
  organizationId: Type.Optional(Uuid),
  comune: Type.Optional(IstatCode),
  volunteerId: Type.Optional(Uuid),
  requestId: Type.Optional(Uuid),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 200 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
});
export type TasksQuery = Static<typeof TasksQuery>;

export const TasksPage = Type.Object({ items: Type.Array(Task), total: Type.Integer() });
export type TasksPage = Static<typeof TasksPage>;

export const Suggestion = Type.Object({
  volunteerId: Uuid,
  name: Type.String(),
  organizationName: Nullable(Type.String()),
  score: Type.Number(),
  tasksThatDay: Type.Integer(),
  maxTasksPerDay: Type.Integer(),
  sameComune: Type.Boolean(),
  inZone: Type.Boolean(),
  available: Type.Boolean(),
  hasCar: Type.Boolean(),
  eligible: Type.Boolean(),
  /** Why not eligible, in Italian (empty when eligible). */
  problems: Type.Array(Type.String()),
});
export type Suggestion = Static<typeof Suggestion>;

export const AssignBody = Type.Object({ volunteerId: Uuid }, { additionalProperties: false });
export const DeclineBody = Type.Object(
  { reason: NonBlank({ minLength: 2, maxLength: 500 }) },
  { additionalProperties: false },
);
export const CompleteBody = Type.Object(
  {
    outcome: Type.Enum(['done', 'failed']),
    reason: Type.Optional(Nullable(Type.Enum(OUTCOME_REASONS))),
    notes: Type.Optional(Nullable(Trimmed({ maxLength: 1000 }))),
    moneyAdvancedCents: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_00 })),
  },
  { additionalProperties: false },
);
export type CompleteBody = Static<typeof CompleteBody>;
/** The `Idempotency-Key` header of an outcome: the same key sent again records nothing more. */
export const IdempotencyKey = Type.String({ pattern: '^[A-Za-z0-9_.:-]{8,100}$' });
export const ReimburseBody = Type.Object(
  { amountCents: Type.Integer({ minimum: 1, maximum: 100_000_00 }) },
  { additionalProperties: false },
);
