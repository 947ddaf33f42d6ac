import { assertInScope, withScope } from '../../platform/access/access.js';
import type { Scope } from '../../platform/access/actor.js';
import { writeAudit } from '../../platform/audit/audit.js';
import type { Context } from '../../platform/context.js';
import type { Tx } from '../../platform/db/database.js';
import { readUploadedCsv } from '../../platform/http/csv.js';
import { todayInRome } from '../../platform/time.js';
import type {
  BankLine,
  Donation,
  MatchBankLineBody,
  RecordDonationBody,
  StatementImport,
} from '../../../../shared/src/funds/funds.schemas.js';
import { matchStatement, readBankStatement } from './bank-statement.js';
import {
  bankAmountMismatch,
  bankLineAlreadyMatched,
  bankLineNotFound,
  campaignNotFound,
  donationAlreadyReconciled,
  donationNotFound,
  donorChoice,
  invalidReference,
  statementUnreadable,
} from './funds.errors.js';
import * as repo from './funds.repository.js';

/*
 * Donations to a campaign: recorded by hand (a transfer, cash at a stall, online), reconciled
 * against the campaign's bank statement, and acknowledged with a numbered receipt. Donors and the
 * statement's descriptions are personal data: capabilities donor.read / donor.manage, rows limited
 * to the campaign's territory by RLS, every read and write audited.
 */

function presentDonation(d: repo.DonationRow): Donation {
  return {
    id: d.id,
    campaignId: d.campaignId,
    channel: d.channel,
    amountCents: d.amountCents,
    receivedOn: d.receivedOn,
    donor: d.donor,
    bankReference: d.bankReference,
    reconciledAt: d.reconciledAt,
    receiptNumber: d.receiptNumber,
    note: d.note,
  };
}

function presentLine(l: repo.BankLineRow): BankLine {
  return {
    id: l.id,
    bookedOn: l.bookedOn,
    valueOn: l.valueOn,
    amountCents: l.amountCents,
    description: l.description,
    donationId: l.donationId,
    matchedAt: l.matchedAt,
  };
}

/**
 * The campaign, when its comune is in the actor's territory for donors: campaigns themselves are
 * public figures (no RLS), their donors and statements are not.
 * @throws 404 otherwise.
 */
async function campaignOf(tx: Tx, scope: Scope, id: string): Promise<repo.CampaignRow> {
  const [campaign] = await repo.listCampaigns(tx, { id });
  if (!campaign) throw campaignNotFound();
  assertInScope(scope, campaign.comuneCode, 'Campagna');
  return campaign;
}

/** The donor of a new gift: a registered one (visible to the actor), a new one, or none (anonymous). */
async function donorFor(
  tx: Tx,
  ctx: Context,
  campaign: repo.CampaignRow,
  choice: Pick<RecordDonationBody, 'donorId' | 'donor'>,
): Promise<string | null> {
  if (choice.donorId && choice.donor) throw donorChoice();
  if (choice.donorId) {
    if (!(await repo.donorExists(tx, choice.donorId))) throw invalidReference('donorId', 'Il donatore');
    return choice.donorId;
  }
  if (!choice.donor) return null;
  const id = await repo.insertDonor(tx, {
    ...choice.donor,
    taxCode: choice.donor.taxCode ? choice.donor.taxCode.toUpperCase() : null,
    comuneCode: campaign.comuneCode,
  });
  await writeAudit(tx, ctx, {
    action: 'donor.create',
    entityType: 'donor',
    entityId: id,
    comune: campaign.comuneCode,
  });
  return id;
}

async function insertDonation(
  tx: Tx,
  ctx: Context,
  campaign: repo.CampaignRow,
  gift: Omit<RecordDonationBody, 'donorId' | 'donor'> & { donorId: string | null },
): Promise<repo.DonationRow> {
  const id = await repo.insertDonation(tx, {
    campaignId: campaign.id,
    donorId: gift.donorId,
    channel: gift.channel,
    amountCents: gift.amountCents,
    receivedOn: gift.receivedOn,
    note: gift.note || null,
    comuneCode: campaign.comuneCode,
    recordedBy: ctx.actor?.userId ?? null,
  });
  await writeAudit(tx, ctx, {
    action: 'fund.donation.create',
    entityType: 'fund_donation',
    entityId: id,
    comune: campaign.comuneCode,
    details: { campaignId: campaign.id, amountCents: gift.amountCents, channel: gift.channel },
  });
  return (await repo.listDonations(tx, { id }))[0]!;
}

/** @throws 404 for a campaign outside the actor's territory, 422 for an unknown donor. */
export async function recordDonation(
  ctx: Context,
  campaignId: string,
  body: RecordDonationBody,
): Promise<Donation> {
  return withScope(ctx, 'donor.manage', async (tx, scope) => {
    const campaign = await campaignOf(tx, scope, campaignId);
    const donorId = await donorFor(tx, ctx, campaign, body);
    return presentDonation(await insertDonation(tx, ctx, campaign, { ...body, donorId }));
  });
}

export async function listDonations(ctx: Context, campaignId: string): Promise<Donation[]> {
  return withScope(ctx, 'donor.read', async (tx, scope) => {
    const campaign = await campaignOf(tx, scope, campaignId);
    const donations = await repo.listDonations(tx, { campaignId });
    await writeAudit(tx, ctx, {
      action: 'fund.donation.list',
      entityType: 'fund_campaign',
      entityId: campaign.id,
      comune: campaign.comuneCode,
      details: { donationIds: donations.map((d) => d.id) },
    });
    return donations.map(presentDonation);
  });
}

/** What the receipt PDF prints: the donation, its campaign and the number given on first issue. */
export interface DonationReceipt {
  number: number;
  issuedOn: string;
  campaign: { title: string; holder: string | null; iban: string | null };
  donation: Donation;
}

export async function issueReceipt(ctx: Context, donationId: string): Promise<DonationReceipt> {
  return withScope(ctx, 'donor.manage', async (tx, scope) => {
    const [before] = await repo.listDonations(tx, { id: donationId });
    if (!before) throw donationNotFound();
    await repo.issueReceipt(tx, donationId, todayInRome());
    const donation = (await repo.listDonations(tx, { id: donationId }))[0]!;
    const campaign = await campaignOf(tx, scope, donation.campaignId);
    await writeAudit(tx, ctx, {
      action: 'fund.donation.receipt',
      entityType: 'fund_donation',
      entityId: donationId,
      comune: donation.comuneCode,
      details: { receiptNumber: donation.receiptNumber, firstIssue: before.receiptNumber === null },
    });
    return {
      number: donation.receiptNumber!,
      issuedOn: donation.receiptIssuedOn!,
      campaign: { title: campaign.title, holder: campaign.holder, iban: campaign.iban },
      donation: presentDonation(donation),
    };
  });
}

/** Matches every open line of the campaign against its open bank-transfer donations (also the demo seed's). */
export async function reconcileOpenLines(tx: Tx, campaignId: string, userId: string | null): Promise<number> {
  const open = await repo.listBankLines(tx, { campaignId, open: true });
  if (open.length === 0) return 0;
  const matches = matchStatement(open, await repo.openTransferDonations(tx, campaignId));
  const idOf = new Map(open.map((l) => [l.key, l.id]));
  for (const m of matches)
    await repo.matchBankLine(tx, { lineId: idOf.get(m.lineKey)!, donationId: m.donationId, userId });
  return matches.length;
}

/**
 * Imports a bank statement (CSV): stores the credits not seen before, matches what it can, and
 * returns the lines left for the operator. Importing the same statement again changes nothing.
 * @throws 422 STATEMENT_UNREADABLE when the file is not a statement.
 */
export async function importStatement(
  ctx: Context,
  campaignId: string,
  bytes: Uint8Array,
): Promise<StatementImport> {
  const records = readUploadedCsv(bytes);
  const statement = records && readBankStatement(records);
  if (!statement) throw statementUnreadable();
  return withScope(ctx, 'donor.manage', async (tx, scope) => {
    const campaign = await campaignOf(tx, scope, campaignId);
    const newLines = await repo.insertBankLines(tx, {
      campaignId,
      comuneCode: campaign.comuneCode,
      importedBy: ctx.actor?.userId ?? null,
      lines: statement.lines,
    });
    const matched = await reconcileOpenLines(tx, campaignId, ctx.actor?.userId ?? null);
    const unmatched = await repo.listBankLines(tx, { campaignId, open: true });
    await writeAudit(tx, ctx, {
      action: 'fund.statement.import',
      entityType: 'fund_campaign',
      entityId: campaignId,
      comune: campaign.comuneCode,
      details: { lines: statement.lines.length, newLines, matched, unmatched: unmatched.length },
    });
    return {
      lines: statement.lines.length,
      newLines,
      alreadyImported: statement.lines.length - newLines,
      matched,
      unmatched: unmatched.map(presentLine),
      problems: statement.problems,
    };
  });
}

export async function listBankLines(ctx: Context, campaignId: string, open: boolean): Promise<BankLine[]> {
  return withScope(ctx, 'donor.read', async (tx, scope) => {
    const campaign = await campaignOf(tx, scope, campaignId);
    const lines = await repo.listBankLines(tx, { campaignId, open });
    await writeAudit(tx, ctx, {
      action: 'fund.statement.read',
      entityType: 'fund_campaign',
      entityId: campaignId,
      comune: campaign.comuneCode,
      details: { lineIds: lines.map((l) => l.id) },
    });
    return lines.map(presentLine);
  });
}

/**
 * The operator's decision on an open line: it is an existing donation of the same amount, or a
 * gift nobody recorded, made into a donation now.
 * @throws 404, 409 when the line or the donation is already reconciled, 422 on a different amount.
 */
export async function matchBankLine(
  ctx: Context,
  lineId: string,
  body: MatchBankLineBody,
): Promise<Donation> {
  return withScope(ctx, 'donor.manage', async (tx, scope) => {
    const [line] = await repo.listBankLines(tx, { id: lineId, forUpdate: true });
    if (!line) throw bankLineNotFound();
    if (line.donationId) throw bankLineAlreadyMatched();
    const campaign = await campaignOf(tx, scope, line.campaignId);
    let donationId: string;
    if ('donationId' in body) {
      const [donation] = await repo.listDonations(tx, { id: body.donationId });
      if (!donation || donation.campaignId !== line.campaignId)
        throw invalidReference('donationId', 'La donazione');
      if (donation.reconciledAt) throw donationAlreadyReconciled();
      if (donation.amountCents !== line.amountCents)
        throw bankAmountMismatch(line.amountCents, donation.amountCents);
      donationId = donation.id;
    } else {
      const donorId = await donorFor(tx, ctx, campaign, body.newDonation);
      const donation = await insertDonation(tx, ctx, campaign, {
        channel: 'bank_transfer',
        amountCents: line.amountCents,
        receivedOn: line.bookedOn,
        note: body.newDonation.note,
        donorId,
      });
      donationId = donation.id;
    }
    await repo.matchBankLine(tx, { lineId, donationId, userId: ctx.actor?.userId ?? null });
    await writeAudit(tx, ctx, {
      action: 'fund.statement.match',
      entityType: 'fund_donation',
      entityId: donationId,
      comune: campaign.comuneCode,
      details: { lineId },
    });
    return presentDonation((await repo.listDonations(tx, { id: donationId }))[0]!);
  });
}
