/*
 * What other modules may use of goods: stock out of a point FEFO inside their own scoped
 * transaction (parcels, campaigns), the loan reminders job, and the pure rules.
 */
export { withdrawFromPoint } from './goods.service.js';
export { loanRemindersJob, scheduleLoanReminders } from './goods.jobs.js';
export {
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
