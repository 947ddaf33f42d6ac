/*
 * What other modules may use of vouchers and economic-support programmes: the pure rules (the
 * social market and reports reuse the eligibility and amount formula), the budget interface, and
 * the contributions paid and vouchers issued that SIUSS (INPS) reports.
 */
export {
  amountFor,
  eligibilityProblems,
  formatEuro,
  normaliseVoucherCode,
  voucherCode,
  type ProgrammeRule,
} from './vouchers.rules.js';
export { ledgerOf, type ProgrammeBudget, type ProgrammeBudgetLedger } from './vouchers.budget.js';
export { supportBenefits, type SupportBenefitRow } from './vouchers.repository.js';

// The annual report's vouchers and economic support paid (aggregates only).
export { supportPaid, voucherFigures } from './vouchers.statistics.js';
