/* What other modules (the job list, the demo seed) may use of reports and open data. */
export {
  publishOpenDataJob,
  unsafeQueuePublication,
  PROVINCE_SLUG,
  territorySlug,
} from './reports.service.js';
export { auditDisclosure, groupSmallAreas, suppressTables, MIN_CELL } from './disclosure.js';
