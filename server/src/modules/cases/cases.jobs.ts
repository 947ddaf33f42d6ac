import type { Database } from '../../platform/db/database.js';
import { recurringJob, scheduleRecurringJob } from '../../platform/jobs/jobs.js';
import { dateInRome } from '../../platform/time.js';
import { sendCaseReminders } from './cases.service.js';

/*
 * Review reminders and discharge escalations run hourly as a recurring job of the platform's
 * queue. Runs are serialised by its advisory lock, and each reminder and escalation is marked in
 * the same transaction, so two instances never send one twice.
 */

export const CASE_REMINDERS_JOB = 'case.reminders';

export const caseRemindersJob = recurringJob(CASE_REMINDERS_JOB, 3600, async (tx) => {
  await sendCaseReminders(tx, dateInRome());
});

/** Queues the first run at start-up unless one is already queued or running. */
export const scheduleCaseReminders = (database: Database) =>
  scheduleRecurringJob(database, CASE_REMINDERS_JOB);
