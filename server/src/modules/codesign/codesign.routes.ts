import { Type } from 'typebox';
import type { App } from '../../platform/http/types.js';
import { IdParams } from '../../../../shared/src/common/common.schemas.js';
import {
  AgreementBody,
  CallDetail,
  CreateCallBody,
  CreateCodesignProposalBody,
  PublicCall,
  ScoresBody,
} from '../../../../shared/src/codesign/codesign.schemas.js';
import * as codesign from './codesign.service.js';

export function registerCodesignRoutes(app: App): void {
  const tags = ['codesign'];
  app.get(
    '/api/public/codesign/calls',
    {
      schema: {
        tags,
        summary: 'Avvisi di co-progettazione aperti e chiusi, con gli accordi (pubblico)',
        response: { 200: Type.Array(PublicCall) },
      },
    },
    async (req) => codesign.listPublicCalls(req.ctx),
  );
  app.post(
    '/api/codesign/calls',
    { schema: { tags, body: CreateCallBody, response: { 201: CallDetail } } },
    async (req, reply) => reply.status(201).send(await codesign.createCall(req.ctx, req.body)),
  );
  app.get(
    '/api/codesign/calls/:id',
    { schema: { tags, params: IdParams, response: { 200: CallDetail } } },
    async (req) => codesign.getCall(req.ctx, req.params.id),
  );
  app.post(
    '/api/codesign/calls/:id/proposals',
    { schema: { tags, params: IdParams, body: CreateCodesignProposalBody, response: { 201: CallDetail } } },
    async (req, reply) =>
      reply.status(201).send(await codesign.createProposal(req.ctx, req.params.id, req.body)),
  );
  app.post(
    '/api/codesign/proposals/:id/scores',
    { schema: { tags, params: IdParams, body: ScoresBody, response: { 200: CallDetail } } },
    async (req) => codesign.scoreProposal(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/codesign/calls/:id/agreement',
    { schema: { tags, params: IdParams, body: AgreementBody, response: { 201: CallDetail } } },
    async (req, reply) =>
      reply.status(201).send(await codesign.signAgreement(req.ctx, req.params.id, req.body)),
  );
}
