import type { RequestStatus, Urgency } from '../../../../shared/src/requests/requests.schemas';
import { useT } from '../../i18n/I18nProvider';
import { Badge, type BadgeTone } from '../../ui/Badge';

const URGENCY_TONES: Record<Urgency, BadgeTone> = {
  low: 'neutral',
  normal: 'info',
  high: 'warning',
  critical: 'danger',
};

const STATUS_TONES: Record<RequestStatus, BadgeTone> = {
  new: 'warning',
  accepted: 'info',
  rejected: 'neutral',
  completed: 'success',
  cancelled: 'neutral',
  closed: 'danger',
};

export function UrgencyBadge({ urgency }: { urgency: Urgency }) {
  const t = useT();
  return <Badge tone={URGENCY_TONES[urgency]}>{t.requests.urgencies[urgency]}</Badge>;
}

/** An open request whose delivery failed, waiting for someone to decide what follows. */
export function AwaitingDecisionBadge() {
  const t = useT();
  return <Badge tone="danger">{t.requests.awaitingDecision}</Badge>;
}

export function RequestStatusBadge({ status }: { status: RequestStatus }) {
  const t = useT();
  return <Badge tone={STATUS_TONES[status]}>{t.requests.statuses[status]}</Badge>;
}
