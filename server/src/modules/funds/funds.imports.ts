import { authorize, requireActor, withScope } from '../../platform/access/access.js';
import { writeAudit } from '../../platform/audit/audit.js';
import type { Context } from '../../platform/context.js';
import { enterImportOwner, storeActor } from '../../platform/imports/batches.js';
import { readSheet, type ImportFileKind } from '../../platform/imports/sheet.js';
import { enqueueJob } from '../../platform/jobs/jobs.js';
import type { FundImportReport } from '../../../../shared/src/funds/funds.schemas.js';
import * as repo from './funds.repository.js';
import { importNotFound, projectNotFound } from './funds.errors.js';
import { FUND_SHEET } from './funds.import.js';

/** The job kind of budget and expense imports (funds.jobs.ts). */
export const FUND_IMPORT = 'funds.import';

/**
 * Accepts a project's budget lines and expenses (CSV or XLSX) for the background import. The file
 * is read and its header checked now, so a wrong file is refused at once; its rows are stored and
 * applied in batches by a job of the queue, as the uploader with their rights as they are now.
 * @throws 401/403 before reading the file, 422 unreadable file or bad header, 404 unknown project.
 */
export async function startImport(
  ctx: Context,
  projectId: string,
  upload: { kind: ImportFileKind; bytes: Uint8Array },
): Promise<{ importId: string }> {
  const actor = requireActor(ctx);
  authorize(ctx, 'funds.manage');
  const rows = await readSheet(FUND_SHEET, upload.kind, upload.bytes);
  const importId = await withScope(ctx, 'funds.manage', async (tx) => {
    if (!(await repo.findProject(tx, projectId))) throw projectNotFound();
    await enterImportOwner(tx, actor.userId);
    const id = await repo.insertImport(tx, {
      projectId,
      createdBy: actor.userId,
      fileKind: upload.kind,
      actor: storeActor(actor),
      rows,
    });
    await writeAudit(tx, ctx, {
      action: 'fund.import',
      entityType: 'fund_import',
      entityId: id,
      details: { projectId, rows: rows.length, fileKind: upload.kind },
    });
    await enqueueJob(tx, FUND_IMPORT, { importId: id }, { createdBy: actor.userId, maxAttempts: 3 });
    return id;
  });
  return { importId };
}

/**
 * Progress and per-row report of an import, for its uploader only. Not audited: money data, no
 * personal data, and the upload page polls it every second.
 * @throws 404 unknown or uploaded by someone else.
 */
export async function getImport(
  ctx: Context,
  id: string,
  which: 'all' | 'rejected' | 'none' = 'all',
): Promise<FundImportReport> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'funds.manage', async (tx) => {
    await enterImportOwner(tx, actor.userId);
    const job = await repo.findImport(tx, id);
    if (!job || job.createdBy !== actor.userId) throw importNotFound();
    const rows = which === 'none' ? [] : await repo.importRowsReport(tx, id, which);
    return {
      id: job.id,
      projectId: job.projectId,
      status: job.status,
      total: job.total,
      processed: job.processed,
      created: job.created,
      rejected: job.rejected,
      failure: job.failure,
      createdAt: job.createdAt,
      finishedAt: job.finishedAt,
      rows,
    };
  });
}
