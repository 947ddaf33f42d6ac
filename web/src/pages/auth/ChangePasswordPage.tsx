import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useAction } from '../../api/useAction';
import { useT } from '../../i18n/I18nProvider';
import { fieldErrorsOf } from '../../i18n/errors';
import { changePassword } from '../../features/session/api';
import { useMe, useSession } from '../../features/session/SessionProvider';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { TextField } from '../../ui/fields';
import { Page } from '../../ui/Page';
import { SuccessAlert } from '../../ui/SuccessAlert';

const MIN_LENGTH = 10;

export function ChangePasswordPage() {
  const t = useT();
  const me = useMe();
  const { refresh } = useSession();
  const navigate = useNavigate();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [done, setDone] = useState(false);
  const action = useAction(changePassword);
  const errors = fieldErrorsOf(action.error, t);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    setMismatch(newPassword !== confirmation);
    if (newPassword !== confirmation) return;
    const mustChange = me.mustChangePassword;
    if (!(await action.run({ currentPassword, newPassword })).ok) return;
    if (mustChange) {
      await refresh();
      void navigate('/', { replace: true });
      return;
    }
    setCurrent('');
    setNew('');
    setConfirmation('');
    setDone(true);
  };

  return (
    <Page title={t.password.title} lead={me.mustChangePassword ? t.password.mustChangeLead : t.password.lead}>
      <div className="row">
        <form className="col-12 col-lg-6" onSubmit={(e) => void submit(e)} noValidate>
          <ApiErrorAlert error={action.error} />
          {done && <SuccessAlert>{t.password.changed}</SuccessAlert>}
          <TextField
            id="password-current"
            label={t.password.current}
            type="password"
            autoComplete="current-password"
            value={currentPassword}
            onChange={setCurrent}
            error={errors.currentPassword}
            required
          />
          <TextField
            id="password-new"
            label={t.password.new}
            type="password"
            autoComplete="new-password"
            value={newPassword}
            onChange={setNew}
            error={errors.newPassword}
            hint={t.password.rule(MIN_LENGTH)}
            minLength={MIN_LENGTH}
            required
          />
          <TextField
            id="password-confirmation"
            label={t.password.confirmation}
            type="password"
            autoComplete="new-password"
            value={confirmation}
            onChange={setConfirmation}
            error={mismatch ? t.password.mismatch : undefined}
            required
          />
          <button type="submit" className="btn btn-primary" disabled={action.pending}>
            {t.password.submit}
          </button>
        </form>
      </div>
    </Page>
  );
}
