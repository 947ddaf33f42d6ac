import {
  assertInScope,
  requireActor,
  unsafeSystemTransaction,
  withPublicScope,
  withScope,
} from '../../platform/access/access.js';
import { enqueueJob, type JobDefinition } from '../../platform/jobs/jobs.js';
import { runWorker } from '../../platform/jobs/worker-thread.js';
import { writeAudit } from '../../platform/audit/audit.js';
import type { Context } from '../../platform/context.js';
import type { Tx } from '../../platform/db/database.js';
import type {
  OpenDataCatalog,
  OpenDataFileParams,
  OpenDataParams,
  OpenDataPublication,
} from '../../../../shared/src/reports/reports.schemas.js';
import type { PublishedTable } from './disclosure.js';
import { columnsOf, csvOf, DATASETS, SUPPRESSED } from './reports.datasets.js';
import { datasetNotFound, publicationNotFound } from './reports.errors.js';
import { resolveTerritory, type Territory } from './reports.territory.js';
import { gatherCounts, tablesOf } from './social-report.figures.js';
import * as repo from './reports.repository.js';

const PUBLISHER = 'Legami — Ambiti distrettuali della provincia di Cremona';
const LICENSE = { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/deed.it' };

/** A published table with what its CSV needs: its categories and its rows (areas). */
export interface TableToStore {
  id: string;
  categories: readonly { key: string; label: string }[];
  rows: readonly { code: string; name: string }[];
  published: PublishedTable;
}

/** Stores a publication's datasets as the territory's next version. @returns the version */
export async function storeDatasets(
  tx: Tx,
  territory: Territory,
  year: number,
  tables: readonly TableToStore[],
  publishedBy: string | null,
): Promise<number> {
  const version = await repo.nextVersion(tx, year, territory.slug);
  for (const table of tables) {
    const definition = DATASETS.find((d) => d.id === table.id)!;
    await repo.insertDataset(tx, version, {
      year,
      territory: territory.slug,
      territoryName: territory.name,
      dataset: definition.id,
      title: definition.title,
      description: definition.description,
      columns: columnsOf(definition),
      csv: csvOf(definition, year, territory.name, table.rows, table.categories, table.published),
      publishedBy,
    });
  }
  return version;
}

function presentPublication(row: repo.PublicationRow): OpenDataPublication {
  return {
    id: row.id,
    year: row.year,
    territory: row.territory,
    status: row.status,
    version: row.version,
    error: row.error,
  };
}

/**
 * Asks for a year's open data of the province or an Ambito to be published: every dataset, after
 * disclosure control, as a new frozen version. The work runs in the job queue; the answer says
 * where to follow it.
 * @throws 401/403 without `report.publish`, 404 for an unknown territory or one the actor does not cover.
 */
export function requestPublication(ctx: Context, params: OpenDataParams): Promise<OpenDataPublication> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'report.publish', async (tx, scope) => {
    const territory = await resolveTerritory(tx, params.territory);
    // Only who covers every comune of the territory publishes for it; anyone else learns nothing.
    for (const comune of territory.comuni) assertInScope(scope, comune.code, 'Territorio');
    const row = await repo.insertPublication(tx, { ...params, requestedBy: actor.userId });
    await enqueueJob(
      tx,
      PUBLISH_OPEN_DATA,
      { publicationId: row.id },
      { createdBy: actor.userId, maxAttempts: 3, leaseSeconds: 300 },
    );
    await writeAudit(tx, ctx, {
      action: 'open_data.publish',
      entityType: 'open_data',
      entityId: row.id,
      details: { year: params.year, territory: territory.slug },
    });
    return presentPublication(row);
  });
}

/**
 * Where a publication stands.
 * @throws 401/403 without `report.publish`, 404 when unknown or for a territory the actor does not cover.
 */
export function getPublication(ctx: Context, id: string): Promise<OpenDataPublication> {
  return withScope(ctx, 'report.publish', async (tx, scope) => {
    const row = await repo.findPublication(tx, id);
    if (!row) throw publicationNotFound();
    const territory = await resolveTerritory(tx, row.territory);
    for (const comune of territory.comuni) assertInScope(scope, comune.code, 'Pubblicazione');
    return presentPublication(row);
  });
}

const PUBLISH_OPEN_DATA = 'open_data.publish';

/** The job: counts read in a system transaction, disclosure control in a worker thread, then stored. */
export const publishOpenDataJob: JobDefinition<{ publicationId: string }> = {
  kind: PUBLISH_OPEN_DATA,
  cpu: true,
  async run(job) {
    const { publicationId } = job.payload;
    const read = await unsafeSystemTransaction(job.ctx, async (tx) => {
      const publication = await repo.findPublication(tx, publicationId);
      if (!publication || publication.status !== 'queued') return null;
      const territory = await resolveTerritory(tx, publication.territory);
      const gathered = await gatherCounts(tx, territory, publication.year);
      return { publication, territory, tables: tablesOf(territory, publication.year, gathered) };
    });
    if (!read) return;
    const published = await runWorker<PublishedTable[]>(
      new URL('./disclosure.worker.ts', import.meta.url),
      read.tables.countTables,
      { signal: job.signal },
    );
    const tables = read.tables.datasets.map(({ definition, categories }, i) => ({
      id: definition.id,
      categories,
      rows: read.tables.areas.rows,
      published: published[i]!,
    }));
    await job.complete(async (tx) => {
      const version = await storeDatasets(tx, read.territory, read.publication.year, tables, job.createdBy);
      await repo.finishPublication(tx, publicationId, { version });
    });
  },
  onGiveUp: (tx, job) =>
    repo.finishPublication(tx, job.payload.publicationId, {
      error: 'La pubblicazione non è riuscita: riprova.',
    }),
};

/**
 * Queues the publication of a year's open data without an actor: the demo seed's, in its own
 * transaction; the job queue computes it once the server runs. Seeds only.
 */
export async function unsafeQueuePublication(tx: Tx, params: OpenDataParams): Promise<void> {
  const row = await repo.insertPublication(tx, { ...params, requestedBy: null });
  await enqueueJob(tx, PUBLISH_OPEN_DATA, { publicationId: row.id }, { maxAttempts: 3, leaseSeconds: 300 });
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
