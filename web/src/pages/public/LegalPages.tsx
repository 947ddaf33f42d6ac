import { useT } from '../../i18n/I18nProvider';
import { LegalPage } from '../../features/site/LegalPage';

export function PrivacyPage() {
  const t = useT().legalPages.privacy;
  return <LegalPage title={t.title} lead={t.lead} sections={t.sections} />;
}

export function LegalNotesPage() {
  const t = useT().legalPages.legal;
  return <LegalPage title={t.title} lead={t.lead} sections={t.sections} />;
}

/** The accessibility statement AgID requires of every public administration's site (law 4/2004). */
export function AccessibilityPage() {
  const t = useT().legalPages.accessibility;
  return <LegalPage title={t.title} lead={t.lead} sections={t.sections} />;
}
