import { sql, type Tx } from '../../platform/db/database.js';
import type { ReportFigures, ReportTable } from '../../../../shared/src/reports/social-report.schemas.js';
import {
  caseCounts,
  CASE_AREAS,
  dischargeCounts,
  GOAL_OUTCOME_LABELS,
  planGoalOutcomes,
} from '../cases/index.js';
import { ordersByTariffBand } from '../catalog/index.js';
import { moneyBySource } from '../funds/index.js';
import { goodsGivenOut } from '../goods/index.js';
import {
  beneficiaryYearCounts,
  categoriesOf,
  requestYearCounts,
  responseTimes,
  type ComuneCount,
} from '../requests/index.js';
import { volunteerYears } from '../tasks/index.js';
import { volunteerRegister } from '../volunteers/index.js';
import { supportPaid, voucherFigures } from '../vouchers/index.js';
import { MIN_CELL, type CountTable, type PublishedTable } from './disclosure.js';
import { areasOf, countTable, DATASETS, type DatasetDefinition } from './reports.datasets.js';
import type { Territory } from './reports.territory.js';

/*
 * The annual report's figures: read from the modules through their interfaces (aggregates only),
 * turned into the tables disclosure control protects, and assembled with the published cells.
 * Nothing here is random or depends on the clock: the same data give the same figures.
 */

/** How many years before the report's the trends go back. */
export const TREND_YEARS = 4;

/** The steps of a generation, for its progress. */
export const GENERATION_STEPS = 2;

/** A count of people, or null when under the threshold (a figure alone, not in a table). */
const shown = (n: number): number | null => (n >= MIN_CELL ? n : null);
/** Money behind fewer than MIN_CELL people or orders is not published either. */
const moneyShown = (cents: number, behind: number): number | null =>
  behind >= MIN_CELL ? Math.round(cents) : null;

const SOURCE_LABELS: Record<string, string> = {
  pnrr: 'PNRR',
  foundation: 'Fondazioni',
  comune: 'Comuni',
  region: 'Regione',
  national: 'Fondi nazionali',
  donations: 'Donazioni',
  other: 'Altre fonti',
};
const SUPPORT_LABELS: Record<string, string> = {
  solidarity_fund: 'Fondo di solidarietà',
  rent_fund: 'Fondo affitti',
  utility_bonus: 'Bonus utenze',
};
const bandLabel = (band: string) =>
  band.startsWith('band-')
    ? `Fascia ISEE ${band.slice(5)}`
    : ({ full_tariff: 'Tariffa piena', no_isee: 'Senza ISEE', capped_price: 'Prezzo calmierato' }[band] ??
      band);

/** Everything the report reads, for one territory and year (and the years of the trends). */
export async function gatherCounts(tx: Tx, territory: Territory, year: number) {
  // A year of a province is a million rows grouped several ways at once: hash them in memory
  // rather than sort them on disk (for this transaction only).
  await tx.execute(sql`SET LOCAL work_mem = '64MB'`);
  const comuni = territory.comuni.map((c) => c.code);
  const span = { year, fromYear: year - TREND_YEARS, comuni };
  const categories = new Map<string, { key: string; label: string }[]>();
  for (const dimension of ['type', 'channel', 'urgency', 'outcome', 'ageBand', 'sex', 'household'] as const)
    categories.set(dimension, await categoriesOf(tx, dimension));
  categories.set('area', [...CASE_AREAS]);
  return {
    categories,
    requests: await requestYearCounts(tx, span),
    people: await beneficiaryYearCounts(tx, span),
    cases: await caseCounts(tx, span),
    responseTimes: await responseTimes(tx, { year, comuni }),
    volunteerYears: await volunteerYears(tx, span),
    register: await volunteerRegister(tx, { year, comuni }),
    bands: await ordersByTariffBand(tx, { year, comuni }),
    goals: await planGoalOutcomes(tx, { year, comuni }),
    discharges: await dischargeCounts(tx, { year, comuni }),
    money: await moneyBySource(tx, { year, comuni }),
    goods: await goodsGivenOut(tx, { year, comuni }),
    vouchers: await voucherFigures(tx, { year, comuni }),
    support: await supportPaid(tx, { year, comuni }),
  };
}
export type GatheredCounts = Awaited<ReturnType<typeof gatherCounts>>;

function categoryOf(definition: DatasetDefinition): string {
  return definition.source.kind === 'cases' ? 'area' : definition.source.dimension;
}

/** The counts of one dataset in one year, by comune and category. */
function countsOf(gathered: GatheredCounts, definition: DatasetDefinition, year: number): ComuneCount[] {
  const source = definition.source;
  if (source.kind === 'cases')
    return gathered.cases
      .filter((c) => c.year === year && c.event === source.event)
      .map((c) => ({ comuneCode: c.comuneCode, category: c.area, count: c.count }));
  const rows = source.kind === 'requests' ? gathered.requests : gathered.people;
  return rows.filter((r) => r.year === year && r.dimension === source.dimension);
}

/** The tables of the year, ready for disclosure control: one per dataset, areas × categories. */
export function tablesOf(territory: Territory, year: number, gathered: GatheredCounts) {
  const areas = areasOf(territory.comuni);
  const datasets = DATASETS.map((definition) => {
    const categories = gathered.categories.get(categoryOf(definition))!;
    return {
      definition,
      categories,
      table: countTable(definition, areas, categories, countsOf(gathered, definition, year)),
    };
  });
  return { areas, datasets, countTables: datasets.map((d): CountTable => d.table) };
}
export type ReportTables = ReturnType<typeof tablesOf>;

/** A year's total of one dimension, from a universe's counts. */
function yearTotal(
  rows: readonly { year: number; dimension?: string; count: number }[],
  year: number,
  dimension?: string,
) {
  return rows
    .filter((r) => r.year === year && (dimension === undefined || r.dimension === dimension))
    .reduce((sum, r) => sum + r.count, 0);
}

/**
 * The report's figures from what was read and the tables as disclosure control published them.
 * Counts outside the tables are shown only from MIN_CELL up; money only where as many people
 * (or orders) are behind it. The year's own trend point is the published table total, so the
 * trends reveal nothing the tables hide.
 */
export function assembleFigures(
  territory: Territory,
  year: number,
  gathered: GatheredCounts,
  tables: ReportTables,
  published: readonly PublishedTable[],
): ReportFigures {
  const tableOut = tables.datasets.map(({ definition, categories }, i): ReportTable => {
    const out = published[i]!;
    return {
      id: definition.id,
      title: definition.title,
      unit: definition.valueDescription,
      columns: categories.map((c) => ({ key: c.key, label: c.label })),
      cells: out.cells,
      rowTotals: out.rowTotals,
      columnTotals: out.columnTotals,
      total: out.total,
    };
  });
  const totalOf = (id: string) => tableOut.find((t) => t.id === id)!.total;
  const volunteersOf = (y: number) => gathered.volunteerYears.find((v) => v.year === y);
  const trends = [];
  for (let y = year - TREND_YEARS; y <= year; y += 1) {
    const volunteers = volunteersOf(y);
    const current = y === year;
    trends.push({
      year: y,
      requests: current ? totalOf('requests-by-type') : shown(yearTotal(gathered.requests, y, 'type')),
      peopleReached: current ? totalOf('people-reached-by-sex') : shown(yearTotal(gathered.people, y, 'sex')),
      volunteersActive: shown(volunteers?.activeVolunteers ?? 0),
      volunteerHours: (volunteers?.activeVolunteers ?? 0) >= MIN_CELL ? (volunteers?.hours ?? 0) : null,
      casesOpened: current
        ? totalOf('cases-opened-by-area')
        : shown(
            gathered.cases
              .filter((c) => c.year === y && c.event === 'opened')
              .reduce((s, c) => s + c.count, 0),
          ),
    });
  }
  const thisYear = volunteersOf(year);
  const active = thisYear?.activeVolunteers ?? 0;
  const orders = gathered.bands.reduce((s, b) => s + b.orders, 0);
  const orderPeople = gathered.bands.reduce((s, b) => s + b.people, 0);
  const rt = gathered.responseTimes;
  const enoughCompleted = rt.completed >= MIN_CELL;
  return {
    year,
    territory: territory.slug,
    territoryName: territory.name,
    population: territory.comuni.reduce((s, c) => s + c.population, 0),
    areas: tables.areas.rows.map((row) => {
      const members = territory.comuni.filter((c) => tables.areas.rowOf.get(c.code) === row.code);
      return {
        code: row.code,
        name: row.name,
        population: members.reduce((s, c) => s + c.population, 0),
        comuni: members.map((c) => c.code),
      };
    }),
    tables: tableOut,
    responseTimes: {
      completed: shown(rt.completed),
      medianHours: enoughCompleted ? rt.medianHours : null,
      p90Hours: enoughCompleted ? rt.p90Hours : null,
    },
    volunteers: {
      active: shown(active),
      hours: active >= MIN_CELL ? (thisYear?.hours ?? 0) : null,
      tasksDone: active >= MIN_CELL ? (thisYear?.tasksDone ?? 0) : null,
      registered: shown(gathered.register.approved),
      newOffers: shown(gathered.register.offeredInYear),
    },
    catalog: {
      bands: gathered.bands.map((b) => ({
        key: b.band,
        label: bandLabel(b.band),
        orders: b.people >= MIN_CELL ? b.orders : null,
        totalCents: moneyShown(b.totalCents, b.people),
        subsidyCents: moneyShown(b.subsidyCents, b.people),
      })),
      orders: orderPeople >= MIN_CELL ? orders : null,
      totalCents: moneyShown(
        gathered.bands.reduce((s, b) => s + b.totalCents, 0),
        orderPeople,
      ),
      subsidyCents: moneyShown(
        gathered.bands.reduce((s, b) => s + b.subsidyCents, 0),
        orderPeople,
      ),
    },
    planOutcomes: GOAL_OUTCOME_LABELS.map(({ key, label }) => ({
      key,
      label,
      goals: shown(gathered.goals.find((g) => g.outcome === key)?.goals ?? 0),
    })),
    discharges: {
      total: shown(gathered.discharges.discharges),
      completed: shown(gathered.discharges.completed),
      withHomePlan: shown(gathered.discharges.withHomePlan),
    },
    funds: gathered.money.map((m) => ({
      key: m.kind,
      label: SOURCE_LABELS[m.kind] ?? m.kind,
      allocatedCents: Math.round(m.allocatedCents),
      spentCents: Math.round(m.spentCents),
    })),
    goods: {
      parcels: shown(gathered.goods.parcels),
      campaignHandOuts: shown(gathered.goods.campaignHandOuts),
      units:
        gathered.goods.parcels + gathered.goods.campaignHandOuts >= MIN_CELL ? gathered.goods.units : null,
    },
    vouchers: {
      issued: gathered.vouchers.households >= MIN_CELL ? gathered.vouchers.issued : null,
      households: shown(gathered.vouchers.households),
      issuedCents: moneyShown(gathered.vouchers.issuedCents, gathered.vouchers.households),
      redeemedCents: moneyShown(gathered.vouchers.redeemedCents, gathered.vouchers.households),
    },
    support: gathered.support.map((s) => ({
      key: s.kind,
      label: SUPPORT_LABELS[s.kind] ?? s.kind,
      households: shown(s.households),
      paidCents: moneyShown(s.paidCents, s.households),
    })),
    trends,
  };
}
