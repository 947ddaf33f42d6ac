/*
 * What other modules may use of tasks: the tasks a help request becomes (the requests module creates
 * and cancels them), those tasks for a case's timeline, and what round planning reads and publishes.
 * Every function takes a `Tx` already inside the caller's scope (`withScope`): row-level security
 * limits the rows to that territory. Only this module writes task rows.
 */
import type { Tx } from '../../platform/db/database.js';
import * as repo from './tasks.repository.js';

export type { PlanningTaskRow, TaskRow } from './tasks.repository.js';
export {
  cancelOpenTasksOfRequest,
  insertTasks,
  requestsWithVolunteer,
  markFailuresFollowedUp,
  taskIdsOfRequest,
} from './tasks.repository.js';
export { findTasksByIds, openTasksForPlanning, tasksPerVolunteer } from './tasks.repository.js';
export { assignPlannedStops, type PlannedStop } from './tasks.service.js';

/** The tasks a help request became, by due date. */
export async function tasksOfHelpRequest(tx: Tx, requestId: string): Promise<repo.TaskRow[]> {
  const ids = await repo.taskIdsOfRequest(tx, requestId);
  return ids.length ? repo.findTasksByIds(tx, ids) : [];
}

// The annual report's figures of the volunteers' work (aggregates only).
export { volunteerYears, type VolunteerYear } from './tasks.statistics.js';
