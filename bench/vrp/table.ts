export type Cell = string | number | null;

/**
 * Formats rows as a fixed-width text table; numeric columns are right-aligned, null prints as "-".
 * @param headers column titles
 * @param rows cells, one array per row
 */
export function formatTable(headers: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const text = rows.map((row) => row.map((cell) => (cell === null ? '-' : String(cell))));
  const widths = headers.map((h, i) => Math.max(h.length, ...text.map((row) => row[i]?.length ?? 0)));
  const isNumber = (cell: Cell | undefined) =>
    cell === null || typeof cell === 'number' || /^[-+]?\d/.test(cell ?? '');
  const numeric = headers.map((_, i) => rows.every((row) => isNumber(row[i])));
  const line = (cells: readonly string[]) =>
    cells.map((cell, i) => (numeric[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...text.map(line)].join('\n');
}

/** Fixed decimals, or null for a missing value. */
export const fixed = (value: number | null | undefined, digits = 2): string | null =>
  value === null || value === undefined || !Number.isFinite(value) ? null : value.toFixed(digits);

export const mean = (values: readonly number[]): number =>
  values.length === 0 ? NaN : values.reduce((a, b) => a + b, 0) / values.length;
