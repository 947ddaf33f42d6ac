/*
 * Nothing of the audit module is for other modules: they write events with platform/audit's
 * writeAudit in their own transaction, and only auditors search the trail, through its routes.
 */
export {};
