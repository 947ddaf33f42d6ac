import { Type } from 'typebox';
import type { App } from '../../platform/http/types.js';
import { IdParams } from '../../../../shared/src/common/common.schemas.js';
import {
  DropOutBody,
  DropOutResult,
  MoveStopBody,
  PlanRoundsBody,
  PublishResult,
  RoundPlan,
  RoundPlanSummary,
  RoundPlansQuery,
} from '../../../../shared/src/rounds/rounds.schemas.js';
import * as rounds from './rounds.service.js';

export function registerRoundRoutes(app: App): void {
  const tags = ['rounds'];
  app.post(
    '/api/rounds',
    { schema: { tags, body: PlanRoundsBody, response: { 202: Type.Object({ id: Type.String() }) } } },
    async (req, reply) => reply.status(202).send(await rounds.startPlanning(req.ctx, req.body)),
  );
  app.get(
    '/api/rounds',
    { schema: { tags, querystring: RoundPlansQuery, response: { 200: Type.Array(RoundPlanSummary) } } },
    async (req) => rounds.listPlans(req.ctx, req.query),
  );
  app.get(
    '/api/rounds/:id',
    { schema: { tags, params: IdParams, response: { 200: RoundPlan } } },
    async (req) => rounds.getPlan(req.ctx, req.params.id),
  );
  app.post(
    '/api/rounds/:id/move',
    { schema: { tags, params: IdParams, body: MoveStopBody, response: { 200: RoundPlan } } },
    async (req) => rounds.moveStop(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/rounds/:id/publish',
    { schema: { tags, params: IdParams, response: { 200: PublishResult } } },
    async (req) => rounds.publishPlan(req.ctx, req.params.id),
  );
  app.post(
    '/api/rounds/:id/drop-out',
    { schema: { tags, params: IdParams, body: DropOutBody, response: { 202: DropOutResult } } },
    async (req, reply) => reply.status(202).send(await rounds.dropOut(req.ctx, req.params.id, req.body)),
  );
}
