import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Loading } from '../../ui/Loading';
import { useSession, hasCapability, type Capability } from './SessionProvider';
import { ForbiddenPage } from '../../pages/errors/ForbiddenPage';

export const CHANGE_PASSWORD_PATH = '/password';

/**
 * Shows its children to a logged-in user (with the capability, when one is named);
 * sends everybody else to the login page, and a user with a temporary password to change it.
 */
export function RequireSession({ capability, children }: { capability?: Capability; children: ReactNode }) {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'anonymous')
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (state.me.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) {
    return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  }
  if (capability && !hasCapability(state.me, capability)) return <ForbiddenPage />;
  return <>{children}</>;
}
