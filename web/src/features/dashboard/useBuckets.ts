import type { Dashboard } from '../../../../shared/src/dashboard/dashboard.schemas';
import { useI18n } from '../../i18n/I18nProvider';
import { URGENCY_NAMES } from '../../i18n/enumerations';
import type { BarDatum } from '../../ui/BarChartFigure';
import { useInterventionTypes } from '../interventions/useInterventionTypes';

// Urgency colours from calm to critical, each at least 3:1 against white.
const URGENCY_COLORS: Record<string, string> = {
  low: '#5c6f82',
  normal: '#0066cc',
  high: '#a66300',
  critical: '#cc334d',
};

/** The dashboard's buckets named in the interface language: types by their own names, urgencies by ours. */
export function useBuckets(dashboard: Dashboard | undefined) {
  const { t } = useI18n();
  const interventions = useInterventionTypes();
  const urgencyName = (key: string) => {
    const urgency = URGENCY_NAMES.find((u) => u === key);
    return urgency ? t.requests.urgencies[urgency] : key;
  };
  const byUrgency: BarDatum[] = URGENCY_NAMES.map((u) => ({
    key: u,
    label: urgencyName(u),
    value: dashboard?.requestsByUrgency.find((b) => b.key === u)?.count ?? 0,
    color: URGENCY_COLORS[u],
  }));
  return {
    byType: (dashboard?.requestsByType ?? []).map((b) => ({
      key: b.key,
      label: interventions.nameOf(b.key, b.label),
      value: b.count,
    })),
    byComune: (dashboard?.requestsByComune ?? []).map((b) => ({
      key: b.key,
      label: b.label,
      value: b.count,
    })),
    byUrgency,
  };
}
