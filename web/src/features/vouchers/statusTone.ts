import type { Application } from '../../../../shared/src/vouchers/vouchers.schemas';
import type { BadgeTone } from '../../ui/Badge';

/** The badge of an application's status, the same for the operator and the citizen. */
export const STATUS_TONE: Record<Application['status'], BadgeTone> = {
  submitted: 'info',
  approved: 'success',
  rejected: 'danger',
  paid: 'neutral',
};
