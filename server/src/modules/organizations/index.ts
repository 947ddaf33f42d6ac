/** What other modules may use of organisations: lookup and the territory an organisation works in. */
export { findOrganization } from './organizations.repository.js';
export { territoryOfOrganization } from './organizations.service.js';
