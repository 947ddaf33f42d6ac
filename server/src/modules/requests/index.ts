import type { Tx } from '../../platform/db/database.js';
import * as repo from './requests.repository.js';

/*
 * What other modules may use of help requests. Functions take a `Tx` already inside the caller's
 * scope (`withScope`): row-level security limits the rows to that territory.
 */
export {
  AGE_BANDS,
  categoriesOf,
  beneficiaryYearCounts,
  requestYearCounts,
  responseTimes,
  type BeneficiaryDimension,
  type ComuneCount,
  type RequestDimension,
  type YearComuneCount,
} from './requests.statistics.js';
export { summaryFoldJob, scheduleSummaryFold } from './requests.jobs.js';

// Case files read a person's requests for their timeline, a case opened from a request, GDPR.

export type { RequestRow } from './requests.repository.js';

/** One request, or null outside the territory. */
export const findHelpRequest = (tx: Tx, id: string) => repo.findRequest(tx, id);

/** The requests a person made or receives, newest first (at most 100). */
export const helpRequestsOfPerson = (tx: Tx, personId: string) => repo.requestsOfPerson(tx, personId);

/** GDPR art. 17: clears free text and requester details of the person's requests; returns how many. */
export const anonymiseHelpRequestsOf = (tx: Tx, personId: string) => repo.anonymiseRequestsOf(tx, personId);

// Tasks tell the request when its last task closed; the request's status is written only here.
export { completeHelpRequestAfterTasks } from './requests.service.js';

// Goods: a food parcel to deliver becomes an accepted request and its task (and so enters a round).
export { recordAcceptedDelivery } from './requests.service.js';
