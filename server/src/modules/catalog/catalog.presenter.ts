import type {
  AccessPoint,
  IseeDeclaration,
  Order,
  PriceForMe,
  Service,
  TariffRuleView,
} from '../../../../shared/src/catalog/catalog.schemas.js';
import type { Actor } from '../../platform/access/actor.js';
import type { TariffOutcome } from './catalog.tariff.js';
import type { AccessPointRow, IseeRow, OrderRow, ServiceRow, TariffRuleRow } from './catalog.repository.js';
import { mayBook, mayManageService, mayModerate, orderAbilities } from './catalog.policy.js';

export function presentPrice(outcome: TariffOutcome): PriceForMe {
  return {
    unitCents: outcome.unitCents,
    basis: outcome.basis,
    iseeStatus: outcome.isee.status,
    band: outcome.band,
  };
}

export function presentAccessPoint(row: AccessPointRow, distanceKm?: number): AccessPoint {
  return {
    id: row.id,
    name: row.name,
    organizationName: row.organization_name,
    kind: row.kind,
    comuneCode: row.comune_code,
    comuneName: row.comune_name,
    neighbourhood: row.neighbourhood,
    address: row.address,
    latitude: row.latitude,
    longitude: row.longitude,
    openingHours: row.opening_hours,
    phone: row.phone,
    email: row.email,
    ...(distanceKm === undefined ? {} : { distanceKm: Math.round(distanceKm * 10) / 10 }),
  };
}

export function presentService(
  actor: Actor | null,
  row: ServiceRow,
  comuneNames: ReadonlyMap<string, string>,
  extra: { priceForMe?: TariffOutcome; nearestAccessPoint?: AccessPoint | null } = {},
): Service {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    providerId: row.provider_id,
    providerName: row.provider_name,
    categoryId: row.category_id,
    categoryName: row.category_name,
    targetGroups: row.target_groups,
    comuni: row.comuni.map((code) => ({ code, name: comuneNames.get(code) ?? code })),
    baseComuneCode: row.base_comune_code,
    schedule: row.schedule,
    unit: row.unit,
    listPriceCents: row.list_price_cents,
    cappedPriceCents: row.capped_price_cents,
    capacity: row.capacity,
    capacityPeriod: row.capacity_period,
    isMunicipal: row.is_municipal,
    municipalProgram: row.municipal_program,
    requiredDocuments: row.required_documents,
    status: row.status,
    moderationNote: mayManageService(actor, row) || mayModerate(actor, row) ? row.moderation_note : null,
    version: row.version,
    ...(extra.priceForMe ? { priceForMe: presentPrice(extra.priceForMe) } : {}),
    ...(extra.nearestAccessPoint !== undefined ? { nearestAccessPoint: extra.nearestAccessPoint } : {}),
    abilities: {
      edit: mayManageService(actor, row),
      moderate: mayModerate(actor, row),
      book: row.status === 'approved' && mayBook(actor),
    },
  };
}

export function presentIsee(row: IseeRow, today: string): IseeDeclaration {
  return {
    id: row.id,
    personId: row.person_id,
    iseeType: row.isee_type,
    valueCents: row.value_cents,
    dsuProtocol: row.dsu_protocol,
    issuedOn: row.issued_on,
    expiresOn: row.expires_on,
    status: row.expires_on < today ? 'expired' : row.verified_at ? 'valid' : 'unverified',
    verifiedAt: row.verified_at,
    verifiedBy: row.verified_by_name,
  };
}

export function presentTariffRule(row: TariffRuleRow): TariffRuleView {
  return {
    id: row.id,
    scopeType: row.scope_type,
    scopeId: row.scope_id,
    serviceId: row.service_id,
    categoryId: row.category_id,
    name: row.name,
    source: row.source,
    rule: row.rule,
    createdAt: row.created_at,
  };
}

export function presentOrder(actor: Actor | null, row: OrderRow): Order {
  return {
    id: row.id,
    serviceId: row.service_id,
    serviceName: row.service_name,
    providerId: row.provider_id,
    providerName: row.provider_name,
    personId: row.person_id,
    beneficiaryName: row.beneficiary_name,
    comuneCode: row.comune_code,
    quantity: row.quantity,
    unit: row.unit,
    startDate: row.start_date,
    notes: row.notes,
    unitPriceCents: row.unit_price_cents,
    cappedUnitPriceCents: row.capped_unit_price_cents,
    totalCents: row.total_cents,
    subsidyCents: row.subsidy_cents,
    channel: row.channel,
    accessPointId: row.access_point_id,
    status: row.status,
    statusReason: row.status_reason,
    paymentStatus: row.payment_status,
    payment: row.notice_number
      ? {
          noticeNumber: row.notice_number,
          iuv: row.iuv!,
          creditorTaxCode: row.creditor_tax_code!,
          amountCents: row.amount_cents!,
          dueDate: row.due_date!,
          reason: row.reason!,
          status: row.notice_status!,
          receipt: row.receipt,
          paidAt: row.paid_at,
        }
      : null,
    createdAt: row.created_at,
    abilities: orderAbilities(actor, row),
  };
}
