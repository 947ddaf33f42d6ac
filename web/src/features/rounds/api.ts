import { api, withQuery } from '../../api/client';
import type {
  DropOutBody,
  DropOutResult,
  MoveStopBody,
  PlanRoundsBody,
  PublishResult,
  RoundPlan,
} from '../../../../shared/src/rounds/rounds.schemas';
import type { TasksPage } from '../../../../shared/src/tasks/tasks.schemas';

const planPath = (id: string) => `/api/rounds/${encodeURIComponent(id)}`;

/** Starts the planner for a day; it runs on the server, the plan is then polled by id. */
export const startPlanning = (body: PlanRoundsBody) => api.post<{ id: string }>('/api/rounds', body);

export const fetchPlan = (id: string, signal?: AbortSignal) => api.get<RoundPlan>(planPath(id), signal);

/** Moves a stop (or an unserved task) into a round; never refused for rules, the warnings say what breaks. */
export const moveStop = (id: string, body: MoveStopBody) => api.post<RoundPlan>(`${planPath(id)}/move`, body);

export const publishPlan = (id: string) => api.post<PublishResult>(`${planPath(id)}/publish`);

export const dropOut = (id: string, body: DropOutBody) =>
  api.post<DropOutResult>(`${planPath(id)}/drop-out`, body);

/** The logged-in volunteer's tasks of a day, in round order. */
export const myTasksPath = (date: string) => withQuery('/api/tasks/mine', { date });
export type { TasksPage };
