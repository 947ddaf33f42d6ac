import { buildApp, type AppOptions } from './platform/http/app.js';
import type { App } from './platform/http/types.js';
import { loadActor } from './modules/accounts/index.js';
import { registerModules } from './modules/routes.js';

/** Legami's HTTP application: the platform's app with the accounts module's sessions and every module's routes. */
export function buildLegamiApp(options: Omit<AppOptions, 'authenticate' | 'registerRoutes'>): Promise<App> {
  return buildApp({ ...options, authenticate: loadActor, registerRoutes: registerModules });
}
