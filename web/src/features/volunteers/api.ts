import { api, apiRequest, withQuery } from '../../api/client';
import type {
  CreateVolunteerBody,
  ReviewVolunteerBody,
  UpdateVolunteerBody,
  Volunteer,
  VolunteerImportAccepted,
  VolunteerOfferBody,
  VolunteerOfferReceipt,
  VolunteerStatus,
} from '../../../../shared/src/volunteers/volunteers.schemas';

export const VOLUNTEERS_PAGE_SIZE = 25;

export interface VolunteerFilter {
  status?: VolunteerStatus | '';
  organizationId?: string;
  comune?: string;
  q?: string;
}

export const volunteersPath = (filter: VolunteerFilter, page = 0) =>
  withQuery('/api/volunteers', {
    ...filter,
    q: filter.q?.trim(),
    limit: VOLUNTEERS_PAGE_SIZE,
    offset: page * VOLUNTEERS_PAGE_SIZE,
  });
export const volunteerPath = (id: string) => `/api/volunteers/${encodeURIComponent(id)}`;
export const importReportPath = (id: string) =>
  `/api/volunteers/imports/${encodeURIComponent(id)}?rows=rejected`;

export const offerToVolunteer = (body: VolunteerOfferBody) =>
  api.post<VolunteerOfferReceipt>('/api/volunteers/offers', body);
export const createVolunteer = (body: CreateVolunteerBody) => api.post<Volunteer>('/api/volunteers', body);
export const updateVolunteer = (id: string, body: UpdateVolunteerBody) =>
  api.put<Volunteer>(volunteerPath(id), body);
export const reviewVolunteer = (id: string, body: ReviewVolunteerBody) =>
  api.post<Volunteer>(`${volunteerPath(id)}/review`, body);

/** Uploads the raw file; the server answers 202 with the id of the import to follow. */
export const startImport = (file: File, contentType: string, organizationId: string) =>
  apiRequest<VolunteerImportAccepted>(withQuery('/api/volunteers/imports', { organizationId }), {
    method: 'POST',
    raw: { body: file, contentType },
  });
