import { describe, expect, it } from 'vitest';
import { queryRows, sql } from '../db/database.js';
import { setupTestEnv, type Session } from '../../test/harness.js';

// Intake reads its session in its own transaction (sessionReadInTransaction): the actor is
// predicted from this process' last read, and what changed since must still decide.
const env = await setupTestEnv();

const intake = (session: Session, beneficiaryId: string) =>
  env.app.inject({
    method: 'POST',
    url: '/api/requests',
    headers: session.headers,
    payload: { channel: 'phone', beneficiaryId, interventionTypeId: 'food_parcels', confirmSimilar: true },
  });

const requestsOf = async (beneficiaryId: string) =>
  (
    await queryRows<{ n: number }>(
      env.database.db,
      sql`SELECT count(*)::int AS n FROM help_requests WHERE beneficiary_id = ${beneficiaryId}`,
    )
  )[0]!.n;

const change = (statement: ReturnType<typeof sql>) => env.database.db.execute(statement);

describe('a predicted session', () => {
  it('answers 401 and saves nothing once the session is ended, expired or its user disabled elsewhere', async () => {
    for (const end of [
      (s: Session) => change(sql`DELETE FROM sessions WHERE user_id = ${s.userId}`),
      (s: Session) =>
        change(sql`UPDATE sessions SET expires_at = now() - interval '1 minute' WHERE user_id = ${s.userId}`),
      (s: Session) => change(sql`UPDATE users SET is_active = false WHERE id = ${s.userId}`),
    ]) {
      const operator = await env.loginAs('operatore');
      const person = await env.buildPerson();
      expect((await intake(operator, person)).statusCode).toBe(201);
      // As another instance would: this process still holds the session it read.
      await end(operator);
      const refused = await intake(operator, person);
      expect(refused.statusCode).toBe(401);
      expect(await requestsOf(person)).toBe(1);
    }
  });

  it('acts as the session now is when a role was taken away or granted since', async () => {
    const operator = await env.loginAs('operatore');
    const person = await env.buildPerson();
    expect((await intake(operator, person)).statusCode).toBe(201);
    await change(sql`UPDATE memberships SET role = 'volontario' WHERE user_id = ${operator.userId}`);
    expect((await intake(operator, person)).statusCode).toBe(403);
    expect(await requestsOf(person)).toBe(1);
    // Granted back: the refusal the prediction would give is checked against the stored session.
    await change(sql`UPDATE memberships SET role = 'operatore' WHERE user_id = ${operator.userId}`);
    const accepted = await intake(operator, person);
    expect(accepted.statusCode).toBe(201);
    expect(await requestsOf(person)).toBe(2);
    const [audit] = await queryRows<{ actor_user_id: string }>(
      env.database.db,
      sql`SELECT actor_user_id FROM audit_events WHERE action = 'request.create' AND entity_id = ${accepted.json().id}`,
    );
    expect(audit?.actor_user_id).toBe(operator.userId);
  });

  it('answers 404 for a person of a territory the session no longer covers', async () => {
    const operator = await env.loginAs('operatore');
    const person = await env.buildPerson();
    expect((await intake(operator, person)).statusCode).toBe(201);
    // Moved from the Ambito Cremonese to Crema's comune only.
    await change(
      sql`UPDATE memberships SET scope_type = 'comune', scope_id = '019035' WHERE user_id = ${operator.userId}`,
    );
    expect((await intake(operator, person)).statusCode).toBe(404);
    expect(await requestsOf(person)).toBe(1);
  });
});
