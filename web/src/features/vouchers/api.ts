import { api } from '../../api/client';
import type { RedeemBody, Redemption } from '../../../../shared/src/vouchers/vouchers.schemas';

export const redeemVoucher = (body: RedeemBody) => api.post<Redemption>('/api/vouchers/redeem', body);
