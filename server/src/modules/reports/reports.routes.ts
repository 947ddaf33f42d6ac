import type { App } from '../../platform/http/types.js';
import {
  OpenDataCatalog,
  OpenDataFileParams,
  OpenDataParams,
  OpenDataPublication,
  PublicationParams,
} from '../../../../shared/src/reports/reports.schemas.js';
import { getPublication, openDataCatalog, openDataCsv, requestPublication } from './reports.service.js';

export function registerReportRoutes(app: App): void {
  const tags = ['open data'];
  app.get('/api/open-data', { schema: { tags, response: { 200: OpenDataCatalog } } }, async (req) =>
    openDataCatalog(req.ctx),
  );
  app.get(
    '/api/open-data/:year/:territory/:dataset.csv',
    { schema: { tags, params: OpenDataFileParams } },
    async (req, reply) =>
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="${req.params.year}-${req.params.territory}-${req.params.dataset}.csv"`,
        )
        .send(await openDataCsv(req.ctx, req.params)),
  );
  app.post(
    '/api/open-data/:year/:territory/publish',
    { schema: { tags, params: OpenDataParams, response: { 202: OpenDataPublication } } },
    async (req, reply) => reply.status(202).send(await requestPublication(req.ctx, req.params)),
  );
  app.get(
    '/api/open-data/publications/:id',
    { schema: { tags, params: PublicationParams, response: { 200: OpenDataPublication } } },
    async (req) => getPublication(req.ctx, req.params.id),
  );
}
