/* What other modules (the job list, the demo seed) may use of reports and open data. */
export { publishOpenDataJob, unsafeQueuePublication } from './reports.service.js';
export { PROVINCE_SLUG, territorySlug } from './reports.territory.js';
export { generateReportJob } from './social-report.service.js';
export { demoReportYear, seedReportsDemo } from './reports.demo.js';
export { auditDisclosure, groupSmallAreas, suppressTables, MIN_CELL } from './disclosure.js';
