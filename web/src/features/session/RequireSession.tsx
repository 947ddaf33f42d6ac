import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Loading } from '../../ui/Loading';
import type { Me } from '../../../../shared/src/accounts/accounts.schemas';
import { useSession, hasCapability, type Capability } from './SessionProvider';
import { ForbiddenPage } from '../../pages/errors/ForbiddenPage';

export const CHANGE_PASSWORD_PATH = '/password';

/** What a page asks of the user: a capability, or a rule on the user's roles. */
export type Access = Capability | ((me: Me) => boolean);

/**
 * Shows its children to a logged-in user (with the capability or passing the rule, when one is named);
 * sends everybody else to the login page, and a user with a temporary password to change it.
 */
export function RequireSession({ capability, children }: { capability?: Access; children: ReactNode }) {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'anonymous')
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (state.me.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) {
    return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  }
  const allowed =
    !capability ||
    (typeof capability === 'function' ? capability(state.me) : hasCapability(state.me, capability));
  if (!allowed) return <ForbiddenPage />;
  return <>{children}</>;
}
