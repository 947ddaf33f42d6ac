import { unsafeSystemTransaction, withExplicitScope } from '../../platform/access/access.js';
import { scopeCovers, type Scope } from '../../platform/access/actor.js';
import { writeAudit } from '../../platform/audit/audit.js';
import type { Context } from '../../platform/context.js';
import type { Tx } from '../../platform/db/database.js';
import { enqueueJob, type JobDefinition, type JobRun } from '../../platform/jobs/jobs.js';
import { runInBatches } from '../../platform/imports/batches.js';
import { comuneLookup, parseImportRow, type ComuneLookup } from './volunteers.import.js';
import * as repo from './volunteers.repository.js';
import { todayInRome } from '../../platform/time.js';

/*
 * The job of volunteer imports, on the platform's queue. Invariants:
 * - progress lives in the database, one transaction per batch (platform/imports/batches.ts);
 * - a batch locks the import row (FOR UPDATE SKIP LOCKED): two runners never process the same rows;
 * - volunteers are inserted as the application role over the uploader's territory as it was when
 *   the file was accepted, so row-level security still decides where rows may land.
 */

export const IMPORT_BATCH_SIZE = 50;
export const IMPORT_VOLUNTEERS = 'volunteers.import';

/** Queues the import's processing in the transaction that stored its rows. */
export async function enqueueImport(tx: Tx, importId: string, uploadedBy: string): Promise<void> {
  await enqueueJob(tx, IMPORT_VOLUNTEERS, { importId }, { createdBy: uploadedBy, maxAttempts: 3 });
}

export const importJob: JobDefinition<{ importId: string }> = {
  kind: IMPORT_VOLUNTEERS,
  run: (job) => processImport(job),
  onGiveUp: (tx, job) =>
    repo.failImport(
      tx,
      job.payload.importId,
      'L’importazione si è interrotta per un errore interno. Le righe già elaborate restano registrate; carica di nuovo le altre.',
    ),
};

async function processImport(run: JobRun<{ importId: string }>): Promise<void> {
  const ctx: Context = run.ctx;
  const { importId } = run.payload;
  // The job's owner and territory are needed to enter its scope: a system read of one row.
  const job = await unsafeSystemTransaction(ctx, (tx) => repo.findImport(tx, importId));
  if (!job || job.status !== 'running') return;
  const scope: Scope = job.scope_all ? { all: true } : { all: false, comuni: new Set(job.scope_comuni) };
  let lookup: { comuni: ComuneLookup; names: ReadonlyMap<string, string> } | null = null;
  await runInBatches(run, () =>
    withExplicitScope(ctx, scope, async (tx) => {
      await repo.enterImportOwner(tx, job.created_by);
      const locked = await repo.lockRunningImport(tx, importId);
      if (!locked) return false;
      if (!lookup) {
        const comuni = await repo.comuniOfProvince(tx);
        lookup = { comuni: comuneLookup(comuni), names: new Map(comuni.map((c) => [c.istatCode, c.name])) };
      }
      const batch = await repo.pendingImportRows(tx, importId, IMPORT_BATCH_SIZE);
      if (batch.length === 0) {
        await repo.failImport(tx, importId, 'Le righe del file non sono più disponibili: caricalo di nuovo.');
        return false;
      }
      let created = 0;
      let rejected = 0;
      for (const row of batch) {
        const outcome = parseImportRow(row.data, { comuni: lookup.comuni, today: todayInRome() });
        let result: { status: 'created'; volunteerId: string } | { status: 'rejected'; reason: string };
        if (!outcome.ok) {
          result = { status: 'rejected', reason: outcome.reason };
        } else if (!scopeCovers(scope, outcome.profile.comuneCode)) {
          const name = lookup.names.get(outcome.profile.comuneCode) ?? outcome.profile.comuneCode;
          result = {
            status: 'rejected',
            reason: `Colonna «comune»: ${name} non è nel tuo territorio di competenza.`,
          };
        } else {
          const id = await repo.insertVolunteer(
            tx,
            {
              ...outcome.profile,
              userId: null,
              organizationId: locked.organization_id,
              status: 'approved',
              consentPrivacy: true,
            },
            locked.created_by,
          );
          if (id) {
            await writeAudit(tx, ctx, {
              action: 'volunteer.create',
              entityType: 'volunteer',
              entityId: id,
              comune: outcome.profile.comuneCode,
              details: { importId, onBehalfOf: locked.created_by, organizationId: locked.organization_id },
            });
            result = { status: 'created', volunteerId: id };
          } else {
            result = {
              status: 'rejected',
              reason:
                'Colonna «codice_fiscale»: esiste già un volontario registrato con questo codice fiscale.',
            };
          }
        }
        if (result.status === 'created') created++;
        else rejected++;
        await repo.recordImportRow(tx, importId, row.row_number, result);
      }
      await repo.advanceImport(tx, importId, { created, rejected });
      return locked.processed + batch.length < locked.total;
    }),
  );
}
