import type { App } from '../../platform/http/types.js';
import { AuditPage, AuditQuery } from '../../../../shared/src/audit/audit.schemas.js';
import { Type } from 'typebox';
import { sendDownload } from '../../platform/http/download.js';
import { exportAuditCsv, searchAudit } from './audit.service.js';

const { limit: _limit, offset: _offset, ...filters } = AuditQuery.properties;
const AuditExportQuery = Type.Object({
  ...filters,
  lang: Type.Optional(Type.Union([Type.Literal('it'), Type.Literal('en')])),
});

export function registerAuditRoutes(app: App): void {
  app.get(
    '/api/audit',
    { schema: { tags: ['audit'], querystring: AuditQuery, response: { 200: AuditPage } } },
    async (req) => searchAudit(req.ctx, req.query),
  );
  app.get(
    '/api/audit/export.csv',
    {
      schema: {
        tags: ['audit'],
        querystring: AuditExportQuery,
      },
    },
    async (req, reply) => {
      const { lang, ...query } = req.query;
      const csv = await exportAuditCsv(req.ctx, query, lang ?? 'it');
      return sendDownload(reply, 'registro-accessi', 'csv', csv);
    },
  );
}
