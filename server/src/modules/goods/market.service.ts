import { randomBytes } from 'node:crypto';
import { requireActor, withScope } from '../../platform/access/access.js';
import type { Actor } from '../../platform/access/actor.js';
import { writeAudit } from '../../platform/audit/audit.js';
import type { Context } from '../../platform/context.js';
import { sql, type Tx } from '../../platform/db/database.js';
import { dateInRome } from '../../platform/time.js';
import type {
  CreateMarketAccountBody,
  MarketAccount,
  MarketCreditBody,
  MarketCreditResult,
  MarketSpendBody,
  MarketSpendResult,
} from '../../../../shared/src/goods/distribution.schemas.js';
import { findHouseholdWithMembers, findPersonRecord } from '../people/index.js';
import { normaliseVoucherCode, voucherCode } from '../vouchers/index.js';
import * as repo from './distribution.repository.js';
import { pointInScope, uniqueViolation, withdrawFromPoint, type Scope } from './goods.service.js';
import { MARKET_POINTS_BY_SIZE, marketPointsFor, spendPoints } from './goods.rules.js';
import {
  accountExists,
  accountNotFound,
  cardExpired,
  cardMalformed,
  notAMarket,
  notATill,
  personUnknown,
} from './distribution.errors.js';

function presentAccount(row: repo.MarketAccountRow): MarketAccount {
  return {
    id: row.id,
    pointId: row.point_id,
    personId: row.person_id,
    personName: row.person_name,
    comuneCode: row.comune_code,
    cardCode: row.card_code,
    householdSize: row.household_size,
    monthlyPoints: marketPointsFor(row.household_size),
    balancePoints: row.balance_points,
    validUntil: row.valid_until,
  };
}

/** A social market of the territory. @throws 404 outside it, 422 a point that is not a market. */
async function marketInScope(tx: Tx, scope: Scope, id: string) {
  const point = await pointInScope(tx, scope, id, dateInRome());
  if (point.kind !== 'social_market') throw notAMarket();
  return point;
}

/**
 * Opens a household's card at a social market, valid until a date; the card's code carries a check
 * character like a voucher's. Points arrive with the monthly credit.
 * @throws 404 market outside the territory, 409 the household already has a card there, 422 unknown person.
 */
export async function openAccount(ctx: Context, body: CreateMarketAccountBody): Promise<MarketAccount> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'market.manage', async (tx, scope) => {
    const point = await marketInScope(tx, scope, body.pointId);
    const person = await findPersonRecord(tx, body.personId);
    if (!person) throw personUnknown();
    const household = person.household_id ? await findHouseholdWithMembers(tx, person.household_id) : null;
    let id: string | null = null;
    // 40 random bits: a collision is rare; the unique index decides and we draw again.
    for (let attempt = 0; attempt < 5 && !id; attempt++) {
      await tx.execute(sql`SAVEPOINT market_card`);
      try {
        id = await repo.insertAccount(tx, {
          pointId: point.id,
          personId: person.id,
          householdKey: person.household_id ?? person.id,
          comuneCode: person.comune_code,
          cardCode: voucherCode(randomBytes(8), 'EM'),
          householdSize: body.householdSize ?? Math.max(1, household?.members.length ?? 1),
          validUntil: body.validUntil,
          createdBy: actor.userId,
        });
        await tx.execute(sql`RELEASE SAVEPOINT market_card`);
      } catch (error) {
        await tx.execute(sql`ROLLBACK TO SAVEPOINT market_card`);
        if (uniqueViolation(error, 'market_accounts_point_id_household_key')) throw accountExists();
        if (!uniqueViolation(error, 'market_accounts_card_code')) throw error;
      }
    }
    if (!id) throw new Error('could not draw a unique card code');
    await writeAudit(tx, ctx, {
      action: 'market.account_open',
      entityType: 'market_account',
      entityId: id,
      comune: person.comune_code,
      details: { pointId: point.id },
    });
    return presentAccount((await repo.findAccount(tx, id))!);
  });
}

/** The cards of a market (of the territory). Audited as a search. */
export async function listAccounts(ctx: Context, pointId: string): Promise<MarketAccount[]> {
  return withScope(ctx, 'market.manage', async (tx, scope) => {
    const point = await marketInScope(tx, scope, pointId);
    const rows = await repo.listAccounts(tx, point.id);
    await writeAudit(tx, ctx, {
      action: 'market.account_search',
      entityType: 'market_account',
      details: { pointId, ids: rows.map((r) => r.id) },
    });
    return rows.map(presentAccount);
  });
}

/**
 * Credits a month's points to every valid card of the market, by household size. Running it again
 * for the same month credits nothing more: one credit per card and month.
 * @throws 404 market outside the territory, 422 not a market.
 */
export async function creditMonth(ctx: Context, body: MarketCreditBody): Promise<MarketCreditResult> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'market.manage', async (tx, scope) => {
    const point = await marketInScope(tx, scope, body.pointId);
    const result = await repo.creditMonth(tx, {
      pointId: point.id,
      month: body.month,
      pointsBySize: MARKET_POINTS_BY_SIZE,
      userId: actor.userId,
    });
    await writeAudit(tx, ctx, {
      action: 'market.credit',
      entityType: 'distribution_point',
      entityId: point.id,
      comune: point.comune_code,
      details: { month: body.month, credited: result.credited, points: result.points },
    });
    return {
      month: body.month,
      credited: result.credited,
      alreadyCredited: result.cards - result.credited,
      points: result.points,
    };
  });
}

async function tillOf(tx: Tx, actor: Actor, scope: Scope) {
  const pointId = await repo.tillPointOf(tx, actor.userId);
  if (!pointId) throw notATill();
  return marketInScope(tx, scope, pointId);
}

/** The market whose till the signed-in shop user works. @throws 403 when none. */
export async function myTill(ctx: Context): Promise<{ pointId: string; name: string; comuneName: string }> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'market.till', async (tx, scope) => {
    const point = await tillOf(tx, actor, scope);
    return { pointId: point.id, name: point.name, comuneName: point.comune_name };
  });
}

/**
 * The market's till spends points from a card, and what left the shelf goes out of the market's
 * stock (FEFO). Invariant: points are spent once — the card is locked before its balance is read,
 * so concurrent spends queue and each sees the balance the previous one left; CHECK >= 0 is the backstop.
 * @throws 403 not a till user, 404 unknown card or another market's, 409 not enough points, 422 malformed or expired card.
 */
export async function spend(ctx: Context, body: MarketSpendBody): Promise<MarketSpendResult> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'market.till', async (tx, scope) => {
    const till = await tillOf(tx, actor, scope);
    const code = normaliseVoucherCode(body.cardCode, 'EM');
    if (!code) throw cardMalformed();
    const account = await repo.lockAccountByCard(tx, code);
    if (!account || account.point_id !== till.id) throw accountNotFound();
    if (account.valid_until < dateInRome()) throw cardExpired();
    const { remaining } = spendPoints(account.balance_points, body.points);
    const batchId =
      body.lines && body.lines.length > 0
        ? (
            await withdrawFromPoint(tx, actor, scope, {
              kind: 'market',
              pointId: till.id,
              lines: body.lines,
              reason: null,
            })
          ).batchId
        : null;
    await repo.spendFromAccount(tx, {
      accountId: account.id,
      comuneCode: account.comune_code,
      points: body.points,
      remaining,
      batchId,
      userId: actor.userId,
    });
    await writeAudit(tx, ctx, {
      action: 'market.spend',
      entityType: 'market_account',
      entityId: account.id,
      comune: account.comune_code,
      details: { points: body.points, remaining },
    });
    return { cardCode: code, points: body.points, remainingPoints: remaining, marketName: till.name };
  });
}
