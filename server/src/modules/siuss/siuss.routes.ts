import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../platform/http/types.js';
import {
  ComuneParams,
  EnteKey,
  ExportResult,
  FlussiQuery,
  KindParams,
  PeriodQuery,
  RecordsQuery,
  SiussCode,
  SiussEnte,
  SiussRecord,
  UpdateCodeBody,
  UpdateEnteBody,
  WaasEntries,
  WaasEsitiBody,
  WaasProblem,
} from '../../../../shared/src/siuss/siuss.schemas.js';
import * as siuss from './siuss.service.js';

// The partner each WaaS request authenticated as, before its body or query was read.
const partners = new WeakMap<FastifyRequest, siuss.WaasPartner>();

/**
 * Checks the comune's key before parsing: an anonymous caller learns only that it is one. Its
 * refusal, like every error of these routes, answers problem+json (`errorFormat`).
 */
async function authenticate(request: FastifyRequest): Promise<void> {
  partners.set(request, await siuss.authenticateWaas(request.ctx, request.headers.authorization));
}

function partnerOf(request: FastifyRequest): siuss.WaasPartner {
  const partner = partners.get(request);
  if (!partner) throw new Error('WaaS route without its onRequest authentication');
  return partner;
}

export function registerSiussRoutes(app: App): void {
  const tags = ['siuss'];
  app.get('/api/siuss/codes', { schema: { tags, response: { 200: Type.Array(SiussCode) } } }, async (req) =>
    siuss.listCodes(req.ctx),
  );
  app.put(
    '/api/siuss/codes/:kind',
    { schema: { tags, params: KindParams, body: UpdateCodeBody, response: { 200: SiussCode } } },
    async (req) => siuss.updateCode(req.ctx, req.params.kind, req.body),
  );
  app.get('/api/siuss/entes', { schema: { tags, response: { 200: Type.Array(SiussEnte) } } }, async (req) =>
    siuss.listEntes(req.ctx),
  );
  app.put(
    '/api/siuss/entes/:code',
    { schema: { tags, params: ComuneParams, body: UpdateEnteBody, response: { 200: SiussEnte } } },
    async (req) => siuss.updateEnte(req.ctx, req.params.code, req.body),
  );
  app.post(
    '/api/siuss/entes/:code/key',
    { schema: { tags, params: ComuneParams, response: { 201: EnteKey } } },
    async (req, reply) => reply.status(201).send(await siuss.createEnteKey(req.ctx, req.params.code)),
  );
  app.get(
    '/api/siuss/export',
    { schema: { tags, querystring: PeriodQuery, response: { 200: ExportResult } } },
    async (req) => siuss.exportBulk(req.ctx, req.query),
  );
  app.get(
    '/api/siuss/records',
    { schema: { tags, querystring: RecordsQuery, response: { 200: Type.Array(SiussRecord) } } },
    async (req) => siuss.listRecords(req.ctx, req.query),
  );

  // INPS's "Welfare as a Service" client: no session, a per-comune key (Authorization: Bearer);
  // errors as problem+json (RFC 7807), as waas-api-comuni.yaml declares.
  const waas = ['siuss-waas'];
  const PROBLEM_JSON = { errorFormat: 'problem' as const };
  app.get(
    '/api/siuss/waas/flussi',
    {
      onRequest: authenticate,
      config: PROBLEM_JSON,
      schema: { tags: waas, querystring: FlussiQuery, response: { 200: WaasEntries, 401: WaasProblem } },
    },
    async (req) => siuss.pullFlows(req.ctx, partnerOf(req), req.query),
  );
  app.post(
    '/api/siuss/waas/esiti',
    {
      onRequest: authenticate,
      config: PROBLEM_JSON,
      schema: { tags: waas, body: WaasEsitiBody, response: { 204: Type.Null(), 401: WaasProblem } },
    },
    async (req, reply) => {
      await siuss.receiveOutcomes(req.ctx, partnerOf(req), req.body);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/siuss/waas/status',
    { config: PROBLEM_JSON, schema: { tags: waas, response: { 200: WaasProblem } } },
    async (req, reply) => reply.type('application/problem+json').send(await siuss.waasStatus(req.ctx)),
  );
}
