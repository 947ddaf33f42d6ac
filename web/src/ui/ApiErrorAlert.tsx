import type { ReactNode, Ref } from 'react';
import { useT } from '../i18n/I18nProvider';
import { describeError } from '../i18n/errors';

interface ApiErrorAlertProps {
  error: unknown;
  /** Extra content under the message: a link to an existing record, a confirm button. */
  children?: ReactNode;
  ref?: Ref<HTMLDivElement>;
}

/** The one alert for a failed API call; renders nothing without an error. */
export function ApiErrorAlert({ error, children, ref }: ApiErrorAlertProps) {
  const t = useT();
  if (!error) return null;
  return (
    <div ref={ref} className="alert alert-danger" role="alert" tabIndex={-1}>
      <p className="mb-0">{describeError(error, t)}</p>
      {children}
    </div>
  );
}
