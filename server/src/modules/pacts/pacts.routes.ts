import { Type } from 'typebox';
import { PUBLIC_FORM_RATE_LIMIT, type App } from '../../platform/http/types.js';
import { IdParams } from '../../../../shared/src/common/common.schemas.js';
import {
  Activity,
  Commons,
  CommonsQuery,
  CreateActivityBody,
  CreateCommonsBody,
  CreatePactBody,
  CreateProposalBody,
  DecideProposalBody,
  Pact,
  Proposal,
  PublicPact,
  PublicPactsQuery,
  RenewPactBody,
} from '../../../../shared/src/pacts/pacts.schemas.js';
import * as pacts from './pacts.service.js';

export function registerPactRoutes(app: App): void {
  const tags = ['pacts'];
  app.get(
    '/api/commons',
    {
      schema: {
        tags,
        summary: 'Registro dei beni comuni (pubblico)',
        querystring: CommonsQuery,
        response: { 200: Type.Array(Commons) },
      },
    },
    async (req) => pacts.listCommons(req.ctx, req.query),
  );
  app.post(
    '/api/commons',
    { schema: { tags, body: CreateCommonsBody, response: { 201: Commons } } },
    async (req, reply) => reply.status(201).send(await pacts.createCommons(req.ctx, req.body)),
  );
  app.get(
    '/api/public/pacts',
    {
      schema: {
        tags,
        summary: 'Patti di collaborazione in vigore, per comune (pubblico)',
        querystring: PublicPactsQuery,
        response: { 200: Type.Array(PublicPact) },
      },
    },
    async (req) => pacts.listPublicPacts(req.ctx, req.query),
  );
  app.get(
    '/api/pacts/proposals',
    { schema: { tags, response: { 200: Type.Array(Proposal) } } },
    async (req) => pacts.listProposals(req.ctx),
  );
  app.post(
    '/api/pacts/proposals',
    {
      config: { rateLimit: PUBLIC_FORM_RATE_LIMIT },
      schema: { tags, body: CreateProposalBody, response: { 201: Proposal } },
    },
    async (req, reply) => reply.status(201).send(await pacts.createProposal(req.ctx, req.body)),
  );
  app.post(
    '/api/pacts/proposals/:id/decision',
    { schema: { tags, params: IdParams, body: DecideProposalBody, response: { 200: Proposal } } },
    async (req) => pacts.decideProposal(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/pacts',
    { schema: { tags, body: CreatePactBody, response: { 201: Pact } } },
    async (req, reply) => reply.status(201).send(await pacts.createPact(req.ctx, req.body)),
  );
  app.get(
    '/api/pacts',
    {
      schema: {
        tags,
        summary: 'I patti del territorio in ogni stato: in arrivo, in vigore, conclusi',
        querystring: PublicPactsQuery,
        response: { 200: Type.Array(PublicPact) },
      },
    },
    async (req) => pacts.listPacts(req.ctx, req.query),
  );
  app.get('/api/pacts/:id', { schema: { tags, params: IdParams, response: { 200: Pact } } }, async (req) =>
    pacts.getPact(req.ctx, req.params.id),
  );
  app.post(
    '/api/pacts/:id/renewal',
    { schema: { tags, params: IdParams, body: RenewPactBody, response: { 201: Pact } } },
    async (req, reply) => reply.status(201).send(await pacts.renewPact(req.ctx, req.params.id, req.body)),
  );
  app.post(
    '/api/pacts/:id/activities',
    { schema: { tags, params: IdParams, body: CreateActivityBody, response: { 201: Activity } } },
    async (req, reply) => reply.status(201).send(await pacts.addActivity(req.ctx, req.params.id, req.body)),
  );
}
