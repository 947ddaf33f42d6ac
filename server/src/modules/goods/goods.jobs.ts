import type { Database } from '../../platform/db/database.js';
import { recurringJob, scheduleRecurringJob } from '../../platform/jobs/jobs.js';
import { dateInRome } from '../../platform/time.js';
import { sendLoanReminders } from './loans.service.js';

/*
 * Reminders of equipment due back run hourly as a recurring job of the platform's queue. Runs are
 * serialised by its advisory lock and each loan is marked reminded for the day in the same
 * transaction, so two instances never remind twice.
 */

export const LOAN_REMINDERS_JOB = 'loan.reminders';

export const loanRemindersJob = recurringJob(LOAN_REMINDERS_JOB, 3600, async (tx) => {
  await sendLoanReminders(tx, dateInRome());
});

/** Queues the first run at start-up unless one is already queued or running. */
export const scheduleLoanReminders = (database: Database) =>
  scheduleRecurringJob(database, LOAN_REMINDERS_JOB);
