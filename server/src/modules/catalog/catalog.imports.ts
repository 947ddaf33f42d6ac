import { authorize, requireActor, withScope } from '../../platform/access/access.js';
import { writeAudit } from '../../platform/audit/audit.js';
import type { Context } from '../../platform/context.js';
import { forbidden } from '../../platform/errors.js';
import { enterImportOwner } from '../../platform/imports/batches.js';
import type {
  CatalogImportAccepted,
  CatalogImportReport,
} from '../../../../shared/src/catalog/catalog.schemas.js';
import { readHsdsPackage, readPlainCsv, type CatalogImportKind } from './catalog.import.js';
import { enqueueCatalogImport } from './catalog.jobs.js';
import * as repo from './catalog.repository.js';
import * as errors from './catalog.errors.js';
import { mayManageProvider } from './catalog.policy.js';

/**
 * A provider's staff (or an administrator of its territory) uploads services: the file is read at
 * once (a malformed file is refused whole, nothing saved), its rows are stored and the job queue
 * checks and saves them one by one, each as a proposal waiting for moderation.
 * @throws 403 without catalog.manage or for another provider, 404 unknown provider, 422 unreadable file.
 */
export async function startCatalogImport(
  ctx: Context,
  upload: { kind: CatalogImportKind; bytes: Uint8Array; providerId: string },
): Promise<CatalogImportAccepted> {
  const actor = requireActor(ctx);
  authorize(ctx, 'catalog.manage');
  if (!mayManageProvider(actor, upload.providerId)) throw forbidden();
  const rows = upload.kind === 'hsds' ? readHsdsPackage(upload.bytes) : readPlainCsv(upload.bytes);
  const importId = await withScope(ctx, 'catalog.manage', async (tx, scope) => {
    if (!(await repo.findProvider(tx, upload.providerId))) throw errors.providerNotFound();
    await enterImportOwner(tx, actor.userId);
    const id = await repo.insertCatalogImport(tx, {
      createdBy: actor.userId,
      providerId: upload.providerId,
      fileKind: upload.kind,
      scope: scope.all ? { all: true, comuni: [] } : { all: false, comuni: [...scope.comuni] },
      rows,
    });
    await writeAudit(tx, ctx, {
      action: 'service.import',
      entityType: 'catalog_import',
      entityId: id,
      details: { rows: rows.length, fileKind: upload.kind, providerId: upload.providerId },
    });
    await enqueueCatalogImport(tx, id, actor.userId);
    return id;
  });
  return { importId };
}

/**
 * Progress and per-row report of an import, for its uploader only (no personal data: not audited).
 * @throws 404 unknown or uploaded by someone else.
 */
export async function getCatalogImport(
  ctx: Context,
  id: string,
  which: 'all' | 'rejected' | 'none' = 'all',
): Promise<CatalogImportReport> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'catalog.manage', async (tx) => {
    await enterImportOwner(tx, actor.userId);
    const job = await repo.findCatalogImport(tx, id);
    if (!job || job.created_by !== actor.userId) throw errors.importNotFound();
    const rows = which === 'none' ? [] : await repo.catalogImportRowsReport(tx, id, which);
    return {
      id: job.id,
      status: job.status,
      providerId: job.provider_id,
      fileKind: job.file_kind,
      total: job.total,
      processed: job.processed,
      created: job.created,
      rejected: job.rejected,
      failure: job.failure,
      rows: rows.map((r) => ({
        row: r.row_number,
        status: r.status as 'pending' | 'created' | 'rejected',
        reason: r.reason,
        serviceId: r.service_id,
      })),
    };
  });
}
