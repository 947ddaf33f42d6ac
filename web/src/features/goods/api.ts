import { api, withQuery } from '../../api/client';
import type { Batch, CreateDonorBody, DonationBody, Donor } from '../../../../shared/src/goods/goods.schemas';
import type {
  CampaignDelivery,
  CampaignDeliveryBody,
  CreateParcelBody,
  MarketSpendBody,
  MarketSpendResult,
  Parcel,
  ReturnLoanBody,
  Loan,
} from '../../../../shared/src/goods/distribution.schemas';

const id = (value: string) => encodeURIComponent(value);

export const POINTS_PATH = '/api/goods/points';
export const ITEMS_PATH = '/api/goods/items';
export const DONORS_PATH = '/api/goods/donors';
export const TEMPLATES_PATH = '/api/goods/parcel-templates';
export const CAMPAIGNS_PATH = '/api/goods/campaigns';

export const pointPath = (pointId: string) => `${POINTS_PATH}/${id(pointId)}`;
export const stockPath = (pointId: string) => withQuery('/api/stock', { point: pointId });
export const batchesPath = (query: { point?: string; donor?: string; kind?: string; limit?: number }) =>
  withQuery('/api/stock/batches', query);
export const parcelsPath = (query: { point?: string; person?: string; limit?: number }) =>
  withQuery('/api/parcels', query);
export const donorPath = (donorId: string) => `${DONORS_PATH}/${id(donorId)}`;
export const donationReceiptUrl = (batchId: string) => `/api/stock/batches/${id(batchId)}/receipt`;
export const campaignPath = (campaignId: string) => `${CAMPAIGNS_PATH}/${id(campaignId)}`;
export const notReachedPath = (
  campaignId: string,
  query: { comune?: string; limit: number; offset: number },
) => withQuery(`${campaignPath(campaignId)}/not-reached`, query);
export const assetsPath = (state?: string) => withQuery('/api/assets', { state });
export const loansPath = (open?: boolean) => withQuery('/api/loans', { open });
export const marketAccountsPath = (pointId: string) => withQuery('/api/market/accounts', { point: pointId });

export const MARKET_TILL_PATH = '/api/market/till';
export const spendMarketPoints = (body: MarketSpendBody) =>
  api.post<MarketSpendResult>('/api/market/spend', body);

export const recordCampaignDelivery = (campaignId: string, body: CampaignDeliveryBody) =>
  api.post<CampaignDelivery>(`${campaignPath(campaignId)}/deliveries`, body);

export const createDonor = (body: CreateDonorBody) => api.post<Donor>(DONORS_PATH, body);
export const recordDonation = (body: DonationBody) => api.post<Batch>('/api/stock/donations', body);
export const createParcel = (body: CreateParcelBody) => api.post<Parcel>('/api/parcels', body);
export const confirmPickup = (parcelId: string) => api.post<Parcel>(`/api/parcels/${id(parcelId)}/pickup`);
export const returnLoan = (loanId: string, body: ReturnLoanBody) =>
  api.post<Loan>(`/api/loans/${id(loanId)}/return`, body);

export const GOODS_REPORTS_PATH = '/api/goods/reports';
export const VOUCHER_REPORTS_PATH = '/api/vouchers/reports';
/** A report's download: `/api/goods/reports/export.csv?report=stock&lang=it` and the like. */
export const reportExportPath = (
  base: typeof GOODS_REPORTS_PATH | typeof VOUCHER_REPORTS_PATH,
  report: string,
  format: 'csv' | 'xlsx',
  lang: 'it' | 'en',
) => withQuery(`${base}/export.${format}`, { report, lang });
