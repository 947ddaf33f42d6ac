import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { systemContext } from '../../platform/context.js';
import { openPglite, queryRows, sql } from '../../platform/db/database.js';
import { listMigrations, migrate } from '../../platform/db/migrate.js';
import { AppError } from '../../platform/errors.js';
import { setupTestEnv } from '../../test/harness.js';
import { openChildLine, recordSpend, reverseMovement } from './funds.ledger.js';
import * as repo from './funds.repository.js';
import { balanceOfTotals, lineBalance } from './funds.rules.js';

/*
 * The line's running totals (what an expense is checked against, in one UPDATE) against the
 * reference: funds.rules.lineBalance over the line's movements, after random sequences of
 * commitments, expenses (some drawn on commitments), reversals and child lines, some refused.
 */

const env = await setupTestEnv({ jobs: false });
const ctx = systemContext(env.database);

type Op =
  | { op: 'commitment'; amount: number }
  | { op: 'expense'; amount: number; draw: number | null }
  | { op: 'reverse'; pick: number }
  | { op: 'child'; amount: number };

const amount = fc.integer({ min: 1, max: 30_000 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('commitment' as const), amount }),
  fc.record({ op: fc.constant('expense' as const), amount, draw: fc.option(fc.nat(20), { nil: null }) }),
  fc.record({ op: fc.constant('reverse' as const), pick: fc.nat(20) }),
  fc.record({ op: fc.constant('child' as const), amount }),
);

// The refusals the ledger may answer; anything else fails the test.
const REFUSALS = [
  'BUDGET_CAP_EXCEEDED',
  'BUDGET_LINE_OVERSPENT',
  'COMMITMENT_CLOSED',
  'MOVEMENT_ALREADY_REVERSED',
];

async function newLine(budgetCents: number, capCents: number | null): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    env.database.db,
    sql`INSERT INTO fund_lines (label, source_type, budget_cents, cap_cents)
        VALUES ('Voce casuale', 'contribution', ${budgetCents}, ${capCents}) RETURNING id`,
  );
  return row!.id;
}

/** One operation in its own transaction: a refusal rolls it back and is counted. */
async function apply(lineId: string, o: Op): Promise<'booked' | 'refused'> {
  try {
    await env.database.db.transaction(async (tx) => {
      const movements = await repo.lineMovements(tx, lineId);
      const pick = <T>(list: T[], i: number) => list[i % list.length];
      if (o.op === 'commitment')
        await recordSpend(tx, ctx, lineId, {
          kind: 'commitment',
          amountCents: o.amount,
          occurredOn: '2026-01-10',
        });
      if (o.op === 'expense') {
        const commitments = movements.filter((m) => m.kind === 'commitment');
        const commitmentId = o.draw === null ? null : (pick(commitments, o.draw)?.id ?? null);
        await recordSpend(tx, ctx, lineId, {
          kind: 'expense',
          amountCents: o.amount,
          occurredOn: '2026-01-10',
          commitmentId,
        });
      }
      if (o.op === 'reverse') {
        const target = pick(
          movements.filter((m) => m.kind === 'commitment' || m.kind === 'expense'),
          o.pick,
        );
        if (target) await reverseMovement(tx, ctx, target.id, { reason: 'Prova', occurredOn: '2026-01-11' });
      }
      if (o.op === 'child')
        await openChildLine(tx, ctx, { parentLineId: lineId, label: 'Figlia', budgetCents: o.amount });
    });
    return 'booked';
  } catch (error) {
    if (error instanceof AppError && REFUSALS.includes(error.code)) return 'refused';
    throw error;
  }
}

/** The line's running totals and the same figures computed from its movements and child lines. */
async function totalsAndSums(lineId: string) {
  return env.database.db.transaction(async (tx) => {
    const line = (await repo.findLine(tx, lineId))!;
    const fromMovements = lineBalance(
      {
        budgetCents: line.budgetCents,
        capCents: line.capCents,
        childrenCents: await repo.childrenBudget(tx, lineId),
      },
      await repo.lineMovements(tx, lineId),
    );
    return { totals: balanceOfTotals(line), fromMovements };
  });
}

describe('the ledger’s running totals', () => {
  it('always equal the sums of the line’s movements and never exceed its budget or cap', async () => {
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 60_000 }),
        fc.option(fc.integer({ min: 0, max: 60_000 }), { nil: null }),
        fc.array(op, { minLength: 1, maxLength: 14 }),
        async (budget, cap, ops) => {
          const lineId = await newLine(budget, cap);
          for (const o of ops) {
            if ((await apply(lineId, o)) === 'refused') refused++;
            const { totals, fromMovements } = await totalsAndSums(lineId);
            expect(totals).toEqual(fromMovements);
            expect(totals.availableCents).toBeGreaterThanOrEqual(0);
            expect(totals.spentCents + totals.committedCents + totals.childrenCents).toBeLessThanOrEqual(
              Math.min(budget, cap ?? budget),
            );
          }
        },
      ),
      { numRuns: 30 },
    );
    // The runs reach the refusals, not only the happy path.
    expect(refused).toBeGreaterThan(0);
  });

  it('stay equal to the sums under concurrent commitments, draws, reversals and child lines', async () => {
    const lineId = await newLine(100_000, 80_000);
    const ops = fc.sample(op, { numRuns: 60, seed: 9 });
    // Half of them at once (PostgreSQL runs them on as many connections as the pool has).
    await Promise.all(ops.slice(0, 30).map((o) => apply(lineId, o)));
    await Promise.all(ops.slice(30).map((o) => apply(lineId, o)));
    const { totals, fromMovements } = await totalsAndSums(lineId);
    expect(totals).toEqual(fromMovements);
    expect(totals.spentCents + totals.committedCents + totals.childrenCents).toBeLessThanOrEqual(80_000);
    const [booked] = await queryRows<{ n: number }>(
      env.database.db,
      sql`SELECT count(*)::int AS n FROM fund_movements WHERE line_id = ${lineId}`,
    );
    expect(booked!.n).toBeGreaterThan(0);
  });
});

describe('the running totals migration', () => {
  it('fills the totals of existing lines from their movements and child lines', async () => {
    // Migrated up to just before the totals (PGlite, in memory: the backfill is plain SQL).
    const database = await openPglite(undefined);
    try {
      const all = listMigrations();
      const at = all.findIndex((m) => m.name === 'fund-line-running-totals');
      await migrate(database, all.slice(0, at));
      const [ids] = await queryRows<{ parent: string; child: string }>(
        database.db,
        sql`WITH parent AS (INSERT INTO fund_lines (label, source_type, budget_cents, cap_cents)
                            VALUES ('Azione', 'contribution', 100000, 90000) RETURNING id),
                 child AS (INSERT INTO fund_lines (label, source_type, budget_cents, parent_line_id)
                           SELECT 'Beneficiario', 'contribution', 20000, id FROM parent RETURNING id)
            SELECT (SELECT id FROM parent) AS parent, (SELECT id FROM child) AS child`,
      );
      const { parent, child } = ids!;
      const move = async (
        line: string,
        kind: string,
        cents: number,
        extra: { of?: string; draws?: string } = {},
      ) => {
        const [row] = await queryRows<{ id: string }>(
          database.db,
          sql`INSERT INTO fund_movements (line_id, kind, amount_cents, occurred_on, reverses_id, commitment_id)
              VALUES (${line}, ${kind}, ${cents}, DATE '2026-01-10', ${extra.of ?? null}, ${extra.draws ?? null})
              RETURNING id`,
        );
        return row!.id;
      };
      const c1 = await move(parent, 'commitment', 30_000);
      await move(parent, 'expense', 10_000, { draws: c1 });
      await move(parent, 'expense', 25_000, { draws: c1 });
      const c2 = await move(parent, 'commitment', 5_000);
      await move(parent, 'reversal', 5_000, { of: c2 });
      const e3 = await move(parent, 'expense', 4_000);
      await move(parent, 'reversal', 4_000, { of: e3 });
      await move(parent, 'adjustment', -2_000);
      await move(child, 'expense', 1_000);
      await move(child, 'adjustment', -3_000);
      await migrate(database, all.slice(at));
      for (const id of [parent, child]) {
        const line = (await repo.findLine(database.db, id))!;
        const expected = lineBalance(
          {
            budgetCents: line.budgetCents,
            capCents: line.capCents,
            childrenCents: await repo.childrenBudget(database.db, id),
          },
          await repo.lineMovements(database.db, id),
        );
        expect(balanceOfTotals(line)).toEqual(expected);
      }
      // The parent: c1 of 30,000 drawn by 35,000 reserves nothing; the child holds 20,000 − 3,000.
      expect(balanceOfTotals((await repo.findLine(database.db, parent))!)).toMatchObject({
        spentCents: 35_000,
        committedCents: 0,
        childrenCents: 17_000,
        budgetCents: 98_000,
        availableCents: 90_000 - 35_000 - 17_000,
      });
    } finally {
      await database.close();
    }
  });
});
