import { api, withQuery } from '../../api/client';
import type { CompleteBody, Task, TaskStatus } from '../../../../shared/src/tasks/tasks.schemas';

export const TASKS_PAGE_SIZE = 50;

export interface TaskFilter {
  date?: string;
  status?: TaskStatus | '';
  organizationId?: string;
  comune?: string;
  volunteerId?: string;
  requestId?: string;
}

export const tasksPath = (filter: TaskFilter, page = 0, pageSize = TASKS_PAGE_SIZE) =>
  withQuery('/api/tasks', { ...filter, limit: pageSize, offset: page * pageSize });
export const myTasksPath = (date: string) => withQuery('/api/tasks/mine', { date });
export const taskPath = (id: string) => `/api/tasks/${encodeURIComponent(id)}`;
export const suggestionsPath = (id: string) => `${taskPath(id)}/suggestions`;

export const assignTask = (id: string, volunteerId: string) =>
  api.post<Task>(`${taskPath(id)}/assign`, { volunteerId });
export const acceptTask = (id: string) => api.post<Task>(`${taskPath(id)}/accept`);
export const declineTask = (id: string, reason: string) =>
  api.post<Task>(`${taskPath(id)}/decline`, { reason });
/** With the key of the outcome: sent again (from the offline queue), it is recorded once. */
export const completeTask = (id: string, body: CompleteBody, idempotencyKey: string) =>
  api.post<Task>(`${taskPath(id)}/complete`, body, { 'idempotency-key': idempotencyKey });
export const reimburseTask = (id: string, amountCents: number) =>
  api.post<Task>(`${taskPath(id)}/reimburse`, { amountCents });

/** Money the volunteer advanced and has not been paid back yet. */
export const outstandingCents = (task: Task) => task.moneyAdvancedCents - task.moneyReimbursedCents;
