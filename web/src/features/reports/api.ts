import { withQuery } from '../../api/client';

export const reportsPath = (year: number, territory: string) =>
  withQuery('/api/reports', { year, territory });
export const reportPath = (id: string) => `/api/reports/${id}`;
export const reportPdfPath = (id: string) => `/api/reports/${id}/report.pdf`;
export const generatePath = (year: number, territory: string) => `/api/reports/${year}/${territory}/generate`;
export const publicReportPath = (year: number, territory: string) =>
  `/api/social-reports/${year}/${territory}`;
export const publicReportPdfPath = (year: number, territory: string) =>
  `/api/social-reports/${year}/${territory}/report.pdf`;
/** The web app's public page of a published report. */
export const publicReportPage = (year: number, territory: string) => `/rapporti-sociali/${year}/${territory}`;

export { comuneSlug, PROVINCE_SLUG, territorySlug } from '../../../../shared/src/reports/territory-slug';
