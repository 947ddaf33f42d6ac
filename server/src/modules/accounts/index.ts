/** What other modules (and the app's composition) may use of accounts. */
export { loadActor, hashSessionId } from './accounts.service.js';
export { hashPassword } from './accounts.passwords.js';
export { AdministratorInputError, createAdministrator } from './accounts.service.js';
