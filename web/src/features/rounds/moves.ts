import type { RoundPlan } from '../../../../shared/src/rounds/rounds.schemas';

export interface StopPlace {
  volunteerId: string;
  /** Zero-based position in the round. */
  index: number;
}

/** Where a task is in the plan; null for an unserved task. */
export function placeOf(plan: Pick<RoundPlan, 'rounds'>, taskId: string): StopPlace | null {
  for (const round of plan.rounds) {
    const index = round.stops.findIndex((s) => s.taskId === taskId);
    if (index >= 0) return { volunteerId: round.volunteerId, index };
  }
  return null;
}

/**
 * The `position` to send to the server for a stop dropped before the stop at `targetIndex` of a
 * round (or at its end, `targetIndex` = its length). The server takes the stop out first and then
 * inserts it, so moving down within the same round shifts the target up by one.
 */
export function dropPosition(from: StopPlace | null, to: StopPlace): number {
  if (from && from.volunteerId === to.volunteerId && from.index < to.index) return to.index - 1;
  return to.index;
}

/** How many positions a stop can take in a round: one more than its stops, unless it is already there. */
export function positionsIn(plan: Pick<RoundPlan, 'rounds'>, taskId: string, volunteerId: string): number {
  const round = plan.rounds.find((r) => r.volunteerId === volunteerId);
  const length = round?.stops.length ?? 0;
  return round?.stops.some((s) => s.taskId === taskId) ? length : length + 1;
}

/** Whether a move would leave the plan as it is (same round, same position). */
export function isNoMove(from: StopPlace | null, volunteerId: string, position: number): boolean {
  return from !== null && from.volunteerId === volunteerId && from.index === position;
}
