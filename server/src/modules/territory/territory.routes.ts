import { Type } from 'typebox';
import type { App } from '../../platform/http/types.js';
import { IstatCode } from '../../../../shared/src/common/common.schemas.js';
import {
  Ambito,
  Comune,
  ComuniQuery,
  CreateSubAmbitoBody,
  MapSettings,
  ReassignComuneBody,
  SubAmbito,
} from '../../../../shared/src/territory/territory.schemas.js';
import * as territory from './territory.service.js';

const tags = ['territory'];
const CodeParams = Type.Object({ code: IstatCode });

export function registerTerritoryRoutes(app: App): void {
  app.get('/api/ambiti', { schema: { tags, response: { 200: Type.Array(Ambito) } } }, async (req) =>
    territory.listAmbiti(req.ctx),
  );
  app.get(
    '/api/comuni',
    { schema: { tags, querystring: ComuniQuery, response: { 200: Type.Array(Comune) } } },
    async (req) => territory.listComuni(req.ctx, { ambitoId: req.query.ambito, q: req.query.q }),
  );
  app.get(
    '/api/comuni/:code',
    { schema: { tags, params: CodeParams, response: { 200: Comune } } },
    async (req) => territory.getComune(req.ctx, req.params.code),
  );
  app.patch(
    '/api/comuni/:code',
    { schema: { tags, params: CodeParams, body: ReassignComuneBody, response: { 200: Comune } } },
    async (req) => territory.reassignComune(req.ctx, req.params.code, req.body),
  );
  app.post(
    '/api/sub-ambiti',
    { schema: { tags, body: CreateSubAmbitoBody, response: { 201: SubAmbito } } },
    async (req, reply) =>
      reply.status(201).send(await territory.createSubAmbito(req.ctx, req.body.ambitoId, req.body.name)),
  );
  // Public: the same for everyone, and no personal data.
  app.get('/api/map-settings', { schema: { tags, response: { 200: MapSettings } } }, async (req) => ({
    tilesUrl: req.ctx.settings.mapTilesUrl ?? null,
    attribution: req.ctx.settings.mapTilesAttribution ?? null,
  }));
}
