import {
  assertInScope,
  unsafeSystemTransaction,
  withPublicScope,
  withScope,
} from '../../platform/access/access.js';
import { writeAudit } from '../../platform/audit/audit.js';
import type { Context } from '../../platform/context.js';
import type { Scope } from '../../platform/access/actor.js';
import type { Tx } from '../../platform/db/database.js';
import type {
  OpenDataCatalog,
  OpenDataFileParams,
  OpenDataParams,
  PublishedOpenData,
} from '../../../../shared/src/reports/reports.schemas.js';
import { categoriesOf, countBeneficiaries, countRequests } from '../requests/index.js';
import { listAmbiti, listComuni } from '../territory/index.js';
import { suppressTables, type CountTable } from './disclosure.js';
import { areasOf, columnsOf, countTable, csvOf, DATASETS, SUPPRESSED } from './reports.datasets.js';
import { datasetNotFound, territoryNotFound } from './reports.errors.js';
import * as repo from './reports.repository.js';

const PUBLISHER = 'Legami — Ambiti distrettuali della provincia di Cremona';
const LICENSE = { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/deed.it' };
export const PROVINCE_SLUG = 'provincia-di-cremona';

interface Territory {
  slug: string;
  name: string;
  comuni: { code: string; name: string; population: number; group: string }[];
}

/** `Ambito distrettuale Cremasco` → `ambito-cremasco`; the province is `provincia-di-cremona`. */
export function territorySlug(ambitoName: string): string {
  const name = ambitoName.replace(/^ambito\s+(distrettuale\s+)?/i, '');
  return `ambito-${name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')}`;
}

async function resolveTerritory(tx: Tx, slug: string): Promise<Territory> {
  const comuni = await listComuni(tx);
  const toArea = (c: (typeof comuni)[number]) => ({
    code: c.istatCode,
    name: c.name,
    population: c.population,
    group: c.ambitoId,
  });
  if (slug === PROVINCE_SLUG) return { slug, name: 'Provincia di Cremona', comuni: comuni.map(toArea) };
  const ambito = (await listAmbiti(tx)).find((a) => territorySlug(a.name) === slug);
  if (!ambito) throw territoryNotFound();
  return { slug, name: ambito.name, comuni: comuni.filter((c) => c.ambitoId === ambito.id).map(toArea) };
}

/** Reads the counts of every dataset for a territory and year, within the caller's transaction. */
async function gatherTables(tx: Tx, territory: Territory, year: number) {
  const areas = areasOf(territory.comuni);
  const filter = { year, comuni: territory.comuni.map((c) => c.code) };
  const gathered = [];
  for (const definition of DATASETS) {
    const source = definition.source;
    const categories = await categoriesOf(tx, source.dimension);
    const counts =
      source.kind === 'requests'
        ? await countRequests(tx, filter, source.dimension)
        : await countBeneficiaries(tx, filter, source.dimension);
    gathered.push({ definition, categories, table: countTable(definition, areas, categories, counts) });
  }
  return { areas, gathered };
}

type Runner = <T>(work: (tx: Tx, scope: Scope) => Promise<T>) => Promise<T>;

async function publish(ctx: Context, run: Runner, params: OpenDataParams): Promise<PublishedOpenData> {
  const { territory, areas, gathered } = await run(async (tx, scope) => {
    const territory = await resolveTerritory(tx, params.territory);
    // Only who covers every comune of the territory publishes for it; anyone else learns nothing.
    for (const comune of territory.comuni) assertInScope(scope, comune.code, 'Territorio');
    return { territory, ...(await gatherTables(tx, territory, params.year)) };
  });
  // Disclosure control is CPU work (linear programs): outside any transaction.
  const tables: CountTable[] = gathered.map((g) => g.table);
  const published = await suppressTables(tables);
  return run(async (tx) => {
    const version = await repo.nextVersion(tx, params.year, territory.slug);
    for (const [i, { definition, categories }] of gathered.entries()) {
      await repo.insertDataset(tx, version, {
        year: params.year,
        territory: territory.slug,
        territoryName: territory.name,
        dataset: definition.id,
        title: definition.title,
        description: definition.description,
        columns: columnsOf(definition),
        csv: csvOf(definition, params.year, territory.name, areas, categories, published[i]!),
        publishedBy: ctx.actor?.userId ?? null,
      });
    }
    await writeAudit(tx, ctx, {
      action: 'open_data.publish',
      entityType: 'open_data',
      entityId: null,
      details: { year: params.year, territory: territory.slug, version, datasets: DATASETS.length },
    });
    return { year: params.year, territory: territory.slug, version, datasets: DATASETS.map((d) => d.id) };
  });
}

/**
 * Publishes a year's open data for the province or an Ambito: every dataset, after disclosure
 * control, as a new frozen version.
 * @throws 401/403 without `report.publish`, 404 for an unknown territory or one the actor does not cover.
 */
export function publishOpenData(ctx: Context, params: OpenDataParams): Promise<PublishedOpenData> {
  return publish(ctx, (work) => withScope(ctx, 'report.publish', work), params);
}

/** The demo seed publishes the demo year without an actor. Seeds only. */
export function unsafePublishOpenData(ctx: Context, params: OpenDataParams): Promise<PublishedOpenData> {
  return publish(ctx, (work) => unsafeSystemTransaction(ctx, (tx) => work(tx, { all: true })), params);
}

/** The catalogue of published datasets (latest version of each), readable by anyone. */
export async function openDataCatalog(ctx: Context): Promise<OpenDataCatalog> {
  const rows = await withPublicScope(ctx, (tx) => repo.listLatest(tx));
  return {
    title: 'Dati aperti di Legami',
    description:
      'Aggregati annuali dell’attività di welfare di comunità. Nessun dato personale: le celle sotto 5 persone, e quelle che le rivelerebbero, sono riservate.',
    publisher: PUBLISHER,
    license: LICENSE,
    suppressedMarker: SUPPRESSED,
    datasets: rows.map((row) => ({
      identifier: `legami:${row.year}:${row.territory}:${row.dataset}`,
      title: `${row.title} — ${row.territory_name}, ${row.year}`,
      description: row.description,
      year: row.year,
      territory: row.territory,
      territoryName: row.territory_name,
      version: row.version,
      publisher: PUBLISHER,
      license: LICENSE,
      temporal: { startDate: `${row.year}-01-01`, endDate: `${row.year}-12-31` },
      accrualPeriodicity: 'ANNUAL',
      issued: new Date(row.published_at).toISOString(),
      keywords: ['welfare', 'servizi sociali', 'CremonAiuta', row.territory_name],
      columns: row.columns,
      distributions: [
        {
          format: 'CSV',
          mediaType: 'text/csv',
          downloadURL: `/api/open-data/${row.year}/${row.territory}/${row.dataset}.csv`,
        },
      ],
    })),
  };
}

/**
 * One dataset's CSV (latest version), readable by anyone.
 * @throws 404 when nothing is published under that year, territory and name.
 */
export async function openDataCsv(ctx: Context, key: OpenDataFileParams): Promise<string> {
  const csv = await withPublicScope(ctx, (tx) => repo.findLatestCsv(tx, key));
  if (csv === null) throw datasetNotFound();
  return csv;
}
