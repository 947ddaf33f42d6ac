import type { App } from '../../platform/http/types.js';
import { AuditPage, AuditQuery } from '../../../../shared/src/audit/audit.schemas.js';
import { searchAudit } from './audit.service.js';

export function registerAuditRoutes(app: App): void {
  app.get(
    '/api/audit',
    { schema: { tags: ['audit'], querystring: AuditQuery, response: { 200: AuditPage } } },
    async (req) => searchAudit(req.ctx, req.query),
  );
}
