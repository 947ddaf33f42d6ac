import { api, withQuery } from '../../api/client';
import type {
  IseeDeclaration,
  IseeInput,
  ModerationBody,
  Order,
  OrderInput,
  OrientationNote,
  OrientationNoteInput,
  Service,
  ServiceInput,
  TariffPreview,
  TariffPreviewInput,
  TariffRuleInput,
  TariffRuleView,
  UpdateServiceBody,
} from '../../../../shared/src/catalog/catalog.schemas';

export const CATEGORIES_PATH = '/api/catalog/categories';
export const MY_PROVIDERS_PATH = '/api/provider/organizations';
export const TARIFF_RULES_PATH = '/api/tariff-rules';
export const MY_ACCESS_POINTS_PATH = '/api/me/access-points';
export const SEARCH_PAGE_SIZE = 20;

/** The search as the page keeps it in its address: every value a string, empty when unset. */
export interface CatalogFilter {
  q: string;
  category: string;
  comune: string;
  target: string;
  kind: string;
  maxPrice: string;
  available: string;
}

export const EMPTY_FILTER: CatalogFilter = {
  q: '',
  category: '',
  comune: '',
  target: '',
  kind: '',
  maxPrice: '',
  available: '',
};

export const searchPath = (
  filter: Omit<CatalogFilter, 'maxPrice'>,
  maxPriceForMeCents: number | null,
  page: number,
) =>
  withQuery('/api/services', {
    q: filter.q.trim(),
    category: filter.category,
    comune: filter.comune,
    target: filter.target,
    municipal: filter.kind === 'municipal' ? true : filter.kind === 'private' ? false : undefined,
    maxPriceForMeCents,
    available: filter.available === 'true' ? true : undefined,
    limit: SEARCH_PAGE_SIZE,
    offset: page * SEARCH_PAGE_SIZE,
  });

export const servicePath = (id: string) => `/api/services/${encodeURIComponent(id)}`;
export const orderPath = (id: string) => `/api/orders/${encodeURIComponent(id)}`;
export const ordersPath = (query: { personId?: string; status?: string; limit?: number }) =>
  withQuery('/api/orders', { ...query });
export const accessPointsPath = (comune?: string) => withQuery('/api/access-points', { comune });
export const managedServicesPath = (status?: string) =>
  withQuery('/api/catalog/managed-services', { status, limit: 200 });
export const statementPath = (month: string) => withQuery('/api/provider/statement', { month });
export const statementExportUrl = (month: string, format: string) =>
  withQuery('/api/provider/statement/export', { month, format });

/** Books a service; the key makes a retried submission return the first order instead of a second one. */
export const createOrder = (input: OrderInput, idempotencyKey: string) =>
  api.post<Order>('/api/orders', input, { 'idempotency-key': idempotencyKey });

export type OrderAction = 'confirm' | 'decline' | 'deliver' | 'close' | 'cancel';
export const transitionOrder = (id: string, action: OrderAction, reason?: string) =>
  api.post<Order>(`${orderPath(id)}/${action}`, reason ? { reason } : {});

/** Pays the order's notice with the payment provider; the development one simulates the outcome. */
export const payOrder = (id: string, simulate: 'success' | 'failure') =>
  api.post<Order>(`${orderPath(id)}/payment`, { simulate });

export const orientationNotesPath = (personId: string) =>
  `/api/people/${encodeURIComponent(personId)}/orientation-notes`;
export const addOrientationNote = (personId: string, body: OrientationNoteInput) =>
  api.post<OrientationNote>(orientationNotesPath(personId), body);

export const moderateService = (id: string, body: ModerationBody) =>
  api.post<Service>(`${servicePath(id)}/moderation`, body);

export const personIseePath = (personId: string) => `/api/people/${encodeURIComponent(personId)}/isee`;
export const addIsee = (personId: string, body: IseeInput) =>
  api.post<IseeDeclaration>(personIseePath(personId), body);
export const verifyIsee = (id: string) =>
  api.post<IseeDeclaration>(`/api/isee/${encodeURIComponent(id)}/verify`, {});

/** A provider proposes a service: it waits for moderation before it is public. */
export const createService = (input: ServiceInput) => api.post<Service>('/api/services', input);
/** Changes a service; a new price sends it back to moderation (the server decides). */
export const updateService = (id: string, body: UpdateServiceBody) => api.put<Service>(servicePath(id), body);

/** Sets a comune's or an Ambito's tariff for a service or a category (it replaces the current one). */
export const saveTariffRule = (input: TariffRuleInput) => api.post<TariffRuleView>(TARIFF_RULES_PATH, input);
/** What a draft rule charges at these ISEE values, computed by the server's tariff engine. */
export const previewTariff = (input: TariffPreviewInput) =>
  api.post<TariffPreview>(`${TARIFF_RULES_PATH}/preview`, input);
