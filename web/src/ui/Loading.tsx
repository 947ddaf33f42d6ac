import { useT } from '../i18n/I18nProvider';

/** A spinner announced to screen readers. */
export function Loading({ label }: { label?: string }) {
  const t = useT();
  return (
    <div className="d-flex align-items-center gap-3 py-4" role="status">
      <div className="progress-spinner progress-spinner-active size-sm" aria-hidden="true" />
      <span>{label ?? t.common.loading}</span>
    </div>
  );
}
