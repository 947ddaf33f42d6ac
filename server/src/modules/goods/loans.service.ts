import { assertInScope, requireActor, withScope } from '../../platform/access/access.js';
import type { Scope } from '../../platform/access/actor.js';
import { writeAudit } from '../../platform/audit/audit.js';
import type { Context } from '../../platform/context.js';
import type { Tx } from '../../platform/db/database.js';
import { addDays, dateInRome } from '../../platform/time.js';
import type {
  Asset,
  AssetsQuery,
  CreateAssetBody,
  CreateLoanBody,
  Loan,
  ReturnLoanBody,
} from '../../../../shared/src/goods/distribution.schemas.js';
import { enqueueNotification } from '../notifications/index.js';
import { findPersonRecord } from '../people/index.js';
import * as goodsRepo from './goods.repository.js';
import * as repo from './distribution.repository.js';
import { pastOrToday, uniqueViolation } from './goods.service.js';
import { loanDueDate, loanNeedsReminder, loanState } from './goods.rules.js';
import { organizationUnknown } from './goods.errors.js';
import {
  assetNotAvailable,
  assetNotFound,
  loanAlreadyReturned,
  loanNotFound,
  personUnknown,
  returnBeforeStart,
  serialTaken,
} from './distribution.errors.js';

function presentAsset(row: repo.AssetRow, today: string): Asset {
  return {
    id: row.id,
    kind: row.kind,
    label: row.label,
    serialNumber: row.serial_number,
    organizationId: row.organization_id,
    comuneCode: row.comune_code,
    condition: row.condition,
    state: row.due_date === null ? 'available' : row.due_date < today ? 'overdue' : 'out',
    loanId: row.loan_id,
    dueDate: row.due_date,
  };
}

function presentLoan(row: repo.LoanRow, today: string): Loan {
  const loan = { dueDate: row.due_date, returnedOn: row.returned_on };
  return {
    id: row.id,
    assetId: row.asset_id,
    assetLabel: row.asset_label,
    serialNumber: row.serial_number,
    personId: row.person_id,
    personName: row.person_name,
    comuneCode: row.comune_code,
    school: row.school,
    startedOn: row.started_on,
    dueDate: row.due_date,
    returnedOn: row.returned_on,
    returnCondition: row.return_condition,
    state: loanState(loan, today),
    needsReminder: loanNeedsReminder(loan, today),
  };
}

async function assetInScope(tx: Tx, scope: Scope, id: string, lock = false): Promise<repo.AssetRow> {
  const row = await repo.findAsset(tx, id, lock);
  if (!row) throw assetNotFound();
  assertInScope(scope, row.comune_code, 'Bene in prestito');
  return row;
}

/** What is out, overdue and available, in the territory. */
export async function listAssets(ctx: Context, query: AssetsQuery): Promise<Asset[]> {
  return withScope(ctx, 'loan.read', async (tx) => {
    const today = dateInRome();
    return (await repo.listAssets(tx, query, today)).map((r) => presentAsset(r, today));
  });
}

/** @throws 404 comune outside the territory, 409 serial taken, 422 unknown organisation. */
export async function createAsset(ctx: Context, body: CreateAssetBody): Promise<Asset> {
  return withScope(ctx, 'loan.manage', async (tx, scope) => {
    assertInScope(scope, body.comuneCode, 'Comune');
    if (!(await goodsRepo.organizationExists(tx, body.organizationId))) throw organizationUnknown();
    let id: string;
    try {
      id = await repo.insertAsset(tx, body);
    } catch (error) {
      if (uniqueViolation(error, 'loan_assets_serial_number')) throw serialTaken();
      throw error;
    }
    await writeAudit(tx, ctx, {
      action: 'loan.asset_create',
      entityType: 'loan_asset',
      entityId: id,
      comune: body.comuneCode,
    });
    return presentAsset((await repo.findAsset(tx, id))!, dateInRome());
  });
}

/**
 * Lends an available asset to a person (a pupil, with the school) until a due date: the kind's
 * default length or `days`. The asset is locked, so two desks never lend it twice.
 * @throws 404 asset outside the territory, 409 already out or lost, 422 unknown person, bad dates.
 */
export async function createLoan(ctx: Context, body: CreateLoanBody): Promise<Loan> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'loan.manage', async (tx, scope) => {
    const today = dateInRome();
    const asset = await assetInScope(tx, scope, body.assetId, true);
    if (asset.loan_id || asset.condition === 'lost') throw assetNotAvailable();
    const person = await findPersonRecord(tx, body.personId);
    if (!person) throw personUnknown();
    const startedOn = pastOrToday(body.startedOn, today);
    const dueDate = loanDueDate(startedOn, asset.kind, body.days);
    let id: string;
    try {
      id = await repo.insertLoan(tx, {
        assetId: asset.id,
        personId: person.id,
        householdId: person.household_id,
        comuneCode: person.comune_code,
        school: body.school ?? null,
        startedOn,
        dueDate,
        createdBy: actor.userId,
      });
    } catch (error) {
      if (uniqueViolation(error, 'asset_loans_open')) throw assetNotAvailable();
      throw error;
    }
    await writeAudit(tx, ctx, {
      action: 'loan.create',
      entityType: 'asset_loan',
      entityId: id,
      comune: person.comune_code,
      details: { assetId: asset.id, dueDate },
    });
    return presentLoan((await repo.findLoan(tx, id))!, today);
  });
}

/** Loans out (overdue first) or a person's loans. Audited as a search. */
export async function listLoans(ctx: Context, query: { person?: string; open?: boolean }): Promise<Loan[]> {
  return withScope(ctx, 'loan.read', async (tx) => {
    const today = dateInRome();
    const rows = await repo.listLoans(tx, { personId: query.person, open: query.open ?? !query.person });
    await writeAudit(tx, ctx, {
      action: 'loan.search',
      entityType: 'asset_loan',
      details: { personId: query.person ?? null, ids: rows.map((r) => r.id) },
    });
    return rows.map((r) => presentLoan(r, today));
  });
}

/**
 * The asset comes back, in the condition the operator records (which becomes the asset's).
 * @throws 404 outside the territory, 409 already returned, 422 a date before the start or in the future.
 */
export async function returnLoan(ctx: Context, id: string, body: ReturnLoanBody): Promise<Loan> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'loan.manage', async (tx, scope) => {
    const today = dateInRome();
    const loan = await repo.findLoan(tx, id, true);
    if (!loan) throw loanNotFound();
    assertInScope(scope, loan.comune_code, 'Prestito');
    if (loan.returned_on) throw loanAlreadyReturned();
    const returnedOn = pastOrToday(body.returnedOn, today);
    if (returnedOn < loan.started_on) throw returnBeforeStart();
    await repo.returnLoan(tx, {
      loanId: loan.id,
      assetId: loan.asset_id,
      returnedOn,
      condition: body.condition,
      notes: body.notes ?? null,
      userId: actor.userId,
    });
    await writeAudit(tx, ctx, {
      action: 'loan.return',
      entityType: 'asset_loan',
      entityId: id,
      comune: loan.comune_code,
      details: { condition: body.condition },
    });
    return presentLoan((await repo.findLoan(tx, id))!, today);
  });
}

/**
 * The reminders job's work (system transaction): a notification through the outbox for every loan
 * due within three days or overdue, at most one per loan and day.
 * @returns how many were queued.
 */
export async function sendLoanReminders(tx: Tx, today: string): Promise<number> {
  let sent = 0;
  for (const loan of await repo.loansToRemind(tx, today, addDays(today, 3))) {
    if (!loanNeedsReminder({ dueDate: loan.due_date, returnedOn: loan.returned_on }, today)) continue;
    const overdue = loanState({ dueDate: loan.due_date, returnedOn: null }, today) === 'overdue';
    await enqueueNotification(tx, {
      kind: 'loan.reminder',
      recipientEmail: loan.person_email,
      recipientPhone: loan.person_phone,
      subject: overdue
        ? 'Prestito scaduto: restituisci il bene'
        : 'Promemoria: restituzione del bene in prestito',
      body: `${loan.asset_label} (n. di serie ${loan.serial_number}) va restituito entro il ${loan.due_date}.`,
    });
    await repo.markReminded(tx, loan.id, today);
    sent += 1;
  }
  return sent;
}
