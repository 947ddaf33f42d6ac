import { assertInScope, requireActor, withScope } from '../../platform/access/access.js';
import { scopeCovers, type Scope } from '../../platform/access/actor.js';
import { writeAudit } from '../../platform/audit/audit.js';
import type { Context } from '../../platform/context.js';
import type { Tx } from '../../platform/db/database.js';
import { addDays, dateInRome } from '../../platform/time.js';
import type {
  Campaign,
  CampaignDelivery,
  CampaignDeliveryBody,
  CampaignProgress,
  CreateCampaignBody,
  NotReachedPage,
  NotReachedQuery,
} from '../../../../shared/src/goods/distribution.schemas.js';
import { findPersonRecord } from '../people/index.js';
import { recordAcceptedDelivery } from '../requests/index.js';
import * as goodsRepo from './goods.repository.js';
import * as repo from './distribution.repository.js';
import { pointInScope, uniqueViolation, withdrawFromPoint } from './goods.service.js';
import { campaignEligible, permille } from './goods.rules.js';
import { itemUnknown } from './goods.errors.js';
import {
  alreadyReached,
  campaignDatesInvalid,
  campaignNameTaken,
  campaignNotActive,
  campaignNotFound,
  notEligibleForCampaign,
  personUnknown,
  pointRequired,
} from './distribution.errors.js';

// Seed 000's masks to the over-65s: the CremonAiuta intervention a campaign's home delivery is.
const MASKS_OVER_65 = 'masks_over65';

async function campaignInScope(tx: Tx, scope: Scope, id: string): Promise<repo.CampaignRow> {
  const row = await repo.findCampaign(tx, id);
  if (!row) throw campaignNotFound();
  assertInScope(scope, row.comune_code, 'Campagna');
  return row;
}

/** Per comune of the actor's territory (people elsewhere are not visible, nor counted). */
export async function progressOf(tx: Tx, scope: Scope, row: repo.CampaignRow, today: string) {
  return (await repo.progressByComune(tx, row, today))
    .filter((c) => scopeCovers(scope, c.comune_code))
    .map((c) => ({
      comuneCode: c.comune_code,
      comuneName: c.comune_name,
      eligible: c.eligible,
      reached: c.reached,
      permille: permille(c.reached, c.eligible),
    }));
}

function presentCampaign(row: repo.CampaignRow, comuni: { eligible: number; reached: number }[]): Campaign {
  return {
    id: row.id,
    name: row.name,
    comuneCode: row.comune_code,
    comuni: row.comuni,
    minAge: row.min_age,
    itemId: row.item_id,
    itemName: row.item_name,
    quantityPerPerson: row.quantity_per_person,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    eligible: comuni.reduce((n, c) => n + c.eligible, 0),
    reached: comuni.reduce((n, c) => n + c.reached, 0),
  };
}

/**
 * A campaign over comuni of the actor's territory, for everyone or from an age.
 * @throws 404 a comune outside the territory, 409 name taken, 422 unknown item or dates reversed.
 */
export async function createCampaign(ctx: Context, body: CreateCampaignBody): Promise<Campaign> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'campaign.manage', async (tx, scope) => {
    assertInScope(scope, body.comuneCode, 'Comune');
    for (const comune of body.comuni) assertInScope(scope, comune, 'Comune');
    if (body.endsOn && body.endsOn < body.startsOn) throw campaignDatesInvalid();
    if (body.itemId && !(await goodsRepo.findItems(tx, [body.itemId])).has(body.itemId)) throw itemUnknown();
    let id: string;
    try {
      id = await repo.insertCampaign(tx, {
        name: body.name,
        comuneCode: body.comuneCode,
        comuni: body.comuni,
        minAge: body.minAge ?? null,
        itemId: body.itemId ?? null,
        quantityPerPerson: body.quantityPerPerson ?? 1,
        startsOn: body.startsOn,
        endsOn: body.endsOn ?? null,
        createdBy: actor.userId,
      });
    } catch (error) {
      if (uniqueViolation(error, 'distribution_campaigns_name')) throw campaignNameTaken();
      throw error;
    }
    await writeAudit(tx, ctx, {
      action: 'campaign.create',
      entityType: 'campaign',
      entityId: id,
      comune: body.comuneCode,
    });
    const row = (await repo.findCampaign(tx, id))!;
    return presentCampaign(row, await progressOf(tx, scope, row, dateInRome()));
  });
}

/** Campaigns run by comuni of the territory, with eligible and reached counts (aggregates only). */
export async function listCampaigns(ctx: Context): Promise<Campaign[]> {
  return withScope(ctx, 'campaign.read', async (tx, scope) => {
    const today = dateInRome();
    const out: Campaign[] = [];
    for (const row of await repo.listCampaigns(tx, scope.all ? 'all' : [...scope.comuni]))
      out.push(presentCampaign(row, await progressOf(tx, scope, row, today)));
    return out;
  });
}

/** A campaign's progress per comune (for its map and table). @throws 404 outside the territory. */
export async function getCampaign(ctx: Context, id: string): Promise<CampaignProgress> {
  return withScope(ctx, 'campaign.read', async (tx, scope) => {
    const row = await campaignInScope(tx, scope, id);
    const comuni = await progressOf(tx, scope, row, dateInRome());
    return { campaign: presentCampaign(row, comuni), comuni };
  });
}

/** Who the campaign has not reached yet, those living alone first. Audited as a search of people. */
export async function listNotReached(
  ctx: Context,
  id: string,
  query: NotReachedQuery,
): Promise<NotReachedPage> {
  return withScope(ctx, 'campaign.deliver', async (tx, scope) => {
    const row = await campaignInScope(tx, scope, id);
    const { total, rows } = await repo.notReached(tx, row, dateInRome(), query);
    await writeAudit(tx, ctx, {
      action: 'campaign.not_reached_search',
      entityType: 'person',
      details: { campaignId: id, ids: rows.map((r) => r.id) },
    });
    return {
      total,
      items: rows.map((r) => ({
        id: r.id,
        name: r.name,
        birthDate: r.birth_date,
        comuneCode: r.comune_code,
        address: r.address,
        livesAlone: r.lives_alone,
      })),
    };
  });
}

/**
 * Records that a person received the campaign's goods, at a point (its stock goes out FEFO) or at
 * home: then they leave the point for a CremonAiuta request accepted by the point's organisation,
 * whose task enters tomorrow's rounds (as a food parcel does), and the person counts as reached.
 * Invariant: once per person per campaign — serialised per person, the unique key the backstop.
 * @throws 404 outside the territory, 409 already reached, 422 not eligible, not active, no point.
 */
export async function recordDelivery(
  ctx: Context,
  id: string,
  body: CampaignDeliveryBody,
): Promise<CampaignDelivery> {
  const actor = requireActor(ctx);
  return withScope(ctx, 'campaign.deliver', async (tx, scope) => {
    const today = dateInRome();
    const campaign = await campaignInScope(tx, scope, id);
    if (today < campaign.starts_on || (campaign.ends_on !== null && today > campaign.ends_on))
      throw campaignNotActive();
    const person = await findPersonRecord(tx, body.personId);
    if (!person) throw personUnknown();
    const rule = { minAge: campaign.min_age, comuni: campaign.comuni };
    if (!campaignEligible(rule, { birthDate: person.birth_date, comuneCode: person.comune_code }, today))
      throw notEligibleForCampaign();
    await repo.lockCampaignPerson(tx, campaign.id, person.id);
    if (await repo.deliveryOf(tx, campaign.id, person.id)) throw alreadyReached();
    let batchId: string | null = null;
    if ((campaign.item_id || body.channel === 'delivery') && !body.pointId) throw pointRequired();
    if (campaign.item_id) {
      batchId = (
        await withdrawFromPoint(tx, actor, scope, {
          kind: 'campaign',
          pointId: body.pointId!,
          lines: [{ itemId: campaign.item_id, quantity: campaign.quantity_per_person }],
          reason: campaign.name,
        })
      ).batchId;
    }
    const home =
      body.channel === 'delivery'
        ? await recordAcceptedDelivery(tx, actor, {
            beneficiaryId: person.id,
            interventionTypeId: MASKS_OVER_65,
            organizationId: (await pointInScope(tx, scope, body.pointId!, today)).organization_id,
            dueDate: addDays(today, 1),
            description: `${campaign.name}: consegna a domicilio.`,
          })
        : null;
    let deliveryId: number;
    try {
      deliveryId = await repo.insertDelivery(tx, {
        campaignId: campaign.id,
        personId: person.id,
        comuneCode: person.comune_code,
        channel: body.channel,
        pointId: body.pointId ?? null,
        batchId,
        deliveredOn: today,
        deliveredBy: actor.userId,
        requestId: home?.requestId ?? null,
      });
    } catch (error) {
      if (uniqueViolation(error, 'campaign_deliveries_campaign_id_person_id')) throw alreadyReached();
      throw error;
    }
    await writeAudit(tx, ctx, {
      action: 'campaign.delivery',
      entityType: 'person',
      entityId: person.id,
      comune: person.comune_code,
      details: { campaignId: campaign.id, channel: body.channel },
    });
    return {
      id: deliveryId,
      campaignId: campaign.id,
      personId: person.id,
      comuneCode: person.comune_code,
      channel: body.channel,
      deliveredOn: today,
      batchId,
      requestId: home?.requestId ?? null,
      taskIds: home?.taskIds ?? [],
    };
  });
}
