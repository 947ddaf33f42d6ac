/*
 * What other modules may use of goods: stock out of a point FEFO inside their own scoped
 * transaction (parcels, campaigns), and the pure rules.
 */
export { withdrawFromPoint } from './goods.service.js';
export {
  ageOn,
  campaignEligible,
  checkParcelAllowed,
  isNearExpiry,
  loanDueDate,
  loanState,
  validateVatNumber,
  type LotTake,
} from './goods.rules.js';

// The annual report's goods given out (aggregates only).
export { goodsGivenOut } from './goods.statistics.js';
