import type { App } from '../platform/http/types.js';
import { registerAccountRoutes } from './accounts/accounts.routes.js';
import { registerAuditRoutes } from './audit/audit.routes.js';
import { registerCaseRoutes } from './cases/cases.routes.js';
import { registerDashboardRoutes } from './dashboard/dashboard.routes.js';
import { registerTaskRoutes } from './tasks/tasks.routes.js';
import { registerRoundRoutes } from './rounds/rounds.routes.js';
import { registerInterventionRoutes } from './interventions/interventions.routes.js';
import { registerRequestRoutes } from './requests/requests.routes.js';
import { registerReportRoutes } from './reports/reports.routes.js';
import { registerOrganizationRoutes } from './organizations/organizations.routes.js';
import { registerPeopleRoutes } from './people/people.routes.js';
import { registerTerritoryRoutes } from './territory/territory.routes.js';
import { registerVolunteerRoutes } from './volunteers/volunteers.routes.js';
import { registerGoodsRoutes } from './goods/goods.routes.js';
import { registerDistributionRoutes } from './goods/distribution.routes.js';
import { registerFundsRoutes } from './funds/funds.routes.js';
import { registerVoucherRoutes } from './vouchers/vouchers.routes.js';
import { registerCatalogRoutes } from './catalog/catalog.routes.js';
import { registerSiteRoutes } from './site/index.js';
import { registerIdentityRoutes } from './identity/index.js';
import { registerSiussRoutes } from './siuss/siuss.routes.js';

/** Every module's routes; a new module adds one line here. */
export async function registerModules(app: App): Promise<void> {
  registerAccountRoutes(app);
  registerTerritoryRoutes(app);
  registerOrganizationRoutes(app);
  registerPeopleRoutes(app);
  registerAuditRoutes(app);
  registerVolunteerRoutes(app);
  registerInterventionRoutes(app);
  registerRequestRoutes(app);
  registerTaskRoutes(app);
  registerRoundRoutes(app);
  registerDashboardRoutes(app);
  registerReportRoutes(app);
  registerCaseRoutes(app);
  registerGoodsRoutes(app);
  registerDistributionRoutes(app);
  registerFundsRoutes(app);
  registerVoucherRoutes(app);
  registerCatalogRoutes(app);
  registerSiteRoutes(app);
  registerIdentityRoutes(app);
  registerSiussRoutes(app);
}
