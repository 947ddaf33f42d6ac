import { useState } from 'react';
import type { CreateUserBody, User } from '../../../../shared/src/accounts/accounts.schemas';
import type { Organization } from '../../../../shared/src/organizations/organizations.schemas';
import { useAction } from '../../api/useAction';
import { useApi } from '../../api/useApi';
import { useT } from '../../i18n/I18nProvider';
import { organizationsPath } from '../../features/organizations/api';
import { useTerritory } from '../../features/territory/useTerritory';
import { createUser, resetPassword, USERS_PATH } from '../../features/users/api';
import { membershipText } from '../../features/users/membershipText';
import { TemporaryPassword } from '../../features/users/TemporaryPassword';
import { UserForm } from '../../features/users/UserForm';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { DataTable } from '../../ui/DataTable';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';

/** Accounts the administrator manages: list, create with one membership, reset a password. */
export function UsersPage() {
  const t = useT();
  const users = useApi<User[]>(USERS_PATH);
  const organizations = useApi<Organization[]>(organizationsPath());
  const territory = useTerritory();
  const [issued, setIssued] = useState<{ email: string; password: string } | null>(null);
  const create = useAction(createUser);
  const reset = useAction(async (user: User) => ({ email: user.email, ...(await resetPassword(user.id)) }));

  const submit = async (body: CreateUserBody) => {
    setIssued(null);
    const result = await create.run(body);
    if (!result.ok) return false;
    if (result.value.temporaryPassword)
      setIssued({ email: result.value.user.email, password: result.value.temporaryPassword });
    users.reload();
    return true;
  };
  const resetFor = async (user: User) => {
    if (!window.confirm(t.users.resetConfirm(user.email))) return;
    setIssued(null);
    const result = await reset.run(user);
    if (result.ok) setIssued({ email: result.value.email, password: result.value.temporaryPassword });
  };

  return (
    <Page title={t.users.title} lead={t.users.lead} breadcrumbs={[{ label: t.shell.home, to: '/' }]}>
      {issued && <TemporaryPassword email={issued.email} password={issued.password} />}
      <ApiErrorAlert error={users.error ?? reset.error} />
      <section aria-labelledby="users-list" className="mb-5">
        <h2 id="users-list" className="h4">
          {t.users.listTitle}
        </h2>
        {users.loading && !users.data ? (
          <Loading />
        ) : (
          <DataTable
            caption={t.users.listTitle}
            rows={users.data ?? []}
            rowKey={(u) => u.id}
            empty={t.users.empty}
            columns={[
              {
                key: 'name',
                header: t.users.fullName,
                render: (u) => <span className="fw-semibold">{u.fullName}</span>,
              },
              { key: 'email', header: t.users.email, render: (u) => u.email },
              {
                key: 'memberships',
                header: t.users.memberships,
                render: (u) => (
                  <ul className="list-unstyled mb-0">
                    {u.memberships.map((m, i) => (
                      <li key={i}>{membershipText(m, t, territory.ambiti, territory.comuni)}</li>
                    ))}
                  </ul>
                ),
              },
              {
                key: 'status',
                header: t.users.status,
                render: (u) =>
                  !u.isActive ? t.users.inactive : u.mustChangePassword ? t.users.mustChange : t.users.active,
              },
              {
                key: 'actions',
                header: t.common.actions,
                render: (u) => (
                  <button
                    type="button"
                    className="btn btn-outline-primary btn-sm"
                    disabled={reset.pending}
                    onClick={() => void resetFor(u)}
                  >
                    {t.users.reset}
                    <span className="visually-hidden"> {u.email}</span>
                  </button>
                ),
              },
            ]}
          />
        )}
      </section>
      <UserForm
        organizations={organizations.data ?? []}
        ambiti={territory.ambiti}
        comuni={territory.comuni}
        pending={create.pending}
        error={create.error}
        onSubmit={submit}
      />
    </Page>
  );
}
