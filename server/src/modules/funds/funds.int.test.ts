import { describe, expect, it } from 'vitest';
import { queryRows, sql } from '../../platform/db/database.js';
import { CREMA, setupTestEnv } from '../../test/harness.js';
import { todayInRome } from '../../platform/time.js';

const env = await setupTestEnv();

const PNRR = { totalCents: 30_000_000, territory: 'CREMA', method: 'population' };
const today = todayInRome();

async function count(table: 'fund_allocations' | 'fund_lines' | 'fund_movements'): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    env.database.db,
    sql`SELECT count(*)::int AS n FROM ${sql.raw(table)}`,
  );
  return row!.n;
}

async function audit(action: string, entityId: string) {
  return queryRows<{ actor_user_id: string; details: Record<string, unknown> }>(
    env.database.db,
    sql`SELECT actor_user_id, details FROM audit_events WHERE action = ${action} AND entity_id = ${entityId}`,
  );
}

async function confirmPnrr(title: string) {
  const admin = await env.loginAs('amministratore', { type: 'all' });
  const response = await env.app.inject({
    method: 'POST',
    url: '/api/allocations',
    headers: admin.headers,
    payload: { ...PNRR, title },
  });
  expect(response.statusCode).toBe(201);
  return { admin, allocation: response.json() };
}

function lineOf(allocation: { shares: { comuneCode: string; lineId: string }[] }, comune: string): string {
  return allocation.shares.find((s) => s.comuneCode === comune)!.lineId;
}

describe('allocations over HTTP', () => {
  it('answers 401 without a session and 403 to a volunteer', async () => {
    expect((await env.app.inject({ method: 'GET', url: '/api/allocations' })).statusCode).toBe(401);
    const volunteer = await env.loginAs('volontario');
    const response = await env.app.inject({
      method: 'POST',
      url: '/api/allocations/preview',
      headers: volunteer.headers,
      payload: PNRR,
    });
    expect(response.statusCode).toBe(403);
  });

  it('previews €300,000 over the 48 comuni of the Cremasco by population, exact to the cent, saving nothing', async () => {
    const admin = await env.loginAs('amministratore', { type: 'all' });
    const before = await count('fund_allocations');
    const response = await env.app.inject({
      method: 'POST',
      url: '/api/allocations/preview',
      headers: admin.headers,
      payload: PNRR,
    });
    expect(response.statusCode).toBe(200);
    const preview = response.json();
    expect(preview.id).toBeNull();
    expect(preview.shares).toHaveLength(48);
    expect(preview.shares.reduce((s: number, x: { amountCents: number }) => s + x.amountCents, 0)).toBe(
      30_000_000,
    );
    // ISTAT 2021: the Cremasco has 160,001 residents, Crema 32,906 of them → €61,699.74 exactly (floor or +1 cent).
    const crema = preview.shares.find((s: { comuneCode: string }) => s.comuneCode === CREMA);
    expect(crema).toMatchObject({ comuneName: 'Crema', subAmbitoId: null });
    expect(Math.abs(crema.amountCents * 160_001 - 30_000_000 * crema.weight)).toBeLessThan(160_001);
    expect(await count('fund_allocations')).toBe(before);
  });

  it('refuses the over-65 method, naming why, and a custom weight outside the territory', async () => {
    const admin = await env.loginAs('amministratore', { type: 'all' });
    const over65 = await env.app.inject({
      method: 'POST',
      url: '/api/allocations/preview',
      headers: admin.headers,
      payload: { ...PNRR, method: 'over65' },
    });
    expect(over65.statusCode).toBe(422);
    expect(over65.json().error).toMatchObject({
      code: 'OVER65_DATA_UNAVAILABLE',
      details: { field: 'method' },
    });
    const stray = await env.app.inject({
      method: 'POST',
      url: '/api/allocations/preview',
      headers: admin.headers,
      payload: { ...PNRR, method: 'custom', weights: { '019036': 1 } },
    });
    expect(stray.statusCode).toBe(422);
    expect(stray.json().error.message).toContain('019036');
  });

  it('refuses a district administrator allocating over another district, saving nothing', async () => {
    const cremonese = await env.loginAs('amministratore', { type: 'ambito', id: 'CREMONA' });
    const before = await count('fund_lines');
    const response = await env.app.inject({
      method: 'POST',
      url: '/api/allocations',
      headers: cremonese.headers,
      payload: { ...PNRR, title: 'Non sua' },
    });
    expect(response.statusCode).toBe(403);
    expect(await count('fund_lines')).toBe(before);
  });

  it('confirms an allocation atomically: one line per comune, history, audit', async () => {
    const linesBefore = await count('fund_lines');
    const { admin, allocation } = await confirmPnrr('PNRR domiciliarità anziani');
    expect(allocation.shares).toHaveLength(48);
    expect(await count('fund_lines')).toBe(linesBefore + 48);
    const read = await env.app.inject({
      method: 'GET',
      url: `/api/allocations/${allocation.id}`,
      headers: admin.headers,
    });
    expect(read.json()).toMatchObject({
      id: allocation.id,
      title: 'PNRR domiciliarità anziani',
      totalCents: 30_000_000,
    });
    const list = await env.app.inject({ method: 'GET', url: '/api/allocations', headers: admin.headers });
    const mine = list.json().find((a: { id: string }) => a.id === allocation.id);
    expect(Object.keys(mine.shares[0]).sort()).toEqual([
      'amountCents',
      'comuneCode',
      'subAmbitoId',
      'weight',
    ]);
    const [event] = await audit('fund.allocation.confirm', allocation.id);
    expect(event).toMatchObject({
      actor_user_id: admin.userId,
      details: { totalCents: 30_000_000, shares: 48 },
    });
  });

  it('splits through the sub-ambiti when the territory has them', async () => {
    const admin = await env.loginAs('amministratore', { type: 'all' });
    const comuni = await env.app.inject({ method: 'GET', url: '/api/comuni?ambito=CREMA' });
    const codes: string[] = comuni.json().map((c: { istatCode: string }) => c.istatCode);
    const subs: string[] = [];
    for (const name of ['Nord', 'Sud']) {
      const sub = await env.app.inject({
        method: 'POST',
        url: '/api/sub-ambiti',
        headers: admin.headers,
        payload: { ambitoId: 'CREMA', name: `Prova ${name}` },
      });
      subs.push(sub.json().id);
    }
    for (const [i, code] of codes.entries()) {
      await env.app.inject({
        method: 'PATCH',
        url: `/api/comuni/${code}`,
        headers: admin.headers,
        payload: { subAmbitoId: subs[i % 2] },
      });
    }
    const preview = (
      await env.app.inject({
        method: 'POST',
        url: '/api/allocations/preview',
        headers: admin.headers,
        payload: PNRR,
      })
    ).json();
    expect(preview.groups.map((g: { name: string }) => g.name).sort()).toEqual(['Prova Nord', 'Prova Sud']);
    for (const g of preview.groups) {
      const members = preview.shares.filter((s: { subAmbitoId: string }) => s.subAmbitoId === g.subAmbitoId);
      expect(members.reduce((s: number, m: { amountCents: number }) => s + m.amountCents, 0)).toBe(
        g.amountCents,
      );
    }
    for (const code of codes)
      await env.app.inject({
        method: 'PATCH',
        url: `/api/comuni/${code}`,
        headers: admin.headers,
        payload: { subAmbitoId: null },
      });
  });
});

describe('the ledger over HTTP', () => {
  it('lets the social services of a comune spend their share, hides it from another district (404, unchanged)', async () => {
    const { allocation } = await confirmPnrr('Quota Crema');
    const lineId = lineOf(allocation, CREMA);
    const crema = await env.loginAs('assistente_sociale', { type: 'comune', id: CREMA });
    const spent = await env.app.inject({
      method: 'POST',
      url: `/api/funds/lines/${lineId}/movements`,
      headers: crema.headers,
      payload: {
        kind: 'expense',
        amountCents: 125_000,
        occurredOn: today,
        supplier: 'Coop. Igea',
        document: 'Fattura 12/2025',
      },
    });
    expect(spent.statusCode).toBe(201);
    expect(spent.json().movement).toMatchObject({
      kind: 'expense',
      amountCents: 125_000,
      supplier: 'Coop. Igea',
      recordedBy: crema.userId,
    });
    expect(spent.json().balance.spentCents).toBe(125_000);
    expect(await audit('fund.movement.create', spent.json().movement.id)).toHaveLength(1);

    const cremonese = await env.loginAs('assistente_sociale', { type: 'ambito', id: 'CREMONA' });
    const before = await count('fund_movements');
    const hidden = await env.app.inject({
      method: 'POST',
      url: `/api/funds/lines/${lineId}/movements`,
      headers: cremonese.headers,
      payload: { kind: 'expense', amountCents: 100, occurredOn: today },
    });
    expect(hidden.statusCode).toBe(404);
    expect(
      (await env.app.inject({ method: 'GET', url: `/api/funds/lines/${lineId}`, headers: cremonese.headers }))
        .statusCode,
    ).toBe(404);
    expect(await count('fund_movements')).toBe(before);
    const reread = await env.app.inject({
      method: 'GET',
      url: `/api/funds/lines/${lineId}`,
      headers: crema.headers,
    });
    expect(reread.json().balance.spentCents).toBe(125_000);
    expect(reread.json().movements).toHaveLength(1);

    const volunteer = await env.loginAs('volontario');
    expect(
      (
        await env.app.inject({
          method: 'POST',
          url: `/api/funds/lines/${lineId}/movements`,
          headers: volunteer.headers,
          payload: { kind: 'expense', amountCents: 100, occurredOn: today },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await env.app.inject({
          method: 'POST',
          url: `/api/funds/lines/${lineId}/movements`,
          payload: { kind: 'expense', amountCents: 100, occurredOn: today },
        })
      ).statusCode,
    ).toBe(401);
  });

  it('opens a personal budget capped at €2,000 and refuses an expense over it with the remaining amount, saving nothing', async () => {
    const { allocation } = await confirmPnrr('Quota per budget personali');
    const crema = await env.loginAs('assistente_sociale', { type: 'comune', id: CREMA });
    const tooBig = await env.app.inject({
      method: 'POST',
      url: '/api/funds/lines',
      headers: crema.headers,
      payload: {
        label: 'Budget personale',
        sourceType: 'contribution',
        parentLineId: lineOf(allocation, CREMA),
        budgetCents: 250_000,
        capCents: 200_000,
      },
    });
    expect(tooBig.statusCode).toBe(422);
    expect(tooBig.json().error.code).toBe('BUDGET_CAP_EXCEEDED');
    const opened = await env.app.inject({
      method: 'POST',
      url: '/api/funds/lines',
      headers: crema.headers,
      payload: {
        label: 'Budget personale',
        sourceType: 'contribution',
        parentLineId: lineOf(allocation, CREMA),
        budgetCents: 200_000,
        capCents: 200_000,
      },
    });
    expect(opened.statusCode).toBe(201);
    const child = opened.json();
    expect(child.balance).toMatchObject({ budgetCents: 200_000, availableCents: 200_000 });
    const first = await env.app.inject({
      method: 'POST',
      url: `/api/funds/lines/${child.id}/movements`,
      headers: crema.headers,
      payload: { kind: 'expense', amountCents: 150_000, occurredOn: today, supplier: 'Fornitore' },
    });
    expect(first.statusCode).toBe(201);
    const before = await count('fund_movements');
    const over = await env.app.inject({
      method: 'POST',
      url: `/api/funds/lines/${child.id}/movements`,
      headers: crema.headers,
      payload: { kind: 'expense', amountCents: 60_000, occurredOn: today },
    });
    expect(over.statusCode).toBe(409);
    expect(over.json().error).toMatchObject({
      code: 'BUDGET_CAP_EXCEEDED',
      details: { remainingCents: 50_000, capCents: 200_000 },
    });
    expect(over.json().error.message).toBe(
      'Spesa rifiutata: supera il tetto di € 2.000,00. Restano € 500,00.',
    );
    expect(await count('fund_movements')).toBe(before);
    // The parent line shows the €2,000 reserved.
    const parent = await env.app.inject({
      method: 'GET',
      url: `/api/funds/lines/${lineOf(allocation, CREMA)}`,
      headers: crema.headers,
    });
    expect(parent.json().balance.childrenCents).toBe(200_000);
  });

  it('reverses a movement with a new one, once, and the database refuses edits of the ledger', async () => {
    const { admin, allocation } = await confirmPnrr('Quota storni');
    const lineId = lineOf(allocation, CREMA);
    const expense = (
      await env.app.inject({
        method: 'POST',
        url: `/api/funds/lines/${lineId}/movements`,
        headers: admin.headers,
        payload: { kind: 'expense', amountCents: 10_000, occurredOn: today },
      })
    ).json().movement;
    const reversal = await env.app.inject({
      method: 'POST',
      url: `/api/funds/movements/${expense.id}/reversal`,
      headers: admin.headers,
      payload: { reason: 'Fattura registrata due volte' },
    });
    expect(reversal.statusCode).toBe(201);
    expect(reversal.json()).toMatchObject({
      movement: { kind: 'reversal', reversesId: expense.id },
      balance: { spentCents: 0 },
    });
    const again = await env.app.inject({
      method: 'POST',
      url: `/api/funds/movements/${expense.id}/reversal`,
      headers: admin.headers,
      payload: { reason: 'Ancora' },
    });
    expect(again.statusCode).toBe(409);
    await expect(
      env.database.db.execute(sql`UPDATE fund_movements SET amount_cents = 1 WHERE id = ${expense.id}`),
    ).rejects.toThrow();
  });

  it('never overspends a line under concurrent expenses', async () => {
    const admin = await env.loginAs('amministratore', { type: 'all' });
    const line = (
      await env.app.inject({
        method: 'POST',
        url: '/api/funds/lines',
        headers: admin.headers,
        payload: {
          label: 'Voce contesa',
          sourceType: 'contribution',
          comuneCode: CREMA,
          budgetCents: 100_000,
        },
      })
    ).json();
    const responses = await Promise.all(
      Array.from({ length: 25 }, () =>
        env.app.inject({
          method: 'POST',
          url: `/api/funds/lines/${line.id}/movements`,
          headers: admin.headers,
          payload: { kind: 'expense', amountCents: 10_000, occurredOn: today },
        }),
      ),
    );
    const codes = responses.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(10);
    expect(codes.filter((c) => c === 409)).toHaveLength(15);
    const [row] = await queryRows<{ spent: string }>(
      env.database.db,
      sql`SELECT coalesce(sum(amount_cents), 0)::text AS spent FROM fund_movements WHERE line_id = ${line.id} AND kind = 'expense'`,
    );
    expect(row!.spent).toBe('100000');
    // Each accepted expense has its audit event, written by the same statement; a refusal has none.
    const trail = await queryRows<{ entity_id: string | null }>(
      env.database.db,
      sql`SELECT entity_id FROM audit_events WHERE action = 'fund.movement.create' AND details->>'lineId' = ${line.id}`,
    );
    expect(trail.map((t) => t.entity_id).sort()).toEqual(
      responses
        .filter((r) => r.statusCode === 201)
        .map((r) => r.json().movement.id)
        .sort(),
    );
  });

  it('re-allocates what the comuni had not spent by a date', async () => {
    const { admin, allocation } = await confirmPnrr('Da riassegnare');
    const lineId = lineOf(allocation, CREMA);
    const share = allocation.shares.find((s: { comuneCode: string }) => s.comuneCode === CREMA).amountCents;
    await env.app.inject({
      method: 'POST',
      url: `/api/funds/lines/${lineId}/movements`,
      headers: admin.headers,
      payload: { kind: 'expense', amountCents: share, occurredOn: today },
    });
    const response = await env.app.inject({
      method: 'POST',
      url: `/api/allocations/${allocation.id}/reallocation`,
      headers: admin.headers,
      payload: { title: 'Riassegnazione non speso', asOf: today },
    });
    expect(response.statusCode).toBe(201);
    const again = response.json();
    expect(again).toMatchObject({
      reallocatesId: allocation.id,
      unspentAsOf: today,
      totalCents: 30_000_000 - share,
    });
    const old = (
      await env.app.inject({
        method: 'GET',
        url: `/api/funds/lines/${lineOf(allocation, '019002')}`,
        headers: admin.headers,
      })
    ).json();
    expect(old.balance.availableCents).toBe(0);
  });
});

describe('projects and partners over HTTP', () => {
  async function partnerUser(organizationId: string) {
    const user = await env.buildUser({ role: 'fornitore', scope: { type: 'ambito', id: 'CREMA' } });
    await env.database.db.execute(
      sql`UPDATE memberships SET organization_id = ${organizationId} WHERE user_id = ${user.id}`,
    );
    return env.login(user.email);
  }

  it('lets a partner spend on its own line only; another partner gets 403 and the line is unchanged', async () => {
    const [igea, other] = await queryRows<{ id: string }>(
      env.database.db,
      sql`INSERT INTO organizations (name, kind) VALUES ('Coop prova Igea', 'social_cooperative'), ('Coop prova Altra', 'social_cooperative')
          RETURNING id`,
    );
    const admin = await env.loginAs('amministratore', { type: 'all' });
    expect(
      (
        await env.app.inject({
          method: 'POST',
          url: '/api/projects',
          payload: { title: 'Senza sessione', startYear: 2025, endYear: 2026 },
        })
      ).statusCode,
    ).toBe(401);
    const created = await env.app.inject({
      method: 'POST',
      url: '/api/projects',
      headers: admin.headers,
      payload: {
        title: 'Progetto con partner',
        startYear: 2025,
        endYear: 2026,
        periods: [{ label: '2025', startsOn: '2025-01-01', endsOn: '2025-12-31' }],
        partners: [
          { name: 'Coop prova Igea', role: 'lead', organizationId: igea!.id },
          { name: 'Aderente senza budget', role: 'adherent' },
        ],
        actions: [
          {
            code: '1',
            title: 'Laboratori',
            kind: 'community_lab',
            status: 'in_progress',
            indicators: [{ label: 'Laboratori avviati', actualValue: 0 }],
          },
        ],
        caps: { community_lab: 1_200_000 },
      },
    });
    expect(created.statusCode).toBe(201);
    const projectId = created.json().id;
    const [ids] = await queryRows<{
      partner: string;
      adherent: string;
      action: string;
      period: string;
      indicator: string;
    }>(
      env.database.db,
      sql`SELECT (SELECT id FROM fund_partners WHERE project_id = ${projectId} AND role = 'lead') AS partner,
                 (SELECT id FROM fund_partners WHERE project_id = ${projectId} AND role = 'adherent') AS adherent,
                 (SELECT id FROM fund_actions WHERE project_id = ${projectId}) AS action,
                 (SELECT id FROM fund_periods WHERE project_id = ${projectId}) AS period,
                 (SELECT i.id FROM fund_indicators i JOIN fund_actions a ON a.id = i.action_id WHERE a.project_id = ${projectId}) AS indicator`,
    );
    const adherentLine = await env.app.inject({
      method: 'POST',
      url: '/api/funds/lines',
      headers: admin.headers,
      payload: {
        label: 'No',
        projectId,
        partnerId: ids!.adherent,
        sourceType: 'contribution',
        budgetCents: 100,
      },
    });
    expect(adherentLine.statusCode).toBe(422);
    const line = (
      await env.app.inject({
        method: 'POST',
        url: '/api/funds/lines',
        headers: admin.headers,
        payload: {
          label: 'Igea — laboratori',
          projectId,
          actionId: ids!.action,
          partnerId: ids!.partner,
          periodId: ids!.period,
          sourceType: 'contribution',
          budgetCents: 5_000_000,
        },
      })
    ).json();
    const igeaUser = await partnerUser(igea!.id);
    const lab = await env.app.inject({
      method: 'POST',
      url: '/api/funds/lines',
      headers: igeaUser.headers,
      payload: {
        label: 'Laboratorio di prova',
        sourceType: 'contribution',
        parentLineId: line.id,
        budgetCents: 1_300_000,
      },
    });
    expect(lab.statusCode).toBe(422);
    expect(lab.json().error).toMatchObject({ code: 'BUDGET_CAP_EXCEEDED', details: { capCents: 1_200_000 } });
    const spent = await env.app.inject({
      method: 'POST',
      url: `/api/funds/lines/${line.id}/movements`,
      headers: igeaUser.headers,
      payload: {
        kind: 'expense',
        amountCents: 20_000,
        occurredOn: today,
        supplier: 'Cartoleria',
        document: 'Scontrino 1',
      },
    });
    expect(spent.statusCode).toBe(201);
    const otherUser = await partnerUser(other!.id);
    const refused = await env.app.inject({
      method: 'POST',
      url: `/api/funds/lines/${line.id}/movements`,
      headers: otherUser.headers,
      payload: { kind: 'expense', amountCents: 20_000, occurredOn: today },
    });
    expect(refused.statusCode).toBe(403);
    const reread = (
      await env.app.inject({ method: 'GET', url: `/api/funds/lines/${line.id}`, headers: admin.headers })
    ).json();
    expect(reread.balance.spentCents).toBe(20_000);
    expect(reread.movements).toHaveLength(1);

    const patch = await env.app.inject({
      method: 'PATCH',
      url: `/api/project-actions/${ids!.action}`,
      headers: igeaUser.headers,
      payload: { status: 'completed' },
    });
    expect(patch.statusCode).toBe(403);
    const updated = await env.app.inject({
      method: 'PATCH',
      url: `/api/project-actions/${ids!.action}`,
      headers: admin.headers,
      payload: {
        status: 'late',
        statusNote: 'In ritardo',
        indicators: [{ id: ids!.indicator, actualValue: 2 }],
      },
    });
    expect(updated.statusCode).toBe(200);
    expect(await audit('fund.action.update', ids!.action)).toHaveLength(1);
    const report = (
      await env.app.inject({
        method: 'GET',
        url: `/api/projects/${projectId}/report`,
        headers: igeaUser.headers,
      })
    ).json();
    expect(report.actions[0]).toMatchObject({
      status: 'late',
      statusLabel: 'In ritardo',
      spentCents: 20_000,
      indicators: [{ actualValue: 2 }],
    });
    expect(report.adherents).toEqual(['Aderente senza budget']);
  });
});
