import { unsafeSystemTransaction, withExplicitScope } from '../../platform/access/access.js';
import { scopeCovers, type Scope } from '../../platform/access/actor.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import { enqueueJob, type JobDefinition, type JobRun } from '../../platform/jobs/jobs.js';
import type { Tx } from '../../platform/db/database.js';
import { enterImportOwner, runInBatches } from '../../platform/imports/batches.js';
import { comuneLookup } from '../../platform/imports/comuni.js';
import { parseServiceRow, type ImportLookups } from './catalog.import.js';
import * as repo from './catalog.repository.js';
import { comuniIndex, foldSearchText, toServiceValues } from './catalog.service.js';

/*
 * The job of catalogue imports, on the platform's queue, with the bookkeeping every import shares
 * (platform/imports: batches, the uploader as owner of the rows, comuni as people write them):
 * - progress lives in the database, one transaction per batch (services + rows' outcome + counters +
 *   audit), so a crash loses at most the batch in flight and the next attempt resumes from the rows;
 * - a batch locks the import (FOR UPDATE SKIP LOCKED): two runners never process the same rows;
 * - each row goes through the service's own rules (toServiceValues: prices, category, the provider's
 *   territory) in the uploader's territory as it was at upload; imported services wait for moderation.
 */

export const CATALOG_IMPORT_BATCH_SIZE = 50;
export const IMPORT_SERVICES = 'catalog.import';

export async function enqueueCatalogImport(tx: Tx, importId: string, uploadedBy: string): Promise<void> {
  await enqueueJob(tx, IMPORT_SERVICES, { importId }, { createdBy: uploadedBy, maxAttempts: 3 });
}

export const catalogImportJob: JobDefinition<{ importId: string }> = {
  kind: IMPORT_SERVICES,
  run: (job) => processImport(job),
  onGiveUp: (tx, job) =>
    repo.failCatalogImport(
      tx,
      job.payload.importId,
      'L’importazione si è interrotta per un errore interno. I servizi già importati restano registrati; carica di nuovo gli altri.',
    ),
};

async function lookups(tx: Tx, comuni: Map<string, repo.ComuneRow>): Promise<ImportLookups> {
  const categories = new Map<string, string>();
  for (const t of await repo.listTerms(tx)) {
    categories.set(t.id, t.id);
    categories.set(foldSearchText(t.name_it), t.id);
    categories.set(foldSearchText(t.name_en), t.id);
  }
  return {
    categories,
    comuni: comuneLookup([...comuni.values()].map((c) => ({ istatCode: c.istat_code, name: c.name }))),
  };
}

async function processImport(run: JobRun<{ importId: string }>): Promise<void> {
  const ctx = run.ctx;
  const { importId } = run.payload;
  // The import's owner and territory are needed to enter its scope: a system read of one row.
  const job = await unsafeSystemTransaction(ctx, (tx) => repo.findCatalogImport(tx, importId));
  if (!job || job.status !== 'running') return;
  const scope: Scope = job.scope_all ? { all: true } : { all: false, comuni: new Set(job.scope_comuni) };
  let found: ImportLookups | null = null;
  await runInBatches(run, () =>
    withExplicitScope(ctx, scope, async (tx) => {
      await enterImportOwner(tx, job.created_by);
      const locked = await repo.lockRunningCatalogImport(tx, importId);
      if (!locked) return false;
      const provider = await repo.findProvider(tx, locked.provider_id);
      const batch = await repo.pendingCatalogImportRows(tx, importId, CATALOG_IMPORT_BATCH_SIZE);
      if (!provider || batch.length === 0) {
        await repo.failCatalogImport(
          tx,
          importId,
          'Le righe del file non sono più disponibili: caricalo di nuovo.',
        );
        return false;
      }
      found ??= await lookups(tx, await comuniIndex(ctx, tx));
      let created = 0;
      let rejected = 0;
      for (const row of batch) {
        const parsed = parseServiceRow(row.data, found);
        let outcome: { status: 'created'; serviceId: string } | { status: 'rejected'; reason: string };
        if (!parsed.ok) {
          outcome = { status: 'rejected', reason: parsed.reason };
        } else {
          try {
            const values = await toServiceValues(
              ctx,
              tx,
              { ...parsed.input, providerId: provider.organization_id },
              provider,
            );
            if (!scopeCovers(scope, values.baseComuneCode)) {
              outcome = {
                status: 'rejected',
                reason: 'Colonna «comuni»: il primo comune non è nel tuo territorio.',
              };
            } else {
              const id = await repo.insertService(tx, values, 'pending', locked.created_by);
              await writeAudit(tx, ctx, {
                action: 'service.create',
                entityType: 'service',
                entityId: id,
                comune: values.baseComuneCode,
                details: { importId, onBehalfOf: locked.created_by },
              });
              outcome = { status: 'created', serviceId: id };
            }
          } catch (error) {
            // The service's own rules refuse before writing anything: the batch's transaction is intact.
            if (!(error instanceof AppError)) throw error;
            outcome = { status: 'rejected', reason: error.message };
          }
        }
        if (outcome.status === 'created') created++;
        else rejected++;
        await repo.recordCatalogImportRow(tx, importId, row.row_number, outcome);
      }
      await repo.advanceCatalogImport(tx, importId, { created, rejected });
      return locked.processed + batch.length < locked.total;
    }),
  );
}
