import type { Database } from '../../platform/db/database.js';
import { queryRows, sql } from '../../platform/db/database.js';
import { enqueueJob, type JobDefinition } from '../../platform/jobs/jobs.js';
import { dateInRome } from '../../platform/time.js';
import { sendLoanReminders } from './loans.service.js';

/*
 * Reminders of equipment due back run as one job of the platform's queue that queues its next run
 * an hour later. Runs are serialised by an advisory lock and each loan is marked reminded for the
 * day in the same transaction, so two instances never remind twice.
 */

export const LOAN_REMINDERS_JOB = 'loan.reminders';
const EVERY_SECONDS = 3600;

export const loanRemindersJob: JobDefinition = {
  kind: LOAN_REMINDERS_JOB,
  async run(job) {
    await job.complete(async (tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${LOAN_REMINDERS_JOB}))`);
      await sendLoanReminders(tx, dateInRome());
      await enqueueJob(tx, LOAN_REMINDERS_JOB, {}, { delaySeconds: EVERY_SECONDS, maxAttempts: 3 });
    });
  },
};

/** Queues the first run at start-up unless one is already queued or running. */
export async function scheduleLoanReminders(database: Database): Promise<void> {
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${LOAN_REMINDERS_JOB}))`);
    const [pending] = await queryRows<{ n: number }>(
      tx,
      sql`SELECT count(*)::int AS n FROM jobs WHERE kind = ${LOAN_REMINDERS_JOB} AND status IN ('queued', 'running')`,
    );
    if ((pending?.n ?? 0) === 0) await enqueueJob(tx, LOAN_REMINDERS_JOB, {}, { maxAttempts: 3 });
  });
}
