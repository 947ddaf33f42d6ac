import { api, withQuery } from '../../api/client';
import type {
  CitizenRequestBody,
  CreatedRequest,
  CreateRequestBody,
  HelpRequest,
  FollowUpBody,
  HelpRequestDetail,
  RequestStatus,
  TriageBody,
} from '../../../../shared/src/requests/requests.schemas';

export const REQUESTS_PAGE_SIZE = 25;

export interface RequestFilter {
  status?: RequestStatus | '';
  comune?: string;
  interventionType?: string;
  organizationId?: string;
  beneficiaryId?: string;
  date?: string;
  awaitingDecision?: boolean;
}

export const requestsPath = (filter: RequestFilter, page = 0, pageSize = REQUESTS_PAGE_SIZE) =>
  withQuery('/api/requests', { ...filter, limit: pageSize, offset: page * pageSize });
export const requestPath = (id: string) => `/api/requests/${encodeURIComponent(id)}`;
export const MY_REQUESTS_PATH = '/api/requests/mine';
/** The citizen's own phone, from their record, for their request form. */
export const OWN_CONTACT_PATH = '/api/me/contact';
export const withdrawOwnRequest = (id: string) =>
  api.post<HelpRequest>(`/api/requests/mine/${encodeURIComponent(id)}/cancel`, {});

export const createRequest = (body: CreateRequestBody) => api.post<CreatedRequest>('/api/requests', body);
export const createCitizenRequest = (body: CitizenRequestBody) =>
  api.post<HelpRequestDetail>('/api/requests/online', body);
export const triageRequest = (id: string, body: TriageBody) =>
  api.post<HelpRequestDetail>(`${requestPath(id)}/triage`, body);
export const cancelRequest = (id: string, reason: string) =>
  api.post<HelpRequestDetail>(`${requestPath(id)}/cancel`, { reason });

export const followUpRequest = (id: string, body: FollowUpBody) =>
  api.post<HelpRequestDetail>(`${requestPath(id)}/follow-up`, body);

/** Navigation state: what the detail page confirms after an intake. */
export interface RequestNotice {
  notice: 'created';
}
