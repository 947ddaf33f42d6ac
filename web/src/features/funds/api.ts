import { api, apiRequest, withQuery } from '../../api/client';
import type { ImportAccepted } from '../../../../shared/src/imports/imports.schemas';
import type {
  Allocation,
  AllocationPreviewBody,
  BankLine,
  ConfirmAllocationBody,
  Donation,
  MatchBankLineBody,
  MovementBody,
  RecordDonationBody,
  StatementImport,
} from '../../../../shared/src/funds/funds.schemas';

export const previewAllocation = (body: AllocationPreviewBody) =>
  api.post<Allocation>('/api/allocations/preview', body);
export const confirmAllocation = (body: ConfirmAllocationBody) =>
  api.post<Allocation>('/api/allocations', body);
export const recordMovement = (lineId: string, body: MovementBody) =>
  api.post<unknown>(`/api/funds/lines/${lineId}/movements`, body);
/** The progress report (JSON, or a download), with the spending since a date when given. */
export const reportUrl = (projectId: string, format?: 'pdf' | 'xlsx', since?: string) =>
  withQuery(`/api/projects/${projectId}/report`, { format, since });

/** Uploads a project's budget lines and expenses; the server answers 202 with the import to follow. */
export const startFundImport = (projectId: string, file: File, contentType: string) =>
  apiRequest<ImportAccepted>(`/api/projects/${encodeURIComponent(projectId)}/imports`, {
    method: 'POST',
    raw: { body: file, contentType },
  });
export const fundImportPath = (id: string) => `/api/funds/imports/${encodeURIComponent(id)}?rows=rejected`;

export const campaignPath = (id: string) => `/api/campaigns/${encodeURIComponent(id)}`;
export const donationsPath = (campaignId: string) => `${campaignPath(campaignId)}/donations`;
export const openBankLinesPath = (campaignId: string) =>
  withQuery(`${campaignPath(campaignId)}/bank-lines`, { open: true });
export const receiptUrl = (donationId: string) => `/api/donations/${encodeURIComponent(donationId)}/receipt`;
export const recordDonation = (campaignId: string, body: RecordDonationBody) =>
  api.post<Donation>(donationsPath(campaignId), body);
export const importStatement = (campaignId: string, file: File) =>
  apiRequest<StatementImport>(`${campaignPath(campaignId)}/bank-statements`, {
    method: 'POST',
    raw: { body: file, contentType: 'text/csv' },
  });
export const matchBankLine = (line: BankLine, body: MatchBankLineBody) =>
  api.post<Donation>(`/api/bank-lines/${encodeURIComponent(line.id)}/match`, body);
