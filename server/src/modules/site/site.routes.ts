import type { App } from '../../platform/http/types.js';
import { SiteInfo } from '../../../../shared/src/site/site.schemas.js';
import { siteInfo } from './site.service.js';

const tags = ['site'];

export function registerSiteRoutes(app: App): void {
  // Public: the public home and the login page read it before anyone logs in.
  app.get('/api/site', { schema: { tags, response: { 200: SiteInfo } } }, async (req) =>
    siteInfo(req.ctx.settings),
  );
}
