/*
 * What other modules may use of vouchers and economic-support programmes: the pure rules (the
 * social market and reports reuse the eligibility and amount formula) and the budget interface.
 */
export { amountFor, eligibilityProblems, formatEuro, type ProgrammeRule } from './vouchers.rules.js';
export type { ProgrammeBudgetLedger } from './vouchers.budget.js';
