/*
 * What other modules may use of tasks: the tasks a help request becomes (the requests module creates
 * and cancels them), and those tasks for a case's timeline.
 */
import type { Tx } from '../../platform/db/database.js';
import * as repo from './tasks.repository.js';

export type { TaskRow } from './tasks.repository.js';
export { cancelOpenTasksOfRequest, insertTasks, taskIdsOfRequest } from './tasks.repository.js';

/** The tasks a help request became, by due date. */
export async function tasksOfHelpRequest(tx: Tx, requestId: string): Promise<repo.TaskRow[]> {
  const ids = await repo.taskIdsOfRequest(tx, requestId);
  return ids.length ? repo.findTasksByIds(tx, ids) : [];
}
