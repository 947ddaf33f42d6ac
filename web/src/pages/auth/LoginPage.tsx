import { useState, type FormEvent } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { Callout, CalloutTitle, Icon } from 'design-react-kit';
import { ROLE_NAMES } from '../../i18n/enumerations';
import { useAction } from '../../api/useAction';
import { useT } from '../../i18n/I18nProvider';
import { fieldErrorsOf } from '../../i18n/errors';
import { useSession } from '../../features/session/SessionProvider';
import { useSite } from '../../features/site/useSite';
import { SpidCieLogin } from '../../features/site/SpidCieLogin';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { TextField } from '../../ui/fields';
import { Page } from '../../ui/Page';

const DEMO_DOMAIN = 'demo.legami.it';
const DEMO_PASSWORD = 'legami-demo';

export function LoginPage() {
  const t = useT();
  const { state, signIn } = useSession();
  const from = (useLocation().state as { from?: string } | null)?.from ?? '/';
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = useAction(signIn);
  const site = useSite();

  if (state.status === 'authenticated') return <Navigate to={from} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // On success the session turns authenticated and the <Navigate> above takes the user on.
    await login.run(email.trim(), password);
  };
  const errors = fieldErrorsOf(login.error, t);

  return (
    <Page title={t.login.title} lead={t.login.lead}>
      <div className="row g-4 g-lg-5">
        <div className="col-12 col-lg-6">
          {site.data && <SpidCieLogin site={site.data} returnTo={from} />}
          <h2 className="h4">{t.site.spid.staffTitle}</h2>
          <form
            onSubmit={(e) => void submit(e)}
            noValidate
            aria-describedby={login.error ? 'login-error' : undefined}
          >
            <div id="login-error">
              <ApiErrorAlert error={login.error} />
            </div>
            <TextField
              id="login-email"
              label={t.login.email}
              type="email"
              autoComplete="username"
              value={email}
              onChange={setEmail}
              error={errors.email}
              required
            />
            <TextField
              id="login-password"
              label={t.login.password}
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={setPassword}
              error={errors.password}
              required
            />
            <button type="submit" className="btn btn-primary btn-lg" disabled={login.pending}>
              {login.pending ? t.login.submitting : t.login.submit}
            </button>
          </form>
          <p className="mt-4 mb-0">
            <Link to="/diventa-volontario" className="fw-semibold">
              {t.volunteers.offerLink}
            </Link>
          </p>
        </div>
        {site.data?.demoAccounts && (
          <div className="col-12 col-lg-6">
            <Callout color="note" tag="aside" aria-labelledby="demo-accounts-title" className="mt-0">
              <CalloutTitle>
                <Icon icon="it-info-circle" aria-hidden="true" />
                <span id="demo-accounts-title">{t.login.demoTitle}</span>
              </CalloutTitle>
              <p>{t.login.demoText(DEMO_PASSWORD)}</p>
              <ul className="demo-accounts list-unstyled mb-0">
                {ROLE_NAMES.map((role) => (
                  <li key={role}>
                    <button
                      type="button"
                      className="btn btn-link p-0 text-start"
                      onClick={() => {
                        setEmail(`${role}@${DEMO_DOMAIN}`);
                        setPassword(DEMO_PASSWORD);
                      }}
                    >
                      <strong>{t.roles[role]}</strong>: {role}@{DEMO_DOMAIN}
                    </button>
                  </li>
                ))}
              </ul>
            </Callout>
          </div>
        )}
      </div>
    </Page>
  );
}
