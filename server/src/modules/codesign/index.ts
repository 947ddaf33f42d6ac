/*
 * What other modules may use of co-design: the demo seed. Co-design reads the funds (projects and
 * budget lines) and the territory through their index files and nothing else.
 */
export { seedCodesignDemo } from './codesign.demo.js';
export { registerCodesignRoutes } from './codesign.routes.js';
