import type { App } from '../../platform/http/types.js';
import { IdParams } from '../../../../shared/src/common/common.schemas.js';
import {
  CancelBody,
  CitizenRequestBody,
  CreatedRequest,
  CreateRequestBody,
  HelpRequest,
  FollowUpBody,
  HelpRequestDetail,
  RequestsPage,
  RequestsQuery,
  TriageBody,
} from '../../../../shared/src/requests/requests.schemas.js';
import * as requests from './requests.service.js';

export function registerRequestRoutes(app: App): void {
  const tags = ['requests'];
  app.get(
    '/api/requests',
    { schema: { tags, querystring: RequestsQuery, response: { 200: RequestsPage } } },
    async (req) => requests.listRequests(req.ctx, req.query),
  );
  app.post(
    '/api/requests',
    {
      config: { sessionReadInTransaction: true },
      schema: { tags, body: CreateRequestBody, response: { 201: CreatedRequest } },
    },
    async (req, reply) => reply.status(201).send(await requests.createRequest(req.ctx, req.body)),
  );
  app.post(
    '/api/requests/online',
    { schema: { tags, body: CitizenRequestBody, response: { 201: HelpRequestDetail } } },
    async (req, reply) => reply.status(201).send(await requests.createCitizenRequest(req.ctx, req.body)),
  );
  app.get('/api/requests/mine', { schema: { tags, response: { 200: RequestsPage } } }, async (req) =>
    requests.listOwnRequests(req.ctx),
  );
  app.post(
    '/api/requests/mine/:id/cancel',
    { schema: { tags, params: IdParams, response: { 200: HelpRequest } } },
    async (req) => requests.withdrawOwnRequest(req.ctx, req.params.id),
  );
  app.get(
    '/api/requests/:id',
    { schema: { tags, params: IdParams, response: { 200: HelpRequestDetail } } },
    async (req) => requests.getRequest(req.ctx, req.params.id),
  );
  app.post(
    '/api/requests/:id/triage',
    { schema: { tags, params: IdParams, body: TriageBody, response: { 200: HelpRequestDetail } } },
    async (req) => requests.triageRequest(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/requests/:id/cancel',
    { schema: { tags, params: IdParams, body: CancelBody, response: { 200: HelpRequestDetail } } },
    async (req) => requests.cancelRequest(req.ctx, req.params.id, req.body.reason),
  );
  app.post(
    '/api/requests/:id/follow-up',
    { schema: { tags, params: IdParams, body: FollowUpBody, response: { 200: HelpRequestDetail } } },
    async (req) => requests.followUpFailedDelivery(req.ctx, req.params.id, req.body),
  );
}
