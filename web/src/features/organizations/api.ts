import { api, withQuery } from '../../api/client';
import type {
  CreateOrganizationBody,
  Organization,
  OrganizationKind,
} from '../../../../shared/src/organizations/organizations.schemas';

export interface OrganizationFilter {
  kind?: OrganizationKind | '';
  ambito?: string;
  q?: string;
}

export const organizationsPath = (filter: OrganizationFilter = {}) =>
  withQuery('/api/organizations', { ...filter });
export const organizationPath = (id: string) => `/api/organizations/${encodeURIComponent(id)}`;
export const createOrganization = (body: CreateOrganizationBody) =>
  api.post<Organization>('/api/organizations', body);
