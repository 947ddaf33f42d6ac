import { unsafeSystemTransaction, withScope } from '../../platform/access/access.js';
import type { Scope } from '../../platform/access/actor.js';
import type { Context } from '../../platform/context.js';
import type { Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { enterImportOwner, restoreActor, runInBatches } from '../../platform/imports/batches.js';
import { comuneLookup, resolveComune, type ComuneLookup } from '../../platform/imports/comuni.js';
import type { JobDefinition, JobRun } from '../../platform/jobs/jobs.js';
import * as repo from './funds.repository.js';
import * as ledger from './funds.ledger.js';
import { createPlanLine, spendGuard } from './funds.service.js';
import { parseFundRow, type FundImportOperation } from './funds.import.js';
import { FUND_IMPORT } from './funds.imports.js';

/*
 * The job of budget and expense imports, on the platform's queue (batches: platform/imports).
 * Invariants:
 * - the job acts as the uploader with the rights stored when the file was accepted: every row goes
 *   through the same use case as a request (createPlanLine, ledger.recordSpend under the line's
 *   row lock), within withScope, so the policies, the caps and row-level security decide it;
 * - each row is applied in a SAVEPOINT: a row is written whole (line or movement, with its audit
 *   entry) or not at all, and a refused row is rolled back alone while the others go on. Rows are
 *   not validated all first and written after: whether an expense fits depends on the line's
 *   balance at the moment it is written under its lock (concurrent expenses, earlier rows of the
 *   same file on the same line), which only the write itself can know;
 * - a batch locks the import row (FOR UPDATE SKIP LOCKED): two runners never apply the same rows.
 */

export const FUND_IMPORT_BATCH_SIZE = 50;

export const fundImportJob: JobDefinition<{ importId: string }> = {
  kind: FUND_IMPORT,
  run: (job) => processImport(job),
  onGiveUp: (tx, job) =>
    repo.failImport(
      tx,
      job.payload.importId,
      'L’importazione si è interrotta per un errore interno. Le righe già elaborate restano registrate; carica di nuovo le altre.',
    ),
};

/** A project's actions, partners and periods by the names a file uses, read once per run. */
interface ProjectRefs {
  projectId: string;
  sourceId: string | null;
  actions: Map<string, string>;
  partners: Map<string, { id: string; adherent: boolean }>;
  periods: Map<string, string>;
  comuni: ComuneLookup;
}

const key = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[\s–—-]+/g, ' ')
    .trim();

async function projectRefs(tx: Tx, projectId: string): Promise<ProjectRefs> {
  const project = (await repo.findProject(tx, projectId))!;
  return {
    projectId,
    sourceId: project.sourceId,
    actions: new Map((await repo.listActions(tx, projectId)).map((a) => [key(a.code), a.id])),
    partners: new Map(
      (await repo.listPartners(tx, projectId)).map((p) => [
        key(p.name),
        { id: p.id, adherent: p.role === 'adherent' },
      ]),
    ),
    periods: new Map((await repo.listPeriods(tx, projectId)).map((p) => [key(p.label), p.id])),
    comuni: comuneLookup(await repo.comuniNames(tx)),
  };
}

class RowRefused extends Error {}
const refuse = (column: string, message: string): never => {
  throw new RowRefused(`Colonna «${column}»: ${message}`);
};

// The column of the file behind a field an error names.
const COLUMN_OF_FIELD: Record<string, string> = {
  amountCents: 'importo',
  budgetCents: 'importo',
  capCents: 'tetto',
  occurredOn: 'data',
  comuneCode: 'comune',
  actionId: 'azione',
  partnerId: 'partner',
  periodId: 'periodo',
};

/** A refused write in words for the report, naming the column when the error names a field. */
function reasonOf(error: AppError, operation: FundImportOperation): string {
  if (error.statusCode === 403)
    return operation.kind === 'line'
      ? operation.comune
        ? 'Colonna «comune»: il comune non è nel tuo territorio di competenza.'
        : 'Colonna «comune»: una voce dell’intero progetto la crea solo chi amministra tutta la provincia; indica il comune.'
      : 'Colonna «voce»: non puoi registrare spese su questa voce.';
  const field = typeof error.details?.field === 'string' ? COLUMN_OF_FIELD[error.details.field] : undefined;
  return field ? `Colonna «${field}»: ${error.message}` : error.message;
}

async function applyOperation(
  tx: Tx,
  ctx: Context,
  scope: Scope,
  refs: ProjectRefs,
  op: FundImportOperation,
): Promise<repo.ImportRowOutcome> {
  if (op.kind === 'line') {
    const actionId = op.actionCode ? refs.actions.get(key(op.actionCode)) : null;
    if (op.actionCode && !actionId)
      refuse('azione', `nessuna azione con codice «${op.actionCode}» nel progetto.`);
    const partner = op.partnerName ? refs.partners.get(key(op.partnerName)) : null;
    if (op.partnerName && !partner) refuse('partner', `«${op.partnerName}» non è un partner del progetto.`);
    if (partner?.adherent)
      refuse('partner', `«${op.partnerName}» è un aderente: solo i partner hanno un budget.`);
    const periodId = op.periodLabel ? refs.periods.get(key(op.periodLabel)) : null;
    if (op.periodLabel && !periodId) refuse('periodo', `nessun periodo «${op.periodLabel}» nel progetto.`);
    const comuneCode = op.comune ? resolveComune(refs.comuni, op.comune) : null;
    if (op.comune && !comuneCode)
      refuse('comune', `comune «${op.comune}» non trovato: scrivi il nome o il codice ISTAT.`);
    const line = await createPlanLine(tx, ctx, scope, {
      label: op.label,
      projectId: refs.projectId,
      actionId: actionId ?? null,
      partnerId: partner?.id ?? null,
      periodId: periodId ?? null,
      sourceId: refs.sourceId,
      sourceType: op.sourceType,
      comuneCode: comuneCode ?? null,
      budgetCents: op.budgetCents,
      capCents: op.capCents,
    });
    return { status: 'created', lineId: line.id, movementId: null };
  }
  const ids = await repo.projectLinesByLabel(tx, refs.projectId, op.lineLabel);
  if (ids.length === 0) refuse('voce', `nessuna voce «${op.lineLabel}» nel progetto.`);
  if (ids.length > 1)
    refuse(
      'voce',
      `${ids.length} voci del progetto si chiamano «${op.lineLabel}»: rinominale per distinguerle.`,
    );
  const { movement } = await ledger.recordSpend(
    tx,
    ctx,
    ids[0]!,
    {
      kind: op.kind,
      amountCents: op.amountCents,
      occurredOn: op.occurredOn,
      supplier: op.supplier,
      document: op.document,
      description: op.description,
    },
    spendGuard(ctx),
  );
  return { status: 'created', lineId: ids[0]!, movementId: movement.id };
}

/** One row in its own savepoint: written whole, or refused with the reason and rolled back alone. */
async function applyRow(
  tx: Tx,
  ctx: Context,
  scope: Scope,
  refs: ProjectRefs,
  data: Record<string, string>,
): Promise<repo.ImportRowOutcome> {
  const parsed = parseFundRow(data);
  if (!parsed.ok) return { status: 'rejected', reason: parsed.reason };
  try {
    return await tx.transaction((savepoint) => applyOperation(savepoint, ctx, scope, refs, parsed.operation));
  } catch (error) {
    if (error instanceof RowRefused) return { status: 'rejected', reason: error.message };
    if (error instanceof AppError) return { status: 'rejected', reason: reasonOf(error, parsed.operation) };
    throw error;
  }
}

async function processImport(run: JobRun<{ importId: string }>): Promise<void> {
  const { importId } = run.payload;
  // The uploader's stored rights are needed to enter their scope: a system read of one row.
  const job = await unsafeSystemTransaction(run.ctx, (tx) => repo.findImport(tx, importId));
  if (!job || job.status !== 'running') return;
  const ctx: Context = { ...run.ctx, actor: restoreActor(job.actor) };
  let refs: ProjectRefs | null = null;
  await runInBatches(run, () =>
    withScope(ctx, 'funds.manage', async (tx, scope) => {
      await enterImportOwner(tx, job.createdBy);
      const locked = await repo.lockRunningImport(tx, importId);
      if (!locked) return false;
      refs ??= await projectRefs(tx, job.projectId);
      const batch = await repo.pendingImportRows(tx, importId, FUND_IMPORT_BATCH_SIZE);
      if (batch.length === 0) {
        await repo.failImport(tx, importId, 'Le righe del file non sono più disponibili: caricalo di nuovo.');
        return false;
      }
      let created = 0;
      let rejected = 0;
      for (const row of batch) {
        const outcome = await applyRow(tx, ctx, scope, refs, row.data);
        if (outcome.status === 'created') created++;
        else rejected++;
        await repo.recordImportRow(tx, importId, row.row_number, outcome);
      }
      await repo.advanceImport(tx, importId, { created, rejected });
      return locked.processed + batch.length < locked.total;
    }),
  );
}
