import { Type, type Static } from 'typebox';
import { IsoDate, Uuid } from '../common/common.schemas.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Clock = Type.String({ pattern: '^[0-9]{2}:[0-9]{2}$' });

export const PlanRoundsBody = Type.Object(
  {
    date: IsoDate,
    organizationId: Type.Optional(Uuid),
    /** Seconds the planner may search; the best plan so far is returned then. */
    timeLimitSeconds: Type.Optional(Type.Integer({ minimum: 1, maximum: 60 })),
  },
  { additionalProperties: false },
);
export type PlanRoundsBody = Static<typeof PlanRoundsBody>;

export const RoundStop = Type.Object({
  taskId: Uuid,
  arrival: Clock,
  serviceStart: Clock,
  departure: Clock,
  comuneName: Type.String(),
  address: Nullable(Type.String()),
  beneficiaryName: Type.String(),
  beneficiaryPhone: Nullable(Type.String()),
  interventionTypeName: Type.String(),
  latitude: Type.Number(),
  longitude: Type.Number(),
  approximateLocation: Type.Boolean(),
  load: Type.Integer(),
});
export type RoundStop = Static<typeof RoundStop>;

export const Round = Type.Object({
  volunteerId: Uuid,
  volunteerName: Type.String(),
  volunteerPhone: Type.String(),
  departure: Clock,
  returnTime: Clock,
  distanceKm: Type.Number(),
  load: Type.Integer(),
  capacity: Type.Integer(),
  stops: Type.Array(RoundStop),
  /** Problems of a round after a manual change (late arrival, over capacity, missing skill), in Italian. */
  warnings: Type.Array(Type.String()),
});
export type Round = Static<typeof Round>;

export const Substitutes = Type.Array(
  Type.Object({
    taskId: Uuid,
    beneficiaryName: Type.String(),
    candidates: Type.Array(
      Type.Object({
        volunteerId: Uuid,
        volunteerName: Type.String(),
        addedDistanceKm: Type.Number(),
        currentTasks: Type.Integer(),
        slackMinutes: Type.Number(),
      }),
    ),
  }),
);

export const RoundPlan = Type.Object({
  id: Uuid,
  date: IsoDate,
  organizationId: Uuid,
  organizationName: Type.String(),
  status: Type.Enum(['planning', 'ready', 'failed', 'published', 'superseded']),
  progress: Nullable(
    Type.Object({
      iteration: Type.Integer(),
      elapsedMs: Type.Number(),
      phase: Type.String(),
      bestVehicles: Type.Integer(),
      bestDistance: Type.Number(),
      unserved: Type.Integer(),
    }),
  ),
  timeLimitMs: Type.Integer(),
  error: Nullable(Type.String()),
  tasksCount: Type.Integer(),
  volunteersAvailable: Type.Integer(),
  /** Every volunteer the plan could use, with or without a round: targets for a manual move. */
  volunteers: Type.Array(Type.Object({ id: Uuid, name: Type.String(), capacity: Type.Integer() })),
  rounds: Type.Array(Round),
  unserved: Type.Array(
    Type.Object({
      taskId: Uuid,
      reason: Type.String(),
      message: Type.String(),
      comuneName: Type.String(),
      beneficiaryName: Type.String(),
    }),
  ),
  totalDistanceKm: Type.Number(),
  droppedVolunteerId: Nullable(Uuid),
  publishedAt: Nullable(Type.String()),
  /** A re-plan after a drop-out: per remaining task of who dropped out, the best substitutes (once computed). */
  substitutes: Substitutes,
});
export type RoundPlan = Static<typeof RoundPlan>;

export const MoveStopBody = Type.Object(
  { taskId: Uuid, toVolunteerId: Uuid, position: Type.Integer({ minimum: 0 }) },
  { additionalProperties: false },
);
export type MoveStopBody = Static<typeof MoveStopBody>;

export const DropOutBody = Type.Object(
  { volunteerId: Uuid, from: Type.Optional(Clock) },
  { additionalProperties: false },
);
export type DropOutBody = Static<typeof DropOutBody>;

/** The re-plan after a drop-out, still being computed: poll it until it is ready. */
export const DropOutResult = Type.Object({ replan: RoundPlan });
export type DropOutResult = Static<typeof DropOutResult>;

export const PublishResult = Type.Object({
  assigned: Type.Integer(),
  conflicts: Type.Array(Type.Object({ taskId: Uuid, message: Type.String() })),
});
export type PublishResult = Static<typeof PublishResult>;

export const RoundPlansQuery = Type.Object({ date: IsoDate, organizationId: Type.Optional(Uuid) });

export const RoundPlanSummary = Type.Object({
  id: Uuid,
  date: IsoDate,
  organizationName: Type.String(),
  status: Type.Enum(['planning', 'ready', 'failed', 'published', 'superseded']),
  createdAt: Type.String(),
  publishedAt: Nullable(Type.String()),
  droppedVolunteerId: Nullable(Uuid),
});
export type RoundPlanSummary = Static<typeof RoundPlanSummary>;
