/*
 * What other modules may use of SIUSS: the demo seed. The flows reach INPS through this module's
 * routes only (the bulk file and the WaaS API).
 */
export { seedSiussDemo } from './siuss.demo.js';
