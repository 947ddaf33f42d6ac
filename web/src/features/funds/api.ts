import { api } from '../../api/client';
import type {
  Allocation,
  AllocationPreviewBody,
  ConfirmAllocationBody,
  MovementBody,
} from '../../../../shared/src/funds/funds.schemas';

export const previewAllocation = (body: AllocationPreviewBody) =>
  api.post<Allocation>('/api/allocations/preview', body);
export const confirmAllocation = (body: ConfirmAllocationBody) =>
  api.post<Allocation>('/api/allocations', body);
export const recordMovement = (lineId: string, body: MovementBody) =>
  api.post<unknown>(`/api/funds/lines/${lineId}/movements`, body);
export const reportUrl = (projectId: string, format?: 'pdf' | 'xlsx') =>
  `/api/projects/${projectId}/report${format ? `?format=${format}` : ''}`;
