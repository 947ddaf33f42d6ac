/*
 * What other modules may use of the catalogue: the pure rules (tariffs, pagoPA notice numbers,
 * eligibility) and the demo seed. Everything else goes through the HTTP API.
 */
export { computeTariff, priceForCitizen, validateTariffRule, type IseeFacts } from './catalog.tariff.js';
export { buildNoticeNumber, isValidNoticeNumber } from './catalog.pagopa.js';
export { eligibilityReasons, type EligibilityFacts } from './catalog.rules.js';
export { usePaymentProvider, type PaymentProvider } from './catalog.payments.js';
export { seedCatalogDemo } from './catalog.demo.js';
