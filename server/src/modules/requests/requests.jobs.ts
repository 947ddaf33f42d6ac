import type { Database } from '../../platform/db/database.js';
import { recurringJob, scheduleRecurringJob } from '../../platform/jobs/jobs.js';
import { foldSummaryDeltas } from './requests.statistics.js';

/*
 * The report's summaries take each intake, completion and new person reached as an appended
 * delta, so that writers never wait for each other on a summary row (migration 20261206100000).
 * Readers add the deltas, so the figures are exact whether or not a fold has run; folding every
 * five minutes keeps what they add to a few minutes of activity.
 */

export const SUMMARY_FOLD_JOB = 'requests.summary-fold';

export const summaryFoldJob = recurringJob(SUMMARY_FOLD_JOB, 300, foldSummaryDeltas);

/** Queues the first fold at start-up unless one is already queued or running. */
export const scheduleSummaryFold = (database: Database) => scheduleRecurringJob(database, SUMMARY_FOLD_JOB);
