import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AllocationInputError,
  allocate,
  allocateTwoLevel,
  scaleCustomWeight,
  type TerritoryRecipient,
  type WeightedRecipient,
} from './allocation.engine.js';

// Random problems: amounts up to €10 million, 1–60 recipients, weights including zeros and
// populations as large as a city's; at least one positive weight unless the amount is zero.
const recipients = fc
  .uniqueArray(
    fc.record({
      id: fc.stringMatching(/^[0-9]{6}$/),
      weight: fc.oneof(
        fc.constant(0),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 0, max: 2_000_000 }),
      ),
    }),
    { minLength: 1, maxLength: 60, selector: (r) => r.id },
  )
  .filter((rs) => rs.some((r) => r.weight > 0));
const amount = fc.oneof(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 1_000_000_000 }));

/** |share − total × w / W| < 1, checked in integers: |share × W − total × w| < W. */
function withinOneCent(share: number, total: number, weight: number, weightSum: number): boolean {
  const diff = BigInt(share) * BigInt(weightSum) - BigInt(total) * BigInt(weight);
  return (diff < 0n ? -diff : diff) < BigInt(weightSum);
}

function sum(values: number[]): number {
  return values.reduce((s, v) => s + v, 0);
}

describe('allocation by largest remainder', () => {
  it('sums exactly to the amount for random amounts and weights', () => {
    fc.assert(
      fc.property(amount, recipients, (total, rs) => {
        expect(sum(allocate(total, rs).map((s) => s.amountCents))).toBe(total);
      }),
    );
  });

  it('never gives a negative share and gives zero to a zero weight', () => {
    fc.assert(
      fc.property(amount, recipients, (total, rs) => {
        for (const s of allocate(total, rs)) {
          expect(s.amountCents).toBeGreaterThanOrEqual(0);
          if (s.weight === 0) expect(s.amountCents).toBe(0);
        }
      }),
    );
  });

  it('keeps every share within one cent of its exact proportion', () => {
    fc.assert(
      fc.property(amount, recipients, (total, rs) => {
        const weightSum = sum(rs.map((r) => r.weight));
        for (const s of allocate(total, rs))
          expect(withinOneCent(s.amountCents, total, s.weight, weightSum)).toBe(true);
      }),
    );
  });

  it('does not depend on the order of the input', () => {
    fc.assert(
      fc.property(
        amount,
        recipients.chain((rs) =>
          fc.tuple(fc.constant(rs), fc.shuffledSubarray(rs, { minLength: rs.length, maxLength: rs.length })),
        ),
        (total, [rs, shuffled]) => {
          const byId = (shares: { id: string; amountCents: number }[]) =>
            Object.fromEntries(shares.map((s) => [s.id, s.amountCents]));
          expect(byId(allocate(total, shuffled))).toEqual(byId(allocate(total, rs)));
        },
      ),
    );
  });

  it('gives everything to a single recipient', () => {
    fc.assert(
      fc.property(amount, fc.integer({ min: 1, max: 1_000_000 }), (total, weight) => {
        expect(allocate(total, [{ id: '019035', weight }])).toEqual([
          { id: '019035', weight, amountCents: total },
        ]);
      }),
    );
  });

  it('breaks equal remainders by larger weight, then by smaller id', () => {
    // 100 cents over three equal weights: 33 each and one cent left, to the smallest id.
    expect(
      allocate(100, [
        { id: 'c', weight: 1 },
        { id: 'a', weight: 1 },
        { id: 'b', weight: 1 },
      ]),
    ).toEqual([
      { id: 'c', weight: 1, amountCents: 33 },
      { id: 'a', weight: 1, amountCents: 34 },
      { id: 'b', weight: 1, amountCents: 33 },
    ]);
    // 1 cent over weights 1 and 2 (exact 0.33 and 0.67): the larger remainder wins.
    expect(
      allocate(1, [
        { id: 'a', weight: 1 },
        { id: 'b', weight: 2 },
      ]).map((s) => s.amountCents),
    ).toEqual([0, 1]);
    // 2 cents over weights 1 and 3 (exact 0.5 and 1.5, equal remainders): the larger weight wins.
    expect(
      allocate(2, [
        { id: 'a', weight: 1 },
        { id: 'b', weight: 3 },
      ]).map((s) => s.amountCents),
    ).toEqual([0, 2]);
    // 2 cents over weights 1, 1, 2 (exact 0.5, 0.5, 1): the cent left goes to the smaller id of the tie.
    expect(
      allocate(2, [
        { id: 'b', weight: 1 },
        { id: 'a', weight: 1 },
        { id: 'z', weight: 2 },
      ]),
    ).toEqual([
      { id: 'b', weight: 1, amountCents: 0 },
      { id: 'a', weight: 1, amountCents: 1 },
      { id: 'z', weight: 2, amountCents: 1 },
    ]);
  });

  it('refuses all-zero weights for a positive amount, and no recipients at all', () => {
    expect(() => allocate(100, [{ id: 'a', weight: 0 }])).toThrow(AllocationInputError);
    expect(allocate(0, [{ id: 'a', weight: 0 }])).toEqual([{ id: 'a', weight: 0, amountCents: 0 }]);
    expect(() => allocate(100, [])).toThrow(/Nessun destinatario/);
    expect(() => allocate(100, [{ id: 'a', weight: -1 }])).toThrow(/intero ≥ 0/);
    expect(() =>
      allocate(100, [
        { id: 'a', weight: 1 },
        { id: 'a', weight: 2 },
      ]),
    ).toThrow(/ripetuto/);
    expect(() => allocate(1.5, [{ id: 'a', weight: 1 }])).toThrow(AllocationInputError);
  });

  it('stays exact where floating point would not: a huge amount over huge weights', () => {
    const rs: WeightedRecipient[] = [
      { id: 'a', weight: 3_000_001 },
      { id: 'b', weight: 7_000_003 },
      { id: 'c', weight: 1 },
    ];
    const total = 9_007_199_254_740; // ~€90 billion: total × weight far above 2^53
    const shares = allocate(total, rs);
    expect(sum(shares.map((s) => s.amountCents))).toBe(total);
    for (const s of shares) expect(withinOneCent(s.amountCents, total, s.weight, 10_000_005)).toBe(true);
  });
});

const territory = fc
  .uniqueArray(
    fc.record({
      id: fc.stringMatching(/^[0-9]{6}$/),
      weight: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 80_000 })),
      groupId: fc.option(fc.constantFrom('g1', 'g2', 'g3', 'g4', 'g5', 'g6'), { nil: null }),
    }),
    { minLength: 1, maxLength: 60, selector: (r) => r.id },
  )
  .filter((rs) => rs.some((r) => r.weight > 0));

describe('two-level allocation (amount → sub-ambiti → comuni)', () => {
  it('sums exactly at both levels and keeps each level within one cent of its proportion', () => {
    fc.assert(
      fc.property(amount, territory, (total, rs: TerritoryRecipient[]) => {
        const result = allocateTwoLevel(total, rs);
        expect(sum(result.shares.map((s) => s.amountCents))).toBe(total);
        expect(sum(result.groups.map((g) => g.amountCents))).toBe(rs.some((r) => r.groupId) ? total : 0);
        const weightSum = sum(rs.map((r) => r.weight));
        for (const g of result.groups) {
          expect(withinOneCent(g.amountCents, total, g.weight, weightSum)).toBe(true);
          const members = result.shares.filter((s) => (s.groupId ?? '—') === g.id);
          expect(sum(members.map((m) => m.amountCents))).toBe(g.amountCents);
          for (const m of members) {
            expect(m.amountCents).toBeGreaterThanOrEqual(0);
            if (g.weight > 0)
              expect(withinOneCent(m.amountCents, g.amountCents, m.weight, g.weight)).toBe(true);
          }
        }
        // Overall, a comune is less than two cents from its exact share of the whole amount.
        for (const s of result.shares) {
          const diff = BigInt(s.amountCents) * BigInt(weightSum) - BigInt(total) * BigInt(s.weight);
          expect((diff < 0n ? -diff : diff) < 2n * BigInt(weightSum)).toBe(true);
        }
      }),
    );
  });

  it('goes straight to the comuni when no sub-ambito is configured', () => {
    fc.assert(
      fc.property(amount, recipients, (total, rs) => {
        const flat = rs.map((r) => ({ ...r, groupId: null }));
        const result = allocateTwoLevel(total, flat);
        expect(result.groups).toEqual([]);
        expect(result.shares.map((s) => s.amountCents)).toEqual(
          allocate(total, rs).map((s) => s.amountCents),
        );
      }),
    );
  });

  it('does not depend on the order of the input', () => {
    fc.assert(
      fc.property(
        amount,
        territory.chain((rs) =>
          fc.tuple(fc.constant(rs), fc.shuffledSubarray(rs, { minLength: rs.length, maxLength: rs.length })),
        ),
        (total, [rs, shuffled]) => {
          const byId = (shares: { id: string; amountCents: number }[]) =>
            Object.fromEntries(shares.map((s) => [s.id, s.amountCents]));
          expect(byId(allocateTwoLevel(total, shuffled).shares)).toEqual(
            byId(allocateTwoLevel(total, rs).shares),
          );
        },
      ),
    );
  });
});

describe('custom weights', () => {
  it('scales decimals to integers and refuses more than four decimals or negatives', () => {
    expect(scaleCustomWeight('a', 12.5)).toBe(125_000);
    expect(scaleCustomWeight('a', 0)).toBe(0);
    expect(() => scaleCustomWeight('a', 0.00001)).toThrow(/quattro decimali/);
    expect(() => scaleCustomWeight('a', -1)).toThrow(AllocationInputError);
  });
});
