import { withQuery } from '../../api/client';

export const AUDIT_PAGE_SIZE = 25;

export interface AuditFilter {
  entityType: string;
  entityId: string;
  actor: string;
  action: string;
  from: string;
  to: string;
}

/** The filter carried in the page's URL (`?entityId=…&action=…`). */
export function filterFromParams(params: URLSearchParams): AuditFilter {
  const get = (key: keyof AuditFilter) => params.get(key) ?? '';
  return {
    entityType: get('entityType'),
    entityId: get('entityId'),
    actor: get('actor'),
    action: get('action'),
    from: get('from'),
    to: get('to'),
  };
}

export const auditPath = (filter: AuditFilter, page: number) =>
  withQuery('/api/audit', { ...filter, limit: AUDIT_PAGE_SIZE, offset: page * AUDIT_PAGE_SIZE });

/** The same search as CSV for Excel, with the operations named in the interface's language. */
export const auditExportPath = (filter: AuditFilter, lang: 'it' | 'en') =>
  withQuery('/api/audit/export.csv', { ...filter, lang });
