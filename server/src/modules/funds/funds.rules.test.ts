import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSpend, formatEuro, lineBalance, mayReverse, type LedgerMovement } from './funds.rules.js';
import { formatIban, ibanProblem } from './iban.js';

let n = 0;
const m = (
  kind: LedgerMovement['kind'],
  amountCents: number,
  extra: Partial<LedgerMovement> = {},
): LedgerMovement => ({
  id: `m${++n}`,
  kind,
  amountCents,
  date: '2026-01-10',
  ...extra,
});

describe('ledger arithmetic', () => {
  it('counts expenses, open commitments and adjustments; reversals cancel', () => {
    const c = m('commitment', 50_000);
    const e1 = m('expense', 20_000, { commitmentId: c.id });
    const e2 = m('expense', 10_000);
    const adj = m('adjustment', -5_000);
    const rev = m('reversal', 10_000, { reversesId: e2.id });
    expect(lineBalance({ budgetCents: 100_000, capCents: null }, [c, e1, e2, adj, rev])).toEqual({
      budgetCents: 95_000,
      spentCents: 20_000,
      committedCents: 30_000,
      childrenCents: 0,
      limitCents: 95_000,
      availableCents: 45_000,
    });
  });

  it('ignores movements after the date asked for', () => {
    const later = m('expense', 7_000, { date: '2026-03-01' });
    expect(lineBalance({ budgetCents: 10_000, capCents: null }, [later], '2026-02-28').spentCents).toBe(0);
  });

  it('refuses an expense over a personal-budget cap and says what remains', () => {
    const spent = [m('expense', 150_000)];
    expect(
      checkSpend({ budgetCents: 500_000, capCents: 200_000 }, spent, {
        kind: 'expense',
        amountCents: 60_000,
      }),
    ).toEqual({
      code: 'BUDGET_CAP_EXCEEDED',
      remainingCents: 50_000,
      capCents: 200_000,
    });
    expect(
      checkSpend({ budgetCents: 500_000, capCents: 200_000 }, spent, {
        kind: 'expense',
        amountCents: 50_000,
      }),
    ).toBeNull();
  });

  it('names the line budget when an expense stays under the cap but over what the line holds', () => {
    const spent = [m('expense', 100_000)];
    const line = { budgetCents: 150_000, capCents: 200_000 };
    expect(checkSpend(line, spent, { kind: 'expense', amountCents: 60_000 })).toEqual({
      code: 'BUDGET_LINE_OVERSPENT',
      remainingCents: 50_000,
    });
    expect(checkSpend(line, spent, { kind: 'expense', amountCents: 250_000 })).toMatchObject({
      code: 'BUDGET_CAP_EXCEEDED',
      remainingCents: 50_000,
    });
  });

  it('refuses an expense over the line budget', () => {
    expect(
      checkSpend({ budgetCents: 1_000, capCents: null }, [], { kind: 'expense', amountCents: 1_001 }),
    ).toEqual({
      code: 'BUDGET_LINE_OVERSPENT',
      remainingCents: 1_000,
    });
  });

  it('lets an expense draw on its own commitment without double counting it', () => {
    const c = m('commitment', 800);
    expect(
      checkSpend({ budgetCents: 1_000, capCents: null }, [c], {
        kind: 'expense',
        amountCents: 900,
        commitmentId: c.id,
      }),
    ).toBeNull();
    expect(
      checkSpend({ budgetCents: 1_000, capCents: null }, [c], {
        kind: 'expense',
        amountCents: 1_001,
        commitmentId: c.id,
      }),
    ).toMatchObject({
      remainingCents: 1_000,
    });
    const rev = m('reversal', 800, { reversesId: c.id });
    expect(
      checkSpend({ budgetCents: 1_000, capCents: null }, [c, rev], {
        kind: 'expense',
        amountCents: 1,
        commitmentId: c.id,
      }),
    ).toEqual({
      code: 'COMMITMENT_CLOSED',
    });
  });

  it('counts child lines as reserved on their parent', () => {
    expect(
      checkSpend({ budgetCents: 10_000, capCents: null, childrenCents: 9_000 }, [], {
        kind: 'commitment',
        amountCents: 1_001,
      }),
    ).toMatchObject({ remainingCents: 1_000 });
  });

  it('reverses a movement once, and never a reversal', () => {
    const e = m('expense', 100);
    const r = m('reversal', 100, { reversesId: e.id });
    expect(mayReverse(e, [e])).toBe(true);
    expect(mayReverse(e, [e, r])).toBe(false);
    expect(mayReverse(r, [e, r])).toBe(false);
  });

  it('never lets accepted spending exceed the limit, whatever the sequence of requests', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: null }),
        fc.array(
          fc.record({
            kind: fc.constantFrom('commitment' as const, 'expense' as const),
            amountCents: fc.integer({ min: 1, max: 300_000 }),
          }),
          {
            maxLength: 40,
          },
        ),
        (budgetCents, capCents, requests) => {
          const accepted: LedgerMovement[] = [];
          for (const r of requests)
            if (checkSpend({ budgetCents, capCents }, accepted, r) === null)
              accepted.push(m(r.kind, r.amountCents));
          const b = lineBalance({ budgetCents, capCents }, accepted);
          expect(b.spentCents + b.committedCents).toBeLessThanOrEqual(
            Math.min(budgetCents, capCents ?? Infinity),
          );
          expect(b.availableCents).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });

  it('formats cents in Italian', () => {
    expect(formatEuro(94_588_756)).toBe('€ 945.887,56');
    expect(formatEuro(5)).toBe('€ 0,05');
  });
});

describe('IBAN', () => {
  it('accepts the CremonAiuta account of seed 000 and formats it', () => {
    expect(ibanProblem('IT32 E 05034 11401 000000191919')).toBeNull();
    expect(formatIban('IT32E0503411401000000191919')).toBe('IT32 E050 3411 4010 0000 0191 919');
  });

  it('refuses wrong check digits, a wrong CIN and a bad shape', () => {
    expect(ibanProblem('IT33 E 05034 11401 000000191919')).toMatch(/cifre di controllo/);
    expect(ibanProblem('IT32 F 05034 11401 000000191919')).toMatch(/CIN/);
    expect(ibanProblem('IT32')).toMatch(/formato/);
    expect(ibanProblem('DE89 3704 0044 0532 0130 00')).toBeNull();
  });
});
