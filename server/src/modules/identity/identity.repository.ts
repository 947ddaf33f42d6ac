import { queryRows, sql, type Tx } from '../../platform/db/database.js';

export interface PendingLogin {
  code_verifier: string;
  nonce: string;
  return_to: string;
}

export async function insertPendingLogin(
  tx: Tx,
  login: { stateHash: string; codeVerifier: string; nonce: string; returnTo: string; ttlMinutes: number },
): Promise<void> {
  await tx.execute(sql`
    INSERT INTO oidc_logins (state_hash, code_verifier, nonce, return_to, expires_at)
    VALUES (${login.stateHash}, ${login.codeVerifier}, ${login.nonce}, ${login.returnTo},
            now() + make_interval(mins => ${login.ttlMinutes}))`);
  // Abandoned logins are swept as new ones start, so the table does not grow without bound.
  await tx.execute(sql`DELETE FROM oidc_logins WHERE expires_at < now()`);
}

/** Removes and returns a pending login that has not expired: each state is used once. */
export async function takePendingLogin(tx: Tx, stateHash: string): Promise<PendingLogin | null> {
  const [row] = await queryRows<PendingLogin>(
    tx,
    sql`DELETE FROM oidc_logins WHERE state_hash = ${stateHash} AND expires_at > now()
        RETURNING code_verifier, nonce, return_to`,
  );
  return row ?? null;
}
