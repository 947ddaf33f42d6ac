import { Type } from 'typebox';
import type { App } from '../../platform/http/types.js';
import { sendTable, type DownloadFormat } from '../../platform/http/download.js';
import { Dashboard, DashboardQuery, WorkQueue } from '../../../../shared/src/dashboard/dashboard.schemas.js';
import { dashboardTable, getDashboard, getWorkQueue } from './dashboard.service.js';

const DashboardExportQuery = Type.Object({
  ...DashboardQuery.properties,
  lang: Type.Optional(Type.Union([Type.Literal('it'), Type.Literal('en')])),
});

export function registerDashboardRoutes(app: App): void {
  const tags = ['dashboard'];
  app.get(
    '/api/dashboard',
    { schema: { tags, querystring: DashboardQuery, response: { 200: Dashboard } } },
    async (req) => getDashboard(req.ctx, req.query),
  );
  app.get('/api/work-queue', { schema: { tags, response: { 200: WorkQueue } } }, async (req) =>
    getWorkQueue(req.ctx),
  );
  // Every figure of the page, for Excel: CSV (`;`, BOM) or XLSX, in the reader's language.
  for (const format of ['csv', 'xlsx'] as const satisfies readonly DownloadFormat[]) {
    app.get(
      `/api/dashboard/export.${format}`,
      { schema: { tags, querystring: DashboardExportQuery } },
      async (req, reply) => {
        const { lang, ...query } = req.query;
        const locale = lang ?? 'it';
        const { table, sheetName } = await dashboardTable(req.ctx, query, locale);
        return sendTable(reply, {
          baseName: `cabina-di-regia-${query.date ?? 'oggi'}`,
          format,
          locale,
          sheetName,
          table,
        });
      },
    );
  }
}
