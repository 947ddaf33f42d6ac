import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  auditDisclosure,
  groupSmallAreas,
  MIN_CELL,
  suppressTables,
  type CountTable,
  type PublishedTable,
} from './disclosure.js';

function table(id: string, counts: number[][], overrides: Partial<CountTable> = {}): CountTable {
  return {
    id,
    universe: 'people',
    rowDimension: 'comune',
    columnDimension: id,
    rowKeys: counts.map((_, r) => `R${r}`),
    columnKeys: (counts[0] ?? []).map((_, c) => `C${c}`),
    counts,
    ...overrides,
  };
}

/**
 * How many equations of a published table (rows, columns, totals) hide exactly one non-zero
 * cell: each would give that cell away by subtraction. Hidden zeros protect nothing and may be
 * recovered, so they do not count.
 */
function singletonEquations(counts: number[][], published: PublishedTable): number {
  const rowTotals = counts.map((row) => row.reduce((a, b) => a + b, 0));
  const columnTotals = (counts[0] ?? []).map((_, c) => counts.reduce((a, row) => a + row[c]!, 0));
  const total = rowTotals.reduce((a, b) => a + b, 0);
  type Pair = [number, number | null];
  const lines: Pair[][] = [
    ...counts.map((row, r) => [
      ...row.map((n, c): Pair => [n, published.cells[r]![c]!]),
      [rowTotals[r]!, published.rowTotals[r]!] as Pair,
    ]),
    ...columnTotals.map((n, c) => [
      ...counts.map((row, r): Pair => [row[c]!, published.cells[r]![c]!]),
      [n, published.columnTotals[c]!] as Pair,
    ]),
    [...rowTotals.map((n, r): Pair => [n, published.rowTotals[r]!]), [total, published.total]],
    [...columnTotals.map((n, c): Pair => [n, published.columnTotals[c]!]), [total, published.total]],
  ];
  return lines.filter((line) => line.filter(([n, shown]) => shown === null && n > 0).length === 1).length;
}

const smallTables = fc
  .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }))
  .chain(([rows, columns]) =>
    fc.array(
      fc.array(fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 60 })), {
        minLength: columns,
        maxLength: columns,
      }),
      { minLength: rows, maxLength: rows },
    ),
  );

describe('disclosure control', () => {
  it('hides every count under five people, zeros included, and publishes larger counts', async () => {
    const counts = [
      [3, 10, 0, 25],
      [12, 20, 7, 30],
      [40, 35, 0, 28],
      [22, 18, 9, 50],
    ];
    const [out] = await suppressTables([table('type', counts)]);
    expect(out!.cells[0]![0]).toBeNull();
    expect(out!.suppressed).toContainEqual({ row: 0, column: 0, reason: 'primary' });
    // The 3 and the two zeros.
    expect(out!.suppressed.filter((s) => s.reason === 'primary')).toHaveLength(3);
    // The large counts far from the small one stay, and so do the totals; zeros are hidden.
    expect(out!.cells[2]![1]).toBe(35);
    expect(out!.cells[2]![2]).toBeNull();
    expect(out!.cells[3]![3]).toBe(50);
    expect(out!.total).toBe(309);
  });

  it('hides a second cell beside a small one, so subtraction from the totals gives nothing', async () => {
    const [out] = await suppressTables([
      table('type', [
        [3, 10],
        [12, 20],
      ]),
    ]);
    // A 2×2 table with published margins needs all four cells hidden.
    expect(out!.cells).toEqual([
      [null, null],
      [null, null],
    ]);
    expect(out!.rowTotals).toEqual([13, 32]);
    expect(out!.columnTotals).toEqual([15, 30]);
    const [bounds] = await auditDisclosure(
      [
        table('type', [
          [3, 10],
          [12, 20],
        ]),
      ],
      [out!],
    );
    // a + b = 13, a + c = 15, c + d = 32: a can be anything from 0 to 13.
    expect(bounds).toMatchObject({ value: 3, lower: 0, upper: 13 });
  });

  it('hides a small total and what would reveal it', async () => {
    const counts = [
      [1, 2],
      [30, 40],
      [25, 35],
    ];
    const [out] = await suppressTables([table('type', counts)]);
    expect(out!.rowTotals[0]).toBeNull();
    expect(singletonEquations(counts, out!)).toBe(0);
  });

  it('never leaves an equation hiding a single non-zero cell, on any table', async () => {
    await fc.assert(
      fc.asyncProperty(smallTables, fc.boolean(), async (counts, hideZeros) => {
        const [out] = await suppressTables([table('t', counts)], { hideZeros });
        expect(singletonEquations(counts, out!)).toBe(0);
        // Nothing under five is left in sight (zeros only when they are to be hidden).
        const shown = [...out!.cells.flat(), ...out!.rowTotals, ...out!.columnTotals, out!.total];
        for (const v of shown) if (v !== null) expect(v >= MIN_CELL || (!hideZeros && v === 0)).toBe(true);
      }),
      { numRuns: 30, seed: 20261201 },
    );
  });

  it('leaves every small count at least five values wide for anyone who combines the published figures', async () => {
    await fc.assert(
      fc.asyncProperty(smallTables, async (counts) => {
        const tables = [table('t', counts)];
        const bounds = await auditDisclosure(tables, await suppressTables(tables));
        for (const b of bounds) {
          expect(b.upper - b.lower).toBeGreaterThanOrEqual(MIN_CELL);
          expect(b.value).toBeGreaterThanOrEqual(b.lower);
          expect(b.value).toBeLessThanOrEqual(b.upper);
        }
      }),
      { numRuns: 30, seed: 7 },
    );
  });

  it('gives the same pattern whatever the order of the rows', async () => {
    const counts = [
      [3, 10, 8],
      [12, 20, 2],
      [40, 6, 9],
    ];
    const forward = await suppressTables([table('t', counts)]);
    const reversed = await suppressTables([
      table('t', [...counts].reverse(), { rowKeys: ['R2', 'R1', 'R0'] }),
    ]);
    const hidden = (out: typeof forward, rowKeys: readonly string[]) =>
      out[0]!.suppressed.map((s) => `${s.row === 'total' ? 'T' : rowKeys[s.row]}/${String(s.column)}`).sort();
    expect(hidden(reversed, ['R2', 'R1', 'R0'])).toEqual(hidden(forward, ['R0', 'R1', 'R2']));
  });

  it('refuses tables of one universe that disagree on a shared total', async () => {
    await expect(suppressTables([table('a', [[5, 6]]), table('b', [[5, 7]])])).rejects.toThrow(/disagree/);
  });

  it('refuses anything that is not a count', async () => {
    await expect(suppressTables([table('a', [[5, -1]])])).rejects.toThrow(/not a count/);
    await expect(suppressTables([table('a', [[5, 1.5]])])).rejects.toThrow(/not a count/);
  });

  describe('a comune of 300 residents with 3 cases of one kind', () => {
    // Cases by comune × kind, × age band and × sex: three tables of the same people.
    const comuni = ['019036', '019035', '019099'];
    const byKind = table(
      'kind',
      [
        [40, 22, 31],
        [18, 9, 25],
        [3, 0, 0],
      ],
      { rowKeys: comuni, columnKeys: ['disabilita', 'anziani', 'poverta'] },
    );
    const byAge = table(
      'age',
      [
        [30, 63],
        [20, 32],
        [1, 2],
      ],
      { rowKeys: comuni, columnKeys: ['0-64', '65+'] },
    );
    const bySex = table(
      'sex',
      [
        [50, 43],
        [27, 25],
        [2, 1],
      ],
      { rowKeys: comuni, columnKeys: ['F', 'M'] },
    );

    it('cannot be recovered from any combination of the published tables', async () => {
      const tables = [byKind, byAge, bySex];
      const published = await suppressTables(tables);
      const bounds = await auditDisclosure(tables, published);
      const small = bounds.find((b) => b.key === 'kind|019099|disabilita');
      expect(small).toBeDefined();
      expect(small!.upper - small!.lower).toBeGreaterThanOrEqual(MIN_CELL);
      // The comune's total (3 people) is itself hidden, in every table that shows it.
      for (const out of published) expect(out.rowTotals[2]).toBeNull();
      for (const b of bounds) expect(b.upper - b.lower).toBeGreaterThanOrEqual(MIN_CELL);
    });

    it('is not shown alone when comuni under a thousand residents are grouped', () => {
      const published = groupSmallAreas(
        [
          { code: '019036', name: 'Cremona', population: 71_000, group: 'CREMONA' },
          { code: '019099', name: 'Piccolo', population: 300, group: 'CREMONA' },
          { code: '019098', name: 'Minore', population: 450, group: 'CREMONA' },
          { code: '019097', name: 'Medio', population: 1_800, group: 'CREMONA' },
        ],
        1_000,
      );
      // 300 + 450 is still under a thousand: the smallest other comune joins them.
      expect(published.get('019099')).toEqual({ code: 'altri-CREMONA', name: 'Altri comuni (CREMONA)' });
      expect(published.get('019098')?.code).toBe('altri-CREMONA');
      expect(published.get('019097')?.code).toBe('altri-CREMONA');
      expect(published.get('019036')).toEqual({ code: '019036', name: 'Cremona' });
    });
  });
});
