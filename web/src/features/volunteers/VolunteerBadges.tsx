import type { VolunteerStatus } from '../../../../shared/src/volunteers/volunteers.schemas';
import { useT } from '../../i18n/I18nProvider';
import { Badge, type BadgeTone } from '../../ui/Badge';

const TONES: Record<VolunteerStatus, BadgeTone> = {
  offered: 'warning',
  approved: 'success',
  rejected: 'neutral',
  suspended: 'danger',
};

export function VolunteerStatusBadge({ status }: { status: VolunteerStatus }) {
  const t = useT();
  return <Badge tone={TONES[status]}>{t.volunteers.statuses[status]}</Badge>;
}
