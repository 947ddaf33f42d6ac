import highsDefault from 'highs';

/*
 * Statistical disclosure control for the tables Legami publishes (annual report, open data).
 * Invariant: no published combination of tables lets anyone pin down a count of fewer than
 * MIN_CELL people. Three steps, all deterministic:
 *  1. primary suppression: every cell (margins included) counting 1…MIN_CELL−1 people;
 *  2. secondary suppression: no equation of a table (a row with its total, a column with its
 *     total, the totals with the grand total) may hide a single cell, or subtraction reveals it;
 *  3. an audit by linear programming over ALL the linked tables at once: for every primary cell,
 *     the smallest and largest value consistent with everything published (counts are ≥ 0) must
 *     be at least MIN_CELL apart; while one is not, the cheapest cell next to it is suppressed too.
 * Tables of the same `universe` (the same people counted) share their margins: the requests of
 * comune X are one number whether the table splits them by type or by channel, so a margin
 * hidden in one table is hidden in all of them, and the audit sees the tables together.
 * Counting tables with margins are totally unimodular, so the LP bounds are the integer bounds.
 */

/** A count below this is never published, nor recoverable from what is. */
export const MIN_CELL = 5;

export interface DisclosureOptions {
  minCell?: number;
  /** Hide zeros as well (default): then no published figure at all is below `minCell`. */
  hideZeros?: boolean;
}

/** A cross-tabulation of people (or events about people) to publish. */
export interface CountTable {
  id: string;
  /** What is counted; tables of one universe share their row, column and grand totals. */
  universe: string;
  rowDimension: string;
  columnDimension: string;
  rowKeys: readonly string[];
  columnKeys: readonly string[];
  /** rowKeys.length × columnKeys.length non-negative integers. */
  counts: readonly (readonly number[])[];
}

/** A published value, or null where it is suppressed. */
export type PublishedCell = number | null;

export interface SuppressedCell {
  row: number | 'total';
  column: number | 'total';
  reason: 'primary' | 'secondary';
}

export interface PublishedTable {
  id: string;
  rowKeys: readonly string[];
  columnKeys: readonly string[];
  cells: PublishedCell[][];
  rowTotals: PublishedCell[];
  columnTotals: PublishedCell[];
  total: PublishedCell;
  suppressed: SuppressedCell[];
}

/** How much a published table still says about one suppressed cell. */
export interface CellBounds {
  key: string;
  value: number;
  lower: number;
  upper: number;
}

type Key = string;

interface Model {
  values: Map<Key, number>;
  /** Interior cells cost less to hide than totals, which readers look at first. */
  isMargin: Set<Key>;
  /** Each equation: the keys whose sum is zero, with signs (+1 parts, −1 the total). */
  equations: { terms: { key: Key; sign: 1 | -1 }[] }[];
  layout: { table: CountTable; cell: (r: number | 'total', c: number | 'total') => Key }[];
}

function buildModel(tables: readonly CountTable[]): Model {
  const values = new Map<Key, number>();
  const isMargin = new Set<Key>();
  const equations: Model['equations'] = [];
  const layout: Model['layout'] = [];
  const ids = new Set<string>();
  const put = (key: Key, value: number, margin: boolean) => {
    const known = values.get(key);
    if (known !== undefined && known !== value)
      throw new Error(`tables of one universe disagree on ${key}: ${known} and ${value}`);
    values.set(key, value);
    if (margin) isMargin.add(key);
  };
  for (const table of tables) {
    if (ids.has(table.id)) throw new Error(`two tables named ${table.id}`);
    ids.add(table.id);
    const { rowKeys, columnKeys, counts } = table;
    if (counts.length !== rowKeys.length || counts.some((row) => row.length !== columnKeys.length))
      throw new Error(`table ${table.id}: counts do not match its keys`);
    for (const row of counts)
      for (const n of row)
        if (!Number.isInteger(n) || n < 0) throw new Error(`table ${table.id}: ${n} is not a count`);
    const cell = (r: number | 'total', c: number | 'total'): Key => {
      if (r === 'total' && c === 'total') return `${table.universe}|*`;
      if (r === 'total') return `${table.universe}|${table.columnDimension}=${columnKeys[c as number]}`;
      if (c === 'total') return `${table.universe}|${table.rowDimension}=${rowKeys[r]}`;
      return `${table.id}|${rowKeys[r]}|${columnKeys[c]}`;
    };
    const rowTotals = counts.map((row) => row.reduce((a, b) => a + b, 0));
    const columnTotals = columnKeys.map((_, c) => counts.reduce((a, row) => a + (row[c] ?? 0), 0));
    counts.forEach((row, r) => row.forEach((n, c) => put(cell(r, c), n, false)));
    rowTotals.forEach((n, r) => put(cell(r, 'total'), n, true));
    columnTotals.forEach((n, c) => put(cell('total', c), n, true));
    put(
      cell('total', 'total'),
      rowTotals.reduce((a, b) => a + b, 0),
      true,
    );
    const sumEquals = (parts: Key[], total: Key) =>
      equations.push({
        terms: [...parts.map((key) => ({ key, sign: 1 as const })), { key: total, sign: -1 as const }],
      });
    rowKeys.forEach((_, r) =>
      sumEquals(
        columnKeys.map((_, c) => cell(r, c)),
        cell(r, 'total'),
      ),
    );
    columnKeys.forEach((_, c) =>
      sumEquals(
        rowKeys.map((_, r) => cell(r, c)),
        cell('total', c),
      ),
    );
    sumEquals(
      rowKeys.map((_, r) => cell(r, 'total')),
      cell('total', 'total'),
    );
    sumEquals(
      columnKeys.map((_, c) => cell('total', c)),
      cell('total', 'total'),
    );
    layout.push({ table, cell });
  }
  return { values, isMargin, equations, layout };
}

/**
 * Cheapest first: interior before totals, smaller counts before larger, then by key. Zeros come
 * last: hiding one protects little, since a count cannot go below it.
 */
function cheaper(model: Model, a: Key, b: Key): number {
  const rank = (key: Key) => (model.isMargin.has(key) ? 2 : 0) + (model.values.get(key) === 0 ? 1 : 0);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  const difference = (model.values.get(a) ?? 0) - (model.values.get(b) ?? 0);
  if (difference !== 0) return difference;
  return a < b ? -1 : a > b ? 1 : 0;
}

type Loader = (typeof import('highs'))['default'];
const highsLoader: Loader = ((highsDefault as unknown as { default?: Loader }).default ??
  highsDefault) as Loader;
type Solver = Awaited<ReturnType<Loader>>;
let solverPromise: Promise<Solver> | undefined;

/**
 * The range each primary cell can take given what is published, by linear programming.
 * @param suppressed the keys that are hidden; every other value of the model is public.
 */
function boundsOf(solver: Solver, model: Model, suppressed: Set<Key>, targets: Key[]): CellBounds[] {
  // Hidden cells linked by equations form components; a cell's range depends on its component only,
  // so each linear program holds just the equations of that component.
  const parent = new Map<Key, Key>([...suppressed].map((key) => [key, key]));
  const root = (key: Key): Key => {
    let r = key;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(key, r);
    return r;
  };
  const hiddenTerms = model.equations.map((e) => e.terms.filter((t) => suppressed.has(t.key)));
  for (const hidden of hiddenTerms)
    for (const t of hidden.slice(1)) parent.set(root(t.key), root(hidden[0]!.key));
  const names = new Map<Key, string>();
  [...suppressed].sort().forEach((key, i) => names.set(key, `x${i}`));
  const constraintsOf = new Map<Key, string[]>();
  model.equations.forEach((equation, i) => {
    const hidden = hiddenTerms[i]!;
    if (hidden.length === 0) return;
    const known = equation.terms
      .filter((t) => !suppressed.has(t.key))
      .reduce((sum, t) => sum + t.sign * (model.values.get(t.key) ?? 0), 0);
    const lhs = hidden.map((t) => `${t.sign > 0 ? '+' : '-'} ${names.get(t.key)}`).join(' ');
    const component = root(hidden[0]!.key);
    constraintsOf.set(component, [...(constraintsOf.get(component) ?? []), ` e${i}: ${lhs} = ${-known}`]);
  });
  const solve = (sense: 'Minimize' | 'Maximize', variable: string, constraints: string[]): number => {
    const text = [sense, ` obj: ${variable}`, 'Subject To', ...constraints, 'End'].join('\n');
    const result = solver.solve(text);
    if (result.Status === 'Unbounded') return sense === 'Maximize' ? Infinity : -Infinity;
    if (result.Status !== 'Optimal') throw new Error(`disclosure audit: LP ended ${result.Status}`);
    return Math.round(result.ObjectiveValue);
  };
  return targets.map((key) => {
    const variable = names.get(key)!;
    const constraints = constraintsOf.get(root(key)) ?? [];
    // A hidden cell in no equation is bounded by nothing but its sign.
    return {
      key,
      value: model.values.get(key) ?? 0,
      lower: constraints.length ? solve('Minimize', variable, constraints) : 0,
      upper: constraints.length ? solve('Maximize', variable, constraints) : Infinity,
    };
  });
}

/**
 * Suppresses cells of linked tables so that no count below MIN_CELL can be published or derived.
 * @param tables tables to publish together; tables of one universe must agree on shared totals.
 * @throws Error when tables are malformed or disagree on a shared total.
 */
export async function suppressTables(
  tables: readonly CountTable[],
  options: DisclosureOptions = {},
): Promise<PublishedTable[]> {
  const minCell = options.minCell ?? MIN_CELL;
  const model = buildModel(tables);
  const primary = new Set([...model.values].filter(([, n]) => n > 0 && n < minCell).map(([key]) => key));
  // Zeros are hidden too when asked (so that no published figure is below the threshold), but
  // need no protection and protect nothing: they never count as an equation's second hidden cell.
  const zeros = new Set(
    options.hideZeros === false ? [] : [...model.values].filter(([, n]) => n === 0).map(([key]) => key),
  );
  const suppressed = new Set([...primary, ...zeros]);
  const hideCheapest = (candidates: readonly Key[]): boolean => {
    const open = candidates.filter((key) => !suppressed.has(key)).sort((a, b) => cheaper(model, a, b));
    const choice = open[0];
    if (choice === undefined) return false;
    suppressed.add(choice);
    return true;
  };

  // Secondary suppression: no equation hides exactly one cell.
  const closeSingletons = () => {
    for (let changed = true; changed;) {
      changed = false;
      for (const equation of model.equations) {
        const keys = equation.terms.map((t) => t.key);
        const protecting = keys.filter((key) => suppressed.has(key) && !zeros.has(key));
        if (protecting.length === 1) changed = hideCheapest(keys.filter((key) => !zeros.has(key))) || changed;
      }
    }
  };
  closeSingletons();

  // Audit: widen the pattern around any primary cell that the published tables still pin down.
  if (primary.size > 0) {
    solverPromise ??= highsLoader();
    const solver = await solverPromise;
    // The audit here treats hidden zeros as known: stricter than an attacker's view (who cannot
    // tell them from other hidden cells), and it keeps each linear program small.
    const unknown = () => new Set([...suppressed].filter((key) => !zeros.has(key)));
    const termsAround = (keys: ReadonlySet<Key>) =>
      model.equations
        .filter((e) => e.terms.some((t) => keys.has(t.key)))
        .flatMap((e) => e.terms.map((t) => t.key));
    // Hiding more only widens ranges, so a cell found safe stays safe: re-check the others only.
    let pending = [...primary].sort();
    for (let round = 0; round <= model.values.size && pending.length > 0; round += 1) {
      pending = boundsOf(solver, model, unknown(), pending)
        .filter((b) => b.upper - b.lower < minCell)
        .map((b) => b.key);
      for (const key of pending) {
        const around = termsAround(new Set([key]));
        // Next to it; else next to the hidden cells next to it; else anywhere in its tables.
        if (hideCheapest(around)) continue;
        if (hideCheapest(termsAround(new Set(around.filter((k) => suppressed.has(k)))))) continue;
        hideCheapest([...model.values.keys()].filter((k) => !zeros.has(k)));
      }
      closeSingletons();
    }
  }

  return model.layout.map(({ table, cell }) => {
    const reasonOf = (key: Key): SuppressedCell['reason'] | null =>
      primary.has(key) || zeros.has(key) ? 'primary' : suppressed.has(key) ? 'secondary' : null;
    const publish = (key: Key): PublishedCell => (suppressed.has(key) ? null : (model.values.get(key) ?? 0));
    const hidden: SuppressedCell[] = [];
    const rows = [...table.rowKeys.keys(), 'total' as const];
    const columns = [...table.columnKeys.keys(), 'total' as const];
    for (const r of rows)
      for (const c of columns) {
        const reason = reasonOf(cell(r, c));
        if (reason) hidden.push({ row: r, column: c, reason });
      }
    return {
      id: table.id,
      rowKeys: table.rowKeys,
      columnKeys: table.columnKeys,
      cells: table.rowKeys.map((_, r) => table.columnKeys.map((_, c) => publish(cell(r, c)))),
      rowTotals: table.rowKeys.map((_, r) => publish(cell(r, 'total'))),
      columnTotals: table.columnKeys.map((_, c) => publish(cell('total', c))),
      total: publish(cell('total', 'total')),
      suppressed: hidden,
    };
  });
}

/**
 * What an attacker can infer, by linear programming, about every primary cell of published
 * tables: the audit suppressTables runs, exposed so that tests (and a report's reviewer) can check.
 */
export async function auditDisclosure(
  tables: readonly CountTable[],
  published: readonly PublishedTable[],
  options: DisclosureOptions = {},
): Promise<CellBounds[]> {
  const minCell = options.minCell ?? MIN_CELL;
  const model = buildModel(tables);
  const suppressed = new Set<Key>();
  model.layout.forEach(({ table, cell }, i) => {
    const out = published[i]!;
    table.rowKeys.forEach((_, r) =>
      table.columnKeys.forEach((_, c) => {
        if (out.cells[r]![c] === null) suppressed.add(cell(r, c));
      }),
    );
    out.rowTotals.forEach((v, r) => v === null && suppressed.add(cell(r, 'total')));
    out.columnTotals.forEach((v, c) => v === null && suppressed.add(cell('total', c)));
    if (out.total === null) suppressed.add(cell('total', 'total'));
  });
  const small = [...model.values].filter(([, n]) => n > 0 && n < minCell).map(([key]) => key);
  const floor = options.hideZeros === false ? 1 : 0;
  const leaked = [...model.values]
    .filter(([key, n]) => n >= floor && n < minCell && !suppressed.has(key))
    .map(([key]) => key);
  if (leaked.length > 0)
    return leaked.map((key) => ({ key, value: model.values.get(key)!, lower: 0, upper: 0 }));
  if (small.length === 0) return [];
  solverPromise ??= highsLoader();
  return boundsOf(await solverPromise, model, suppressed, small.sort());
}

/** A place to count people in, with its resident population. */
export interface Area {
  code: string;
  name: string;
  population: number;
  /** Small areas are grouped only with areas of the same group (the Ambito). */
  group: string;
}

/**
 * Groups areas too small to be shown alone (fewer than `minPopulation` residents) into one
 * "other comuni" area per group; a group whose small areas still add up to too few people takes
 * in its smallest other areas until it is large enough. Deterministic.
 * @returns for every area code, the code of the area it is published under.
 */
export function groupSmallAreas(
  areas: readonly Area[],
  minPopulation: number,
): Map<string, { code: string; name: string }> {
  const published = new Map<string, { code: string; name: string }>();
  const groups = new Map<string, Area[]>();
  for (const area of areas) groups.set(area.group, [...(groups.get(area.group) ?? []), area]);
  for (const [group, members] of [...groups].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const bySize = [...members].sort((a, b) => a.population - b.population || (a.code < b.code ? -1 : 1));
    const small = bySize.filter((a) => a.population < minPopulation);
    const rest = bySize.filter((a) => a.population >= minPopulation);
    let size = small.reduce((sum, a) => sum + a.population, 0);
    while (small.length > 0 && size < minPopulation && rest.length > 0) {
      const next = rest.shift()!;
      small.push(next);
      size += next.population;
    }
    const pooled = { code: `altri-${group}`, name: `Altri comuni (${group})` };
    for (const area of small)
      published.set(area.code, small.length > 1 ? pooled : { code: area.code, name: area.name });
    for (const area of rest) published.set(area.code, { code: area.code, name: area.name });
  }
  return published;
}
