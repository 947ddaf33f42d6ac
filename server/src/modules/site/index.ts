/* The public basics of an installation (help line, contacts, ways in), for the composition of the app. */
export { registerSiteRoutes } from './site.routes.js';
