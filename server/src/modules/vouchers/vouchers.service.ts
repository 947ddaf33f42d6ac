import { randomBytes } from 'node:crypto';
import QRCode from 'qrcode';
import { assertInScope, requireActor, withScope } from '../../platform/access/access.js';
import { can, type Actor, type Scope } from '../../platform/access/actor.js';
import { writeAudit } from '../../platform/audit/audit.js';
import type { Context } from '../../platform/context.js';
import { databaseErrorOf, sql, type Tx } from '../../platform/db/database.js';
import { dateInRome } from '../../platform/time.js';
import type {
  Application,
  ApplicationsQuery,
  CreateApplicationBody,
  CreateProgrammeBody,
  CreateShopBody,
  DecideBody,
  FraudSignal,
  OpenProgramme,
  OwnApplication,
  OwnApplicationBody,
  Programme,
  Redemption,
  RedeemBody,
  Shop,
  Voucher,
} from '../../../../shared/src/vouchers/vouchers.schemas.js';
import { findHouseholdWithMembers, findPersonRecord } from '../people/index.js';
import { createPlanLine } from '../funds/index.js';
import { validIseeCentsOf } from '../catalog/index.js';
import { visibleCaseOfPerson } from '../cases/index.js';
import { validateVatNumber } from '../goods/index.js';
import * as repo from './vouchers.repository.js';
import { ledgerOf } from './vouchers.budget.js';
import {
  amountFor,
  eligibilityProblems,
  isFarRedemption,
  normaliseVoucherCode,
  redeem,
  validateRule,
  voucherCode,
  voucherUsableOn,
} from './vouchers.rules.js';
import {
  alreadyDecided,
  applicationNotFound,
  budgetExceeded,
  citizenWithoutRecord,
  codeMalformed,
  householdAlreadyApplied,
  householdAlreadyGranted,
  notAShop,
  notAVoucherProgramme,
  notApproved,
  notEligible,
  personUnknown,
  programmeClosed,
  programmeNameTaken,
  programmeNotFound,
  shopVatTaken,
  validityInvalid,
  voucherAlreadyIssued,
  voucherNotFound,
  voucherProgramme,
  voucherUnusable,
} from './vouchers.errors.js';

function uniqueViolation(error: unknown, constraint: string): boolean {
  const db = databaseErrorOf(error);
  return db?.code === '23505' && (db.constraint ?? '').includes(constraint);
}

/** The code as an SVG QR image: printable, and shown full-screen on a phone at the till. */
export function qrSvg(code: string): Promise<string> {
  return QRCode.toString(code, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
}

export async function programmeInScope(
  tx: Tx,
  scope: Scope,
  id: string,
  lock = false,
): Promise<repo.ProgrammeRow> {
  const row = await repo.findProgramme(tx, id, { lock });
  if (!row) throw programmeNotFound();
  assertInScope(scope, row.comune_code, 'Programma');
  return row;
}

async function presentProgramme(tx: Tx, row: repo.ProgrammeRow): Promise<Programme> {
  const totals = await repo.programmeTotals(tx, row.id);
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    comuneCode: row.comune_code,
    comuneName: row.comune_name,
    rule: row.rule,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    requiredDocuments: row.required_documents,
    budget: {
      ...(await ledgerOf(row).balance(tx, row)),
      redeemedCents: totals.redeemed_cents,
      paidCents: totals.paid_cents,
      vouchersIssued: totals.vouchers_issued,
    },
    applications: totals.by_status,
  };
}

function presentApplication(
  actor: Actor,
  row: repo.ApplicationRow,
  programme: repo.ProgrammeRow,
): Application {
  const applicant = {
    comuneCode: row.comune_code,
    householdSize: row.household_size,
    iseeCents: row.isee_cents,
  };
  const reviewer = can(actor, 'programme.review', row.comune_code);
  return {
    id: row.id,
    programmeId: row.programme_id,
    programmeName: row.programme_name,
    personId: row.person_id,
    personName: row.person_name,
    householdId: row.household_id,
    comuneCode: row.comune_code,
    comuneName: row.comune_name,
    channel: row.channel,
    householdSize: row.household_size,
    iseeCents: reviewer ? row.isee_cents : null,
    documents: row.documents,
    missingDocuments: programme.required_documents.filter((d) => !row.documents.includes(d)),
    status: row.status,
    eligibilityProblems: eligibilityProblems(programme.rule, applicant),
    proposedAmountCents: amountFor(programme.rule, applicant),
    amountCents: row.amount_cents,
    decisionReason: row.decision_reason,
    decidedAt: row.decided_at,
    paymentReference: row.payment_reference,
    duplicateOf: row.duplicate_of,
    voucherId: row.voucher_id,
    createdAt: row.created_at,
    caseId: null,
    abilities: {
      decide: reviewer && row.status === 'submitted',
      issueVoucher:
        reviewer && row.status === 'approved' && programme.kind === 'voucher' && row.voucher_id === null,
      recordPayment: reviewer && row.status === 'approved' && programme.kind !== 'voucher',
    },
  };
}

async function presentVoucher(tx: Tx, row: repo.VoucherRow): Promise<Voucher> {
  const redemptions = await repo.redemptionsOf(tx, row.id);
  return {
    id: row.id,
    code: row.code,
    programmeId: row.programme_id,
    programmeName: row.programme_name,
    comuneCode: row.comune_code,
    amountCents: row.amount_cents,
    balanceCents: row.balance_cents,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    status: row.status,
    qrSvg: await qrSvg(row.code),
    redemptions: redemptions.map((r) => ({
      shopName: r.shop_name,
      amountCents: r.amount_cents,
      balanceAfterCents: r.balance_after_cents,
      redeemedAt: r.redeemed_at,
    })),
  };
}

/** The programme's budget as a line of its comune on the funds ledger (the comune's own money). */
export async function openBudgetLine(
  tx: Tx,
  ctx: Context,
  scope: Scope,
  programmeId: string,
  programme: { name: string; comuneCode: string; budgetCents: number },
): Promise<void> {
  const line = await createPlanLine(
    tx,
    ctx,
    scope,
    {
      label: `Programma: ${programme.name}`,
      sourceType: 'cofinancing',
      comuneCode: programme.comuneCode,
      budgetCents: programme.budgetCents,
    },
    { beneficiaryRef: `programme:${programmeId}` },
  );
  await repo.setFundLine(tx, programmeId, line.id);
}

/** @throws 404 comune outside the territory, 422 rule or dates invalid, 409 name taken. */
export async function createProgramme(ctx: Context, body: CreateProgrammeBody): Promise<Programme> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'programme.manage', async (tx, scope) => {
    assertInScope(scope, body.comuneCode, 'Comune');
    validateRule(body.rule);
    if (body.validUntil < body.validFrom) throw validityInvalid();
    let id: string;
    try {
      id = await repo.insertProgramme(tx, { ...body, name: body.name.trim() }, actor.userId);
    } catch (error) {
      if (uniqueViolation(error, 'support_programmes_name')) throw programmeNameTaken();
      throw error;
    }
    await openBudgetLine(tx, ctx, scope, id, { ...body, name: body.name.trim() });
    await writeAudit(tx, ctx, {
      action: 'programme.create',
      entityType: 'programme',
      entityId: id,
      comune: body.comuneCode,
    });
    return presentProgramme(tx, (await repo.findProgramme(tx, id))!);
  });
}

/** Programmes run by comuni of the territory, with budget and spending live. */
export async function listProgrammes(ctx: Context): Promise<Programme[]> {
  return withScope(ctx, 'programme.read', async (tx, scope) => {
    const rows = await repo.listProgrammes(tx, scope.all ? 'all' : [...scope.comuni]);
    const out: Programme[] = [];
    for (const row of rows) out.push(await presentProgramme(tx, row));
    return out;
  });
}

/** @throws 404 outside the territory. */
export async function getProgramme(ctx: Context, id: string): Promise<Programme> {
  return withScope(ctx, 'programme.read', async (tx, scope) =>
    presentProgramme(tx, await programmeInScope(tx, scope, id)),
  );
}

/** A programme accepting applications today, or 422. */
function assertOpen(programme: repo.ProgrammeRow, today: string): void {
  if (today < programme.valid_from || today > programme.valid_until) throw programmeClosed();
}

/**
 * Records an application of a person of the registry, with its audit entry. The same household
 * applying again is recorded, linked to the first and raised as a fraud signal; the operator decides.
 */
async function recordApplication(
  tx: Tx,
  ctx: Context,
  programme: repo.ProgrammeRow,
  person: { id: string; household_id: string | null; comune_code: string },
  values: {
    channel: 'online' | 'desk';
    householdSize: number | null;
    iseeCents: number | null;
    documents: string[];
  },
): Promise<repo.ApplicationRow> {
  const actor = requireActor(ctx);
  const household = person.household_id ? await findHouseholdWithMembers(tx, person.household_id) : null;
  const householdKey = person.household_id ?? person.id;
  const earlier = await repo.householdApplications(tx, programme.id, householdKey);
  const id = await repo.insertApplication(tx, {
    programmeId: programme.id,
    personId: person.id,
    householdId: person.household_id,
    householdKey,
    comuneCode: person.comune_code,
    channel: values.channel,
    householdSize: values.householdSize ?? Math.max(1, household ? household.members.length : 1),
    iseeCents: values.iseeCents,
    documents: values.documents,
    duplicateOf: earlier[0]?.id ?? null,
    createdBy: actor.userId,
  });
  if (earlier.length > 0)
    await repo.insertSignal(tx, {
      programmeId: programme.id,
      kind: 'duplicate_application',
      comuneCode: person.comune_code,
      applicationId: id,
      voucherId: null,
      details: { earlier: earlier.map((e) => e.id) },
    });
  await writeAudit(tx, ctx, {
    action: 'programme.application_create',
    entityType: 'programme_application',
    entityId: id,
    comune: person.comune_code,
    details: { programmeId: programme.id, channel: values.channel, duplicate: earlier.length > 0 },
  });
  return (await repo.findApplication(tx, id))!;
}

/**
 * An application taken at a desk (or online on the citizen's behalf) for a person of the registry.
 * @throws 404 programme outside the territory, 422 unknown person or programme closed today.
 */
export async function createApplication(
  ctx: Context,
  programmeId: string,
  body: CreateApplicationBody,
): Promise<Application> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'programme.review', async (tx, scope) => {
    const programme = await programmeInScope(tx, scope, programmeId);
    assertOpen(programme, dateInRome());
    const person = await findPersonRecord(tx, body.personId);
    if (!person) throw personUnknown();
    const row = await recordApplication(tx, ctx, programme, person, {
      channel: body.channel,
      householdSize: body.householdSize ?? null,
      iseeCents: body.iseeCents ?? null,
      documents: body.documents ?? [],
    });
    return presentApplication(actor, row, programme);
  });
}

/** The programmes of the citizen's comune that accept applications today, with the documents they need. */
export async function listOpenProgrammes(ctx: Context): Promise<OpenProgramme[]> {
  return withScope(ctx, 'programme.own', async (tx, scope) => {
    const today = dateInRome();
    const rows = await repo.listProgrammes(tx, scope.all ? 'all' : [...scope.comuni]);
    return rows
      .filter((r) => r.valid_from <= today && today <= r.valid_until)
      .map((r) => ({
        id: r.id,
        kind: r.kind,
        name: r.name,
        comuneName: r.comune_name,
        validFrom: r.valid_from,
        validUntil: r.valid_until,
        requiredDocuments: r.required_documents,
      }));
  });
}

function presentOwnApplication(row: repo.ApplicationRow, programme: repo.ProgrammeRow): OwnApplication {
  return {
    id: row.id,
    programmeId: row.programme_id,
    programmeName: row.programme_name,
    channel: row.channel,
    householdSize: row.household_size,
    documents: row.documents,
    missingDocuments: programme.required_documents.filter((d) => !row.documents.includes(d)),
    status: row.status,
    amountCents: row.amount_cents,
    decisionReason: row.decision_reason,
    decidedAt: row.decided_at,
    createdAt: row.created_at,
  };
}

/**
 * A citizen applies online for self. Household size and ISEE come from their records (the registry's
 * household, their valid ISEE); the programme's rule is checked now, so an ineligible application is
 * refused with its reasons, and so is a second one of the same household (the programme row is
 * locked, so two at once queue and the second sees the first).
 * @throws 403 for roles other than cittadino, 404 programme outside their comune, 409 household
 * already applied, 422 without a registry record, programme closed or requirements not met.
 */
export async function createOwnApplication(
  ctx: Context,
  programmeId: string,
  body: OwnApplicationBody,
): Promise<OwnApplication> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'programme.own', async (tx, scope) => {
    const programme = await programmeInScope(tx, scope, programmeId, true);
    if (!actor.personId) throw citizenWithoutRecord();
    const today = dateInRome();
    assertOpen(programme, today);
    const person = await findPersonRecord(tx, actor.personId);
    if (!person) throw citizenWithoutRecord();
    const householdKey = person.household_id ?? person.id;
    if ((await repo.householdApplications(tx, programme.id, householdKey)).length > 0)
      throw householdAlreadyApplied();
    const household = person.household_id ? await findHouseholdWithMembers(tx, person.household_id) : null;
    const applicant = {
      comuneCode: person.comune_code,
      householdSize: Math.max(1, household ? household.members.length : 1),
      iseeCents: await validIseeCentsOf(tx, person.id, today),
    };
    const problems = eligibilityProblems(programme.rule, applicant);
    if (problems.length > 0) throw notEligible(problems, 'programmeId');
    const documents = [...new Set(body.documents ?? [])].filter((d) =>
      programme.required_documents.includes(d),
    );
    const row = await recordApplication(tx, ctx, programme, person, {
      channel: 'online',
      householdSize: applicant.householdSize,
      iseeCents: applicant.iseeCents,
      documents,
    });
    return presentOwnApplication(row, programme);
  });
}

/** The citizen's own applications, newest first. Audited as a search. */
export async function listOwnApplications(ctx: Context): Promise<OwnApplication[]> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'programme.own', async (tx) => {
    if (!actor.personId) return [];
    const rows = await repo.applicationsOfPerson(tx, actor.personId);
    await writeAudit(tx, ctx, {
      action: 'programme.application_search',
      entityType: 'programme_application',
      details: { own: true, ids: rows.map((r) => r.id) },
    });
    const out: OwnApplication[] = [];
    for (const row of rows)
      out.push(presentOwnApplication(row, (await repo.findProgramme(tx, row.programme_id))!));
    return out;
  });
}

/** Applications of a programme in the territory. Audited as a search. */
export async function listApplications(
  ctx: Context,
  programmeId: string,
  query: ApplicationsQuery,
): Promise<Application[]> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'programme.review', async (tx, scope) => {
    const programme = await programmeInScope(tx, scope, programmeId);
    const rows = await repo.listApplications(tx, programme.id, query);
    await writeAudit(tx, ctx, {
      action: 'programme.application_search',
      entityType: 'programme_application',
      details: { programmeId, ids: rows.map((r) => r.id) },
    });
    return rows.map((r) => presentApplication(actor, r, programme));
  });
}

async function applicationInScope(tx: Tx, scope: Scope, id: string, lock = false) {
  const row = await repo.findApplication(tx, id, { lock });
  if (!row) throw applicationNotFound();
  assertInScope(scope, row.comune_code, 'Domanda');
  const programme = (await repo.findProgramme(tx, row.programme_id))!;
  return { row, programme };
}

/** @throws 404 outside the territory. With the link to the person's case file when the reader may open it. */
export async function getApplication(ctx: Context, id: string): Promise<Application> {
  const actor = requireActor(ctx);
  const application = await withScope(ctx, 'programme.review', async (tx, scope) => {
    const { row, programme } = await applicationInScope(tx, scope, id);
    await writeAudit(tx, ctx, {
      action: 'programme.application_read',
      entityType: 'programme_application',
      entityId: id,
      comune: row.comune_code,
    });
    return presentApplication(actor, row, programme);
  });
  return { ...application, caseId: await visibleCaseOfPerson(ctx, application.personId) };
}

/**
 * The operator's decision, with its reason. Approval checks the rule again and fixes the amount by
 * the formula; one granted application per household and programme.
 * @throws 404 outside the territory, 409 already decided or household already granted, 422 not eligible.
 */
export async function decideApplication(ctx: Context, id: string, body: DecideBody): Promise<Application> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'programme.review', async (tx, scope) => {
    const { row, programme } = await applicationInScope(tx, scope, id, true);
    if (row.status !== 'submitted') throw alreadyDecided();
    let amountCents: number | null = null;
    if (body.decision === 'approve') {
      const applicant = {
        comuneCode: row.comune_code,
        householdSize: row.household_size,
        iseeCents: row.isee_cents,
      };
      const problems = eligibilityProblems(programme.rule, applicant);
      if (problems.length > 0) throw notEligible(problems, 'decision');
      amountCents = amountFor(programme.rule, applicant);
    }
    try {
      await repo.decideApplication(tx, id, {
        status: body.decision === 'approve' ? 'approved' : 'rejected',
        amountCents,
        reason: body.reason.trim(),
        decidedBy: actor.userId,
      });
    } catch (error) {
      if (uniqueViolation(error, 'programme_applications_granted')) throw householdAlreadyGranted();
      throw error;
    }
    await writeAudit(tx, ctx, {
      action: 'programme.application_decide',
      entityType: 'programme_application',
      entityId: id,
      comune: row.comune_code,
      details: { decision: body.decision, amountCents },
    });
    return presentApplication(actor, (await repo.findApplication(tx, id))!, programme);
  });
}

/**
 * Issues the voucher of an approved application: a unique code with a check character, its QR,
 * the programme's validity, and the amount booked on the budget under a lock on the programme.
 * @throws 404 outside the territory, 409 not approved / already issued / over budget, 422 not a voucher programme.
 */
export async function issueVoucher(ctx: Context, applicationId: string): Promise<Voucher> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'programme.review', async (tx, scope) => {
    const { row } = await applicationInScope(tx, scope, applicationId, true);
    const programme = (await repo.findProgramme(tx, row.programme_id, { lock: true }))!;
    if (programme.kind !== 'voucher') throw notAVoucherProgramme();
    if (row.voucher_id) throw voucherAlreadyIssued();
    if (row.status !== 'approved' || row.amount_cents === null) throw notApproved();
    const left = await ledgerOf(programme).commit(tx, ctx, programme, row.amount_cents, {
      kind: 'voucher',
      id: row.id,
    });
    if (left !== null) throw budgetExceeded(left);
    const today = dateInRome();
    let voucherId: string | null = null;
    // 40 bits of randomness: a collision is rare; the unique index decides, and we draw again.
    for (let attempt = 0; attempt < 5 && !voucherId; attempt++) {
      const code = voucherCode(randomBytes(8));
      await tx.execute(sql`SAVEPOINT voucher_code`);
      try {
        voucherId = await repo.insertVoucher(tx, {
          programmeId: programme.id,
          applicationId: row.id,
          householdKey: row.household_key,
          comuneCode: row.comune_code,
          code,
          amountCents: row.amount_cents,
          validFrom: today > programme.valid_from ? today : programme.valid_from,
          validUntil: programme.valid_until,
          issuedBy: actor.userId,
        });
        await tx.execute(sql`RELEASE SAVEPOINT voucher_code`);
      } catch (error) {
        if (!uniqueViolation(error, 'vouchers_code')) throw error;
        await tx.execute(sql`ROLLBACK TO SAVEPOINT voucher_code`);
      }
    }
    if (!voucherId) throw new Error('could not draw a unique voucher code');
    await writeAudit(tx, ctx, {
      action: 'voucher.issue',
      entityType: 'voucher',
      entityId: voucherId,
      comune: row.comune_code,
      details: { applicationId: row.id, amountCents: row.amount_cents },
    });
    return presentVoucher(tx, (await repo.findVoucher(tx, voucherId))!);
  });
}

/**
 * Records the payment of an approved application of a fund (solidarity, rent…), booked on the budget.
 * @throws 404 outside the territory, 409 not approved or over budget, 422 a voucher programme.
 */
export async function recordPayment(
  ctx: Context,
  applicationId: string,
  reference: string,
): Promise<Application> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'programme.review', async (tx, scope) => {
    const { row } = await applicationInScope(tx, scope, applicationId, true);
    const programme = (await repo.findProgramme(tx, row.programme_id, { lock: true }))!;
    if (programme.kind === 'voucher') throw voucherProgramme();
    if (row.status !== 'approved' || row.amount_cents === null) throw notApproved();
    const left = await ledgerOf(programme).commit(tx, ctx, programme, row.amount_cents, {
      kind: 'payment',
      id: row.id,
    });
    if (left !== null) throw budgetExceeded(left);
    await repo.markPaid(tx, row.id, reference.trim());
    await writeAudit(tx, ctx, {
      action: 'programme.payment',
      entityType: 'programme_application',
      entityId: row.id,
      comune: row.comune_code,
      details: { amountCents: row.amount_cents },
    });
    return presentApplication(actor, (await repo.findApplication(tx, row.id))!, programme);
  });
}

/** @throws 404 outside the territory. */
export async function getVoucher(ctx: Context, id: string): Promise<Voucher> {
  return withScope(ctx, 'programme.review', async (tx, scope) => {
    const row = await repo.findVoucher(tx, id);
    if (!row) throw voucherNotFound();
    assertInScope(scope, row.comune_code, 'Buono');
    await writeAudit(tx, ctx, {
      action: 'voucher.read',
      entityType: 'voucher',
      entityId: id,
      comune: row.comune_code,
    });
    return presentVoucher(tx, row);
  });
}

/**
 * A shop spends `amountCents` of a voucher. Invariant: a voucher's balance is spent at most once —
 * the row is locked before the balance is read, so concurrent attempts queue and each sees the
 * balance the previous one left; the CHECK balance >= 0 is the backstop.
 * @throws 403 not a shop user, 404 unknown code, 409 fully redeemed, 422 malformed code / expired / above balance.
 */
export async function redeemVoucher(ctx: Context, body: RedeemBody): Promise<Redemption> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'voucher.redeem', async (tx) => {
    const shop = await repo.shopOfUser(tx, actor.userId);
    if (!shop) throw notAShop();
    const code = normaliseVoucherCode(body.code);
    if (!code) throw codeMalformed();
    const voucher = await repo.lockVoucherByCode(tx, code);
    if (!voucher) throw voucherNotFound();
    const usable = voucherUsableOn(
      { validFrom: voucher.valid_from, validUntil: voucher.valid_until, status: voucher.status },
      dateInRome(),
    );
    if (!usable.ok) throw voucherUnusable(usable.code);
    const { remainingCents } = redeem(voucher.balance_cents, body.amountCents);
    await repo.setBalance(tx, voucher.id, remainingCents);
    const far =
      shop.latitude !== null &&
      shop.longitude !== null &&
      isFarRedemption(
        { lat: voucher.latitude, lon: voucher.longitude },
        { lat: shop.latitude, lon: shop.longitude },
      );
    const redeemedAt = await repo.insertRedemption(tx, {
      voucherId: voucher.id,
      shopId: shop.id,
      comuneCode: voucher.comune_code,
      amountCents: body.amountCents,
      balanceAfterCents: remainingCents,
      far,
      userId: actor.userId,
    });
    if (far)
      await repo.insertSignal(tx, {
        programmeId: voucher.programme_id,
        kind: 'far_redemption',
        comuneCode: voucher.comune_code,
        applicationId: voucher.application_id,
        voucherId: voucher.id,
        details: { shopId: shop.id, shopComune: shop.comune_code },
      });
    await writeAudit(tx, ctx, {
      action: 'voucher.redeem',
      entityType: 'voucher',
      entityId: voucher.id,
      comune: voucher.comune_code,
      details: { shopId: shop.id, amountCents: body.amountCents, remainingCents },
    });
    return {
      code,
      programmeName: voucher.programme_name,
      amountCents: body.amountCents,
      remainingCents,
      validUntil: voucher.valid_until,
      shopName: shop.name,
      redeemedAt,
    };
  });
}

function presentShop(row: repo.ShopRow): Shop {
  return {
    id: row.id,
    name: row.name,
    vatNumber: row.vat_number,
    comuneCode: row.comune_code,
    comuneName: row.comune_name,
    address: row.address,
    accreditedOn: row.accredited_on,
    redeemedCents: row.redeemed_cents,
    redemptions: row.redemptions,
  };
}

/** Accredited shops with what they redeemed (in the actor's territory). */
export async function listShops(ctx: Context): Promise<Shop[]> {
  return withScope(ctx, 'programme.read', async (tx) => (await repo.listShops(tx)).map(presentShop));
}

/** The logged-in shop's own record. @throws 403 when the account is not linked to a shop. */
export async function myShop(ctx: Context): Promise<Shop> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'voucher.redeem', async (tx) => {
    const shop = await repo.shopOfUser(tx, actor.userId);
    if (!shop) throw notAShop();
    return presentShop(shop);
  });
}

/** Accredits a shop (partita IVA checked) and links its till users. @throws 409 VAT already accredited. */
export async function createShop(ctx: Context, body: CreateShopBody): Promise<Shop> {
  return withScope(ctx, 'programme.manage', async (tx, scope) => {
    assertInScope(scope, body.comuneCode, 'Comune');
    const vatNumber = validateVatNumber(body.vatNumber);
    let id: string;
    try {
      id = await repo.insertShop(tx, {
        name: body.name.trim(),
        vatNumber,
        comuneCode: body.comuneCode,
        address: body.address.trim(),
        latitude: body.latitude ?? null,
        longitude: body.longitude ?? null,
        accreditedOn: dateInRome(),
      });
    } catch (error) {
      if (uniqueViolation(error, 'voucher_shops_vat')) throw shopVatTaken();
      throw error;
    }
    for (const userId of body.userIds ?? []) await repo.addShopUser(tx, id, userId);
    await writeAudit(tx, ctx, {
      action: 'shop.create',
      entityType: 'voucher_shop',
      entityId: id,
      comune: body.comuneCode,
    });
    return presentShop((await repo.findShop(tx, id))!);
  });
}

/** Fraud signals of a programme in the territory: a household applying twice, a code redeemed far away. */
export async function listSignals(ctx: Context, programmeId: string): Promise<FraudSignal[]> {
  return withScope(ctx, 'programme.review', async (tx, scope) => {
    await programmeInScope(tx, scope, programmeId);
    return (await repo.listSignals(tx, programmeId)).map((s) => ({
      id: s.id,
      kind: s.kind,
      comuneCode: s.comune_code,
      applicationId: s.application_id,
      voucherId: s.voucher_id,
      details: s.details,
      createdAt: s.created_at,
    }));
  });
}
