import type { JobDefinition } from '../platform/jobs/jobs.js';
import { notificationJobs, type DeliveryChannel } from './notifications/index.js';
import { planJob, replanJob } from './rounds/index.js';
import { generateReportJob, publishOpenDataJob } from './reports/index.js';
import { importJob } from './volunteers/index.js';
import { caseRemindersJob } from './cases/index.js';
import { loanRemindersJob } from './goods/index.js';
import { fundImportJob } from './funds/index.js';
import { catalogImportJob } from './catalog/index.js';
import { summaryFoldJob } from './requests/index.js';

/** Every kind of job of the platform's one queue, for the runner each instance starts. */
export function jobDefinitions(deps: { channel: DeliveryChannel }): JobDefinition[] {
  return [
    notificationJobs(deps.channel),
    importJob,
    planJob,
    replanJob,
    publishOpenDataJob,
    generateReportJob,
    caseRemindersJob,
    loanRemindersJob,
    fundImportJob,
    catalogImportJob,
    summaryFoldJob,
  ] as JobDefinition[];
}
