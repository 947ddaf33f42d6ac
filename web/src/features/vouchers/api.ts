import { api, withQuery } from '../../api/client';
import type {
  Application,
  DecideBody,
  OwnApplication,
  OwnApplicationBody,
  RedeemBody,
  Redemption,
  Voucher,
} from '../../../../shared/src/vouchers/vouchers.schemas';

const id = (value: string) => encodeURIComponent(value);

export const PROGRAMMES_PATH = '/api/programmes';
export const programmePath = (programmeId: string) => `${PROGRAMMES_PATH}/${id(programmeId)}`;
export const applicationsPath = (programmeId: string, status?: string) =>
  withQuery(`${programmePath(programmeId)}/applications`, { status, limit: 500 });
export const signalsPath = (programmeId: string) => `${programmePath(programmeId)}/signals`;
export const applicationPath = (applicationId: string) => `/api/applications/${id(applicationId)}`;
export const voucherPath = (voucherId: string) => `/api/vouchers/${id(voucherId)}`;

export const OPEN_PROGRAMMES_PATH = `${PROGRAMMES_PATH}/open`;
export const MY_APPLICATIONS_PATH = '/api/applications/mine';
export const applyForMyself = (programmeId: string, body: OwnApplicationBody) =>
  api.post<OwnApplication>(`${programmePath(programmeId)}/applications/mine`, body);

export const redeemVoucher = (body: RedeemBody) => api.post<Redemption>('/api/vouchers/redeem', body);
export const decideApplication = (applicationId: string, body: DecideBody) =>
  api.post<Application>(`${applicationPath(applicationId)}/decision`, body);
export const issueVoucher = (applicationId: string) =>
  api.post<Voucher>(`${applicationPath(applicationId)}/voucher`);
export const recordPayment = (applicationId: string, paymentReference: string) =>
  api.post<Application>(`${applicationPath(applicationId)}/payment`, { paymentReference });
