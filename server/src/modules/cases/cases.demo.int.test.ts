import { describe, expect, it } from 'vitest';
import { systemContext } from '../../platform/context.js';
import { queryRows, sql } from '../../platform/db/database.js';
import { seedDemo } from '../demo/demo.seed.js';
import { setupTestEnv } from '../../test/harness.js';

const env = await setupTestEnv();
await seedDemo(systemContext(env.database));

async function demoLogin(email: string) {
  const response = await env.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password: 'legami-demo' },
  });
  expect(response.statusCode, response.body).toBe(200);
  const cookie = response.cookies.find((c) => c.name === 'legami_session')!;
  return { cookie: `legami_session=${cookie.value}` };
}

describe('the demo case files', () => {
  it('give the demo social worker Fare Legami pacts in Cremona with budgets partly spent, and a late discharge on the board', async () => {
    const session = await demoLogin('assistente_sociale@demo.legami.it');
    const list = await env.app.inject({ method: 'GET', url: '/api/cases', headers: session });
    expect(list.statusCode).toBe(200);
    const items = list.json().items as {
      id: string;
      area: string;
      comuneName: string;
      responsible: { name: string };
    }[];
    expect(items.filter((c) => c.area === 'poverty').length).toBeGreaterThanOrEqual(2);
    expect(items.every((c) => c.comuneName === 'Cremona')).toBe(true);
    const pact = await env.app.inject({
      method: 'GET',
      url: `/api/cases/${items.find((c) => c.area === 'poverty')!.id}`,
      headers: session,
    });
    const budget = pact.json().plans[0].budget;
    expect(budget.capCents).toBe(200_000);
    expect(budget.spentCents).toBeGreaterThan(0);
    expect(budget.spentCents).toBeLessThan(200_000);
    // Drawn from the Comune di Cremona's line of Fare Legami's inclusion pacts, on the ledger.
    const [source] = await queryRows<{ label: string; spent: number }>(
      env.database.db,
      sql`SELECT p.label, (SELECT coalesce(sum(amount_cents), 0)::int FROM fund_movements m
                           WHERE m.line_id = l.id AND m.kind = 'expense') AS spent
          FROM fund_lines l JOIN fund_lines p ON p.id = l.parent_line_id WHERE l.id = ${budget.fundsLineId}`,
    );
    expect(source).toEqual({
      label: expect.stringMatching(/^Comune di Cremona — Anno 1/),
      spent: budget.spentCents,
    });
    const board = await env.app.inject({ method: 'GET', url: '/api/cases/board', headers: session });
    expect(board.json().lateDischargeSteps.length).toBeGreaterThanOrEqual(1);
    expect(board.json().myCases.length).toBe(items.length);
  });

  it('give the Cremasco worker elderly people on PNRR home care drawn from the comune’s share', async () => {
    const session = await demoLogin('assistente_sociale.crema@demo.legami.it');
    const list = await env.app.inject({ method: 'GET', url: '/api/cases', headers: session });
    const items = list.json().items as { id: string; area: string }[];
    expect(items.length).toBeGreaterThanOrEqual(2);
    const detail = await env.app.inject({
      method: 'GET',
      url: `/api/cases/${items[0]!.id}`,
      headers: session,
    });
    expect(detail.json().plans[0]).toMatchObject({ kind: 'home_care', state: 'agreed' });
    const lineId = detail.json().plans[0].budget.fundsLineId as string;
    expect(lineId).toEqual(expect.any(String));
    const [line] = await queryRows<{ parent: string | null }>(
      env.database.db,
      sql`SELECT parent_line_id AS parent FROM fund_lines WHERE id = ${lineId}`,
    );
    expect(line!.parent).not.toBeNull();
    // The Cremona worker does not see them (another district).
    const cremona = await demoLogin('assistente_sociale@demo.legami.it');
    expect(
      (await env.app.inject({ method: 'GET', url: `/api/cases/${items[0]!.id}`, headers: cremona }))
        .statusCode,
    ).toBe(404);
  });
});
