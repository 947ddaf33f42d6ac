/*
 * What other modules may use of the collaboration pacts: the demo seed. The pacts talk to the
 * territory (boundaries) through its index and to nobody else.
 */
export { seedPactsDemo } from './pacts.demo.js';
export { registerPactRoutes } from './pacts.routes.js';
