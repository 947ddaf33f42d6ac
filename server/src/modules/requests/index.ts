/*
 * What other modules may use of help requests. Functions take a `Tx` already inside the caller's
 * scope (`withScope`): row-level security limits the rows to that territory.
 */
export {
  AGE_BANDS,
  categoriesOf,
  countBeneficiaries,
  countRequests,
  type BeneficiaryDimension,
  type ComuneCount,
  type RequestDimension,
} from './requests.statistics.js';
