import type { FastifyReply } from 'fastify';
import type { App } from '../../platform/http/types.js';
import {
  OpenDataCatalog,
  OpenDataFileParams,
  OpenDataParams,
  OpenDataPublication,
  PublicationParams,
} from '../../../../shared/src/reports/reports.schemas.js';
import {
  NarrativeBody,
  ReportListQuery,
  ReportParams,
  SocialReport,
  SocialReportList,
  SocialReportSummary,
} from '../../../../shared/src/reports/social-report.schemas.js';
import { IdParams } from '../../../../shared/src/common/common.schemas.js';
import { getPublication, openDataCatalog, openDataCsv, requestPublication } from './reports.service.js';
import {
  generateReport,
  getReport,
  listReports,
  publishedReport,
  publishedReportPdf,
  publishedReports,
  publishReport,
  reportPdf,
  updateNarrative,
} from './social-report.service.js';

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

  registerSocialReportRoutes(app);
}

function registerSocialReportRoutes(app: App): void {
  const tags = ['social report'];
  const sendPdf = (reply: FastifyReply, { pdf, filename }: { pdf: Buffer; filename: string }) =>
    reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="${filename}"`)
      .send(pdf);
  app.get(
    '/api/reports',
    { schema: { tags, querystring: ReportListQuery, response: { 200: SocialReportList } } },
    async (req) => listReports(req.ctx, req.query),
  );
  app.post(
    '/api/reports/:year/:territory/generate',
    { schema: { tags, params: ReportParams, response: { 202: SocialReportSummary } } },
    async (req, reply) => reply.status(202).send(await generateReport(req.ctx, req.params)),
  );
  app.get(
    '/api/reports/:id',
    { schema: { tags, params: IdParams, response: { 200: SocialReport } } },
    async (req) => getReport(req.ctx, req.params.id),
  );
  app.put(
    '/api/reports/:id/narrative',
    { schema: { tags, params: IdParams, body: NarrativeBody, response: { 200: SocialReport } } },
    async (req) => updateNarrative(req.ctx, req.params.id, req.body.narrative),
  );
  app.post(
    '/api/reports/:id/publish',
    { schema: { tags, params: IdParams, response: { 200: SocialReport } } },
    async (req) => publishReport(req.ctx, req.params.id),
  );
  app.get('/api/reports/:id/report.pdf', { schema: { tags, params: IdParams } }, async (req, reply) =>
    sendPdf(reply, await reportPdf(req.ctx, req.params.id)),
  );
  app.get('/api/social-reports', { schema: { tags, response: { 200: SocialReportList } } }, async (req) =>
    publishedReports(req.ctx),
  );
  app.get(
    '/api/social-reports/:year/:territory',
    { schema: { tags, params: ReportParams, response: { 200: SocialReport } } },
    async (req) => publishedReport(req.ctx, req.params),
  );
  app.get(
    '/api/social-reports/:year/:territory/report.pdf',
    { schema: { tags, params: ReportParams } },
    async (req, reply) => sendPdf(reply, await publishedReportPdf(req.ctx, req.params)),
  );
}
