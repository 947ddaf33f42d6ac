import { unsafeSystemTransaction, withExplicitScope } from '../../platform/access/access.js';
import { scopeCovers, type Scope } from '../../platform/access/actor.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { systemContext, type Context } from '../../platform/context.js';
import type { Database } from '../../platform/db/database.js';
import { comuneLookup, parseImportRow, type ComuneLookup } from './volunteers.import.js';
import * as repo from './volunteers.repository.js';

/*
 * The background worker of volunteer imports. Invariants:
 * - progress lives in the database, one transaction per batch (rows + counters + audit), so a
 *   crash loses at most the batch in flight and any instance can resume from the stored rows;
 * - a batch locks the import row (FOR UPDATE SKIP LOCKED): two workers never process the same rows;
 * - volunteers are inserted as the application role over the uploader's territory as it was when
 *   the file was accepted, so row-level security still decides where rows may land.
 */

export const IMPORT_BATCH_SIZE = 50;
// A worker touches its import after every batch; silence this long means its instance is gone.
export const STALLED_AFTER_SECONDS = 60;

// Imports this process is working on, so polling the report does not start a second worker here.
const running = new Set<string>();

/** Starts (or resumes) processing an import in the background of this process, once. */
export function kickImport(database: Database, importId: string, log: Context['log']): void {
  if (running.has(importId)) return;
  running.add(importId);
  void processImport(database, importId, log)
    .catch(async (error: unknown) => {
      // Only the error's name: a message may quote a row with personal data.
      log.error(
        { err: { type: (error as Error | null)?.name ?? 'unknown' }, importId },
        'volunteer import failed',
      );
      await markFailed(database, importId, log).catch(() => undefined);
    })
    .finally(() => running.delete(importId));
}

/** Resumes the imports whose worker died with its instance; for the server's start-up or a timer. */
export async function resumeStalledImports(database: Database, log: Context['log']): Promise<number> {
  const ids = await unsafeSystemTransaction(systemContext(database, log), (tx) =>
    repo.unsafeStalledImports(tx, STALLED_AFTER_SECONDS),
  );
  for (const id of ids) kickImport(database, id, log);
  return ids.length;
}

async function markFailed(database: Database, importId: string, log: Context['log']): Promise<void> {
  await unsafeSystemTransaction(systemContext(database, log), (tx) =>
    repo.failImport(
      tx,
      importId,
      'L’importazione si è interrotta per un errore interno. Le righe già elaborate restano registrate; carica di nuovo le altre.',
    ),
  );
}

const today = (): string => new Date().toISOString().slice(0, 10);

async function processImport(database: Database, importId: string, log: Context['log']): Promise<void> {
  const ctx: Context = { ...systemContext(database, log), requestId: `volunteer-import:${importId}` };
  // The job's owner and territory are needed to enter its scope: a system read of one row.
  const job = await unsafeSystemTransaction(ctx, (tx) => repo.findImport(tx, importId));
  if (!job || job.status !== 'running') return;
  const scope: Scope = job.scope_all ? { all: true } : { all: false, comuni: new Set(job.scope_comuni) };
  let lookup: { comuni: ComuneLookup; names: ReadonlyMap<string, string> } | null = null;
  for (;;) {
    const more = await withExplicitScope(ctx, scope, async (tx) => {
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
        const outcome = parseImportRow(row.data, { comuni: lookup.comuni, today: today() });
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
    });
    if (!more) return;
    // Let the requests of this instance through between batches.
    await new Promise((resolve) => setImmediate(resolve));
  }
}
