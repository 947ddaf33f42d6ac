import { useT } from '../../i18n/I18nProvider';

/** A temporary password, shown once: the server keeps only its hash. */
export function TemporaryPassword({ email, password }: { email: string; password: string }) {
  const t = useT();
  return (
    <div className="alert alert-success" role="status">
      <p className="mb-1">{t.users.temporaryPasswordFor(email)}</p>
      <p className="h4 font-monospace mb-1 user-select-all">{password}</p>
      <p className="mb-0 small">{t.users.temporaryPasswordNote}</p>
    </div>
  );
}
