/*
 * What other modules may use of funds: the allocation engine and the ledger rules.
 * The ledger's use cases (lines for beneficiaries, commitments, expenses, reversals, balances)
 * are exported here too as they land.
 */
export {
  allocate,
  allocateTwoLevel,
  AllocationInputError,
  type Share,
  type TwoLevelAllocation,
  type WeightedRecipient,
  type TerritoryRecipient,
} from './allocation.engine.js';
export {
  checkSpend,
  lineBalance,
  formatEuro,
  DEFAULT_CAPS_CENTS,
  type LedgerMovement,
  type LineBalance,
  type SpendRefusal,
} from './funds.rules.js';
export { ibanProblem, normalizeIban, formatIban } from './iban.js';
export { seedFundsDemo, type FundsDemoResult } from './funds.demo.js';
