import {
  isOwnRecord,
  organizationReach,
  reachesOrganization,
  scopeCovers,
  scopeOf,
  type Actor,
} from '../../platform/access/actor.js';
import type { OrderRow, ServiceRow } from './catalog.repository.js';

/*
 * Who may do what in the catalogue, as readable rules. Capabilities come from the role table;
 * these rules add the organisation and ownership conditions.
 */

/** A provider's staff manage their own organisation's services; an administrator any in territory. */
export function mayManageProvider(actor: Actor | null, providerId: string): boolean {
  if (!actor) return false;
  const scope = scopeOf(actor, 'catalog.manage');
  if (!scope.all && scope.comuni.size === 0) return false;
  return reachesOrganization(actor, 'catalog.manage', providerId);
}

/**
 * Whether the actor may change this service: its provider's staff wherever it is based, an
 * administrator only for a service based in their territory (another Ambito's is not theirs).
 */
export function mayManageService(
  actor: Actor | null,
  service: Pick<ServiceRow, 'provider_id' | 'base_comune_code'>,
): boolean {
  if (!actor) return false;
  const reach = organizationReach(actor, 'catalog.manage');
  return (
    reach.organizations.has(service.provider_id) ||
    scopeCovers(reach.everyOrganization, service.base_comune_code)
  );
}

export function mayModerate(actor: Actor | null, service: Pick<ServiceRow, 'base_comune_code'>): boolean {
  return actor !== null && scopeCovers(scopeOf(actor, 'catalog.moderate'), service.base_comune_code);
}

/** A citizen books for self; a welfare manager for a citizen at an access point. */
export function mayBook(actor: Actor | null): boolean {
  if (!actor) return false;
  const own = scopeOf(actor, 'order.own');
  const assist = scopeOf(actor, 'order.assist');
  return own.all || own.comuni.size > 0 || assist.all || assist.comuni.size > 0;
}

/** The provider's staff handle the orders addressed to their organisation, inside their territory. */
export function mayFulfil(
  actor: Actor | null,
  order: Pick<OrderRow, 'provider_id' | 'comune_code'>,
): boolean {
  if (!actor || !scopeCovers(scopeOf(actor, 'order.fulfil'), order.comune_code)) return false;
  return reachesOrganization(actor, 'order.fulfil', order.provider_id);
}

/** The citizen the order is for, or a welfare manager of its territory. */
export function mayActForBeneficiary(
  actor: Actor | null,
  order: Pick<OrderRow, 'person_id' | 'comune_code'>,
): boolean {
  if (!actor) return false;
  if (isOwnRecord(actor, order.person_id) && scopeCovers(scopeOf(actor, 'order.own'), order.comune_code))
    return true;
  return scopeCovers(scopeOf(actor, 'order.assist'), order.comune_code);
}

export function orderAbilities(actor: Actor | null, order: OrderRow) {
  const provider = mayFulfil(actor, order);
  const beneficiary = mayActForBeneficiary(actor, order);
  const payable = order.payment_status === 'pending' || order.payment_status === 'failed';
  return {
    confirm:
      provider && order.status === 'requested' && ['paid', 'not_required'].includes(order.payment_status),
    decline: provider && order.status === 'requested',
    deliver: provider && order.status === 'confirmed',
    close: provider && order.status === 'delivered',
    cancel: (provider || beneficiary) && ['requested', 'confirmed'].includes(order.status),
    pay: beneficiary && payable && order.status === 'requested',
  };
}
