/* What other modules (and the app composition) may use of accounts; never credentials. */
import type { Tx } from '../../platform/db/database.js';
import { insertMembership, insertUser, userContacts } from './accounts.repository.js';

export { loadActor, hashSessionId } from './accounts.service.js';
export { hashPassword } from './accounts.passwords.js';
export { AdministratorInputError, createAdministrator } from './accounts.service.js';
export { openCitizenSession, type VerifiedCitizen } from './accounts.service.js';
export { setSessionCookie } from './accounts.routes.js';

export interface UserContact {
  id: string;
  fullName: string;
  email: string;
  active: boolean;
}

/** Users by id, with their name and e-mail (for display and notifications). */
export async function findUserContacts(tx: Tx, ids: readonly string[]): Promise<Map<string, UserContact>> {
  if (ids.length === 0) return new Map();
  const rows = await userContacts(tx, [...new Set(ids)]);
  return new Map(
    rows.map((r) => [r.id, { id: r.id, fullName: r.full_name, email: r.email, active: r.is_active }]),
  );
}

/** Creates a user with one membership (demo seeds and set-up only; the password is already hashed). */
export async function insertUserWithMembership(
  tx: Tx,
  user: Parameters<typeof insertUser>[1],
  membership: Parameters<typeof insertMembership>[2],
): Promise<string> {
  const created = await insertUser(tx, user);
  await insertMembership(tx, created.id, membership);
  return created.id;
}
