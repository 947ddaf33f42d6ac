import type { App } from '../../platform/http/types.js';
import { Dashboard, DashboardQuery, WorkQueue } from '../../../../shared/src/dashboard/dashboard.schemas.js';
import { dashboardCsv, getDashboard, getWorkQueue } from './dashboard.service.js';

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
  app.get(
    '/api/dashboard/export.csv',
    { schema: { tags, querystring: DashboardQuery } },
    async (req, reply) =>
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="cabina-di-regia-${req.query.date ?? 'oggi'}.csv"`,
        )
        .send(await dashboardCsv(req.ctx, req.query)),
  );
}
