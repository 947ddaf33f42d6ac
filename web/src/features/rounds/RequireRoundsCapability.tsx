import type { ReactNode } from 'react';
import { ForbiddenPage } from '../../pages/errors/ForbiddenPage';
import { useMe } from '../session/SessionProvider';

/**
 * Shows the page to a user holding the capability: `task.assign` plans rounds, `task.own` opens
 * one's own round sheet. (The session's Capability list does not name the task capabilities yet.)
 */
export function RequireRoundsCapability({
  capability,
  children,
}: {
  capability: 'task.assign' | 'task.own';
  children: ReactNode;
}) {
  const me = useMe();
  return me.capabilities.includes(capability) ? <>{children}</> : <ForbiddenPage />;
}
