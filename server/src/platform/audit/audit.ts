import { pgArray, sql, type SQL, type Tx } from '../db/database.js';
import type { Context } from '../context.js';
import { rolesOf } from '../access/actor.js';
import {
  AUDIT_ACTIONS,
  AUDIT_ENTITY_TYPES,
  type AuditLabel,
} from '../../../../shared/src/audit/audit.catalog.js';

/** The audited actions; each names what happened to which kind of record. */
export type AuditAction =
  | 'open_data.publish'
  | 'social_report.generate'
  | 'social_report.narrative'
  | 'social_report.publish'
  | 'person.read'
  | 'person.search'
  | 'person.create'
  | 'person.update'
  | 'household.create'
  | 'household.read'
  | 'user.create'
  | 'user.password_reset'
  | 'user.password_change'
  | 'user.login'
  | 'user.login_failed'
  | 'comune.reassign'
  | 'organization.create'
  | 'membership.create'
  | 'request.create'
  | 'request.read'
  | 'request.search'
  | 'request.triage'
  | 'request.cancel'
  | 'request.follow_up'
  | 'task.assign'
  | 'task.respond'
  | 'task.complete'
  | 'task.reimburse'
  | 'task.read'
  | 'volunteer.offer'
  | 'volunteer.read'
  | 'volunteer.search'
  | 'volunteer.create'
  | 'volunteer.review'
  | 'volunteer.update'
  | 'volunteer.import'
  | 'goods.item_create'
  | 'goods.point_create'
  | 'goods.donor_create'
  | 'stock.donation'
  | 'stock.transfer'
  | 'stock.write_off'
  | 'stock.reverse'
  | 'parcel.template_create'
  | 'parcel.create'
  | 'parcel.read'
  | 'parcel.search'
  | 'parcel.pickup'
  | 'campaign.create'
  | 'campaign.not_reached_search'
  | 'campaign.delivery'
  | 'loan.asset_create'
  | 'loan.create'
  | 'loan.search'
  | 'loan.return'
  | 'market.account_open'
  | 'market.account_search'
  | 'market.credit'
  | 'market.spend'
  | 'fund.line.create'
  | 'fund.movement.create'
  | 'fund.movement.reverse'
  | 'fund.allocation.confirm'
  | 'fund.project.create'
  | 'fund.import'
  | 'fund.action.update'
  | 'fund.campaign.create'
  | 'fund.donation.create'
  | 'fund.donation.list'
  | 'fund.donation.receipt'
  | 'fund.statement.import'
  | 'fund.statement.read'
  | 'fund.statement.match'
  | 'donor.read'
  | 'donor.create'
  | 'job.completed'
  | 'job.failed'
  | 'round_plan.create'
  | 'round_plan.read'
  | 'round_plan.search'
  | 'round_plan.change'
  | 'round_plan.publish'
  | 'case.create'
  | 'case.read'
  | 'case.search'
  | 'case.update'
  | 'case.access_denied'
  | 'case.break_glass'
  | 'case.board'
  | 'case_document.read'
  | 'person.export'
  | 'person.anonymise'
  | 'programme.create'
  | 'programme.application_create'
  | 'programme.application_read'
  | 'programme.application_search'
  | 'programme.application_decide'
  | 'programme.payment'
  | 'voucher.issue'
  | 'voucher.read'
  | 'voucher.redeem'
  | 'shop.create'
  | 'isee.read'
  | 'isee.create'
  | 'isee.verify'
  | 'orientation.read'
  | 'orientation.create'
  | 'order.create'
  | 'order.read'
  | 'order.search'
  | 'order.update'
  | 'payment.update'
  | 'service.create'
  | 'service.import'
  | 'service.update'
  | 'service.moderate'
  | 'tariff.create'
  | 'access_point.create'
  | 'siuss.export'
  | 'siuss.records_read'
  | 'siuss.flows_sent'
  | 'siuss.esiti'
  | 'siuss.code_update'
  | 'siuss.ente_update'
  | 'siuss.token_create'
  | 'commons.create'
  | 'pact_proposal.create'
  | 'pact_proposal.search'
  | 'pact_proposal.decide'
  | 'pact.create'
  | 'pact.read'
  | 'pact.renew'
  | 'pact.activity'
  | 'codesign.call_create'
  | 'codesign.proposal_create'
  | 'codesign.proposal_search'
  | 'codesign.evaluate'
  | 'codesign.agreement';

export interface AuditEvent {
  action: AuditAction;
  entityType:
    | 'open_data'
    | 'social_report'
    | 'person'
    | 'household'
    | 'user'
    | 'comune'
    | 'organization'
    | 'membership'
    | 'request'
    | 'task'
    | 'volunteer'
    | 'volunteer_import'
    | 'catalog_import'
    | 'goods_item'
    | 'distribution_point'
    | 'goods_donor'
    | 'stock_batch'
    | 'fund_line'
    | 'fund_movement'
    | 'fund_allocation'
    | 'fund_project'
    | 'fund_import'
    | 'fund_action'
    | 'fund_campaign'
    | 'fund_donation'
    | 'donor'
    | 'job'
    | 'round_plan'
    | 'case'
    | 'case_document'
    | 'programme'
    | 'programme_application'
    | 'voucher'
    | 'voucher_shop'
    | 'isee'
    | 'orientation_note'
    | 'order'
    | 'payment_notice'
    | 'service'
    | 'tariff_rule'
    | 'access_point'
    | 'siuss_record'
    | 'siuss_code'
    | 'siuss_ente'
    | 'parcel_template'
    | 'parcel'
    | 'campaign'
    | 'loan_asset'
    | 'asset_loan'
    | 'market_account'
    | 'commons'
    | 'pact_proposal'
    | 'pact'
    | 'codesign_call'
    | 'codesign_proposal'
    | 'codesign_agreement';
  entityId?: string | null;
  comune?: string | null;
  /** Never personal data in clear: ids, field names, counts. */
  details?: Record<string, unknown>;
}

// Every action and kind of record has its names for the audit page: add them to the catalogue.
AUDIT_ACTIONS satisfies Record<AuditAction, AuditLabel>;
AUDIT_ENTITY_TYPES satisfies Record<AuditEvent['entityType'], AuditLabel>;

/**
 * The INSERT of an audit event, to run alone (writeAudit) or inside the change's own statement as a
 * CTE (`audit AS (${auditStatement(…)})`), so that the change and its trail cost one round trip.
 * `entityId` and `comune` may be SQL naming what the statement creates (`(SELECT id FROM created)`);
 * `onlyIf`, SQL true when the change happened (`EXISTS (SELECT 1 FROM created)`), for a statement
 * that may decide not to change anything.
 */
export function auditStatement(
  ctx: Context,
  event: Omit<AuditEvent, 'entityId' | 'comune'> & {
    entityId?: string | SQL | null;
    comune?: string | SQL | null;
    onlyIf?: SQL;
  },
): SQL {
  const actor = ctx.actor;
  // A partner system (INPS's WaaS client) has no user: the trail names it and its kind instead.
  const roles = actor ? rolesOf(actor) : ctx.partner ? [`partner:${ctx.partner.kind}`] : [];
  // Typed casts: in the INSERT … SELECT form the parameters have no column to take their type from.
  const values = sql`${actor?.userId ?? null}::uuid, ${actor?.email ?? ctx.partner?.label ?? null}::text, ${pgArray(roles)}::text[],
            ${event.action}::text, ${event.entityType}::text, ${event.entityId ?? null}::text, ${event.comune ?? null}::text,
            ${ctx.ip}::text, ${ctx.requestId}::text, ${JSON.stringify(event.details ?? {})}::jsonb`;
  return sql`
    INSERT INTO audit_events (actor_user_id, actor_email, actor_roles, action, entity_type, entity_id, comune_code, ip, request_id, details)
    ${event.onlyIf ? sql`SELECT ${values} WHERE ${event.onlyIf}` : sql`VALUES (${values})`}`;
}

/** Appends an audit event in the caller's transaction, so it commits or rolls back with the change. */
export async function writeAudit(tx: Tx, ctx: Context, event: AuditEvent): Promise<void> {
  await tx.execute(auditStatement(ctx, event));
}
