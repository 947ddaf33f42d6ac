import { Type } from 'typebox';
import type { App } from '../../platform/http/types.js';
import { IdParams, IsoDate } from '../../../../shared/src/common/common.schemas.js';
import {
  AssignBody,
  CompleteBody,
  DeclineBody,
  IdempotencyKey,
  ReimburseBody,
  Suggestion,
  Task,
  TasksPage,
  TasksQuery,
} from '../../../../shared/src/tasks/tasks.schemas.js';
import * as tasks from './tasks.service.js';

export function registerTaskRoutes(app: App): void {
  const tags = ['tasks'];
  app.get(
    '/api/tasks',
    { schema: { tags, querystring: TasksQuery, response: { 200: TasksPage } } },
    async (req) => tasks.listTasks(req.ctx, req.query),
  );
  app.get(
    '/api/tasks/mine',
    {
      schema: {
        tags,
        querystring: Type.Object({ date: Type.Optional(IsoDate) }),
        response: { 200: TasksPage },
      },
    },
    async (req) => tasks.myTasks(req.ctx, req.query.date),
  );
  app.get('/api/tasks/:id', { schema: { tags, params: IdParams, response: { 200: Task } } }, async (req) =>
    tasks.getTask(req.ctx, req.params.id),
  );
  app.get(
    '/api/tasks/:id/suggestions',
    { schema: { tags, params: IdParams, response: { 200: Type.Array(Suggestion) } } },
    async (req) => tasks.suggestVolunteers(req.ctx, req.params.id),
  );
  app.post(
    '/api/tasks/:id/assign',
    {
      config: { sessionReadInTransaction: true },
      schema: { tags, params: IdParams, body: AssignBody, response: { 200: Task } },
    },
    async (req) => tasks.assignTask(req.ctx, req.params.id, req.body.volunteerId),
  );
  app.post(
    '/api/tasks/:id/accept',
    { schema: { tags, params: IdParams, response: { 200: Task } } },
    async (req) => tasks.respondToTask(req.ctx, req.params.id, { accept: true }),
  );
  app.post(
    '/api/tasks/:id/decline',
    { schema: { tags, params: IdParams, body: DeclineBody, response: { 200: Task } } },
    async (req) => tasks.respondToTask(req.ctx, req.params.id, { accept: false, reason: req.body.reason }),
  );
  app.post(
    '/api/tasks/:id/complete',
    {
      schema: {
        tags,
        params: IdParams,
        headers: Type.Object({ 'idempotency-key': Type.Optional(IdempotencyKey) }),
        body: CompleteBody,
        response: { 200: Task },
      },
    },
    async (req) =>
      tasks.completeTask(req.ctx, req.params.id, req.body, req.headers['idempotency-key'] ?? null),
  );
  app.post(
    '/api/tasks/:id/reimburse',
    { schema: { tags, params: IdParams, body: ReimburseBody, response: { 200: Task } } },
    async (req) => tasks.reimburseTask(req.ctx, req.params.id, req.body.amountCents),
  );
}
