import { withQuery } from '../../api/client';

export const DASHBOARD_FILTER_KEYS = ['giorno', 'periodo', 'ambito', 'comune', 'organizzazione'] as const;
export type DashboardFilterValues = Record<(typeof DASHBOARD_FILTER_KEYS)[number], string>;

const query = (f: DashboardFilterValues) => ({
  date: f.giorno,
  period: f.periodo === 'settimana' ? 'week' : undefined,
  ambito: f.ambito,
  comune: f.comune,
  organizationId: f.organizzazione,
});

export const dashboardPath = (f: DashboardFilterValues) => withQuery('/api/dashboard', query(f));
/** Every figure of the page as CSV (`;`, BOM) or XLSX, in the interface's language. */
export const dashboardExportPath = (f: DashboardFilterValues, format: 'csv' | 'xlsx', lang: 'it' | 'en') =>
  withQuery(`/api/dashboard/export.${format}`, { ...query(f), lang });
/** The same filters in the web app's own URLs (dashboard ↔ briefing). */
export const filterSearch = (f: DashboardFilterValues) => withQuery('', { ...f });
