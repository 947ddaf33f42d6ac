/* What other modules (the demo seed) may use of reports and open data. */
export { unsafePublishOpenData, PROVINCE_SLUG, territorySlug } from './reports.service.js';
export { auditDisclosure, groupSmallAreas, suppressTables, MIN_CELL } from './disclosure.js';
