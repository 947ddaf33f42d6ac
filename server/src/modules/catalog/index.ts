/*
 * What other modules may use of the catalogue: the pure rules (tariffs, pagoPA notice numbers,
 * eligibility), the demo seed and its way of recording an order, a person's orders for the case-file timeline, and the subsidised
 * orders SIUSS reports. Everything else goes through the HTTP API.
 */
import type { Tx } from '../../platform/db/database.js';
import { listIsee, listOrders, searchServices, type OrderRow } from './catalog.repository.js';
import { chooseIsee } from './catalog.tariff.js';

export { computeTariff, priceForCitizen, validateTariffRule, type IseeFacts } from './catalog.tariff.js';
export { buildNoticeNumber, isValidNoticeNumber } from './catalog.pagopa.js';
export { eligibilityReasons, type EligibilityFacts } from './catalog.rules.js';
export { usePaymentProvider, type PaymentProvider } from './catalog.payments.js';
export { seedCatalogDemo, seedOrder } from './catalog.demo.js';
export { catalogImportJob } from './catalog.jobs.js';

/** A person's catalogue order as the case-file timeline tells it (no prices of others, no payment data). */
export interface PersonOrder {
  id: string;
  createdAt: string;
  serviceName: string;
  providerName: string;
  quantity: number;
  unit: string;
  startDate: string;
  status: OrderRow['status'];
  totalCents: number;
}

// The repository reads timestamps as PostgreSQL text ('2026-12-01 09:30:00.123+00'); the timeline
// merges and sorts ISO instants from several modules.
const isoInstant = (text: string) =>
  new Date(text.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00')).toISOString();

/**
 * The catalogue orders of a person, newest first (at most 100), for the case-file timeline.
 * Runs in the caller's transaction and scope: row-level security keeps it to the caller's territory.
 */
export async function ordersOfPerson(tx: Tx, personId: string): Promise<PersonOrder[]> {
  const { rows } = await listOrders(tx, { personId }, { limit: 100, offset: 0 });
  return rows.map((r) => ({
    id: r.id,
    createdAt: isoInstant(r.created_at),
    serviceName: r.service_name,
    providerName: r.provider_name,
    quantity: r.quantity,
    unit: r.unit,
    startDate: r.start_date,
    status: r.status,
    totalCents: r.total_cents,
  }));
}
export { subsidisedOrders, type SubsidisedOrderRow } from './catalog.repository.js';

// The annual report's orders and spending by tariff band (aggregates only).
export { ordersByTariffBand, type TariffBandFigures } from './catalog.statistics.js';

/** The approved municipal services offered in a comune (at most 100), for a case plan's interventions. */
export async function municipalServicesOf(
  tx: Tx,
  comuneCode: string,
): Promise<{ id: string; name: string; providerName: string }[]> {
  const { rows } = await searchServices(
    tx,
    {
      words: [],
      mode: 'all',
      comune: comuneCode,
      category: null,
      target: null,
      municipal: true,
      origin: null,
    },
    { limit: 100, offset: 0 },
  );
  return rows.map((r) => ({ id: r.id, name: r.name, providerName: r.provider_name }));
}

/**
 * The value of a person's valid ISEE (ordinario, verified, not expired) or null, for a citizen's own
 * application to an economic-support programme. Runs in the caller's transaction and scope.
 */
export async function validIseeCentsOf(tx: Tx, personId: string, today: string): Promise<number | null> {
  const declarations = (await listIsee(tx, personId)).map((r) => ({
    type: r.isee_type,
    valueCents: r.value_cents,
    issuedOn: r.issued_on,
    expiresOn: r.expires_on,
    verified: r.verified_at !== null,
  }));
  const { isee, status } = chooseIsee({ iseeTypes: ['ordinario'] }, declarations, today);
  return status === 'valid' ? isee!.valueCents : null;
}
