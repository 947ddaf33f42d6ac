/* SPID/CIE for citizens: OpenID Connect Federation (ours) over openid-client; for the app's composition. */
export { registerIdentityRoutes } from './identity.routes.js';
