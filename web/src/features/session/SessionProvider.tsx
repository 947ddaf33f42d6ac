import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, setCsrfToken, setUnauthorizedHandler } from '../../api/client';
import type { Me } from '../../../../shared/src/accounts/accounts.schemas';
import type { Capability } from '../../../../shared/src/accounts/capabilities';
import * as sessionApi from './api';

/** The capabilities the server grants; the interface shows what they allow and never re-derives roles. */
export type { Capability } from '../../../../shared/src/accounts/capabilities';

type SessionState = { status: 'loading' } | { status: 'anonymous' } | { status: 'authenticated'; me: Me };

interface SessionValue {
  state: SessionState;
  signIn: (email: string, password: string) => Promise<Me>;
  signOut: () => Promise<void>;
  refresh: () => Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

/** Holds the logged-in user: asks /api/auth/me at start, and forgets the user on any 401. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const accept = useCallback((me: Me) => {
    setCsrfToken(me.csrfToken);
    setState({ status: 'authenticated', me });
  }, []);

  const forget = useCallback(() => {
    setCsrfToken(null);
    setState({ status: 'anonymous' });
  }, []);

  const refresh = useCallback(async () => {
    try {
      accept(await sessionApi.fetchMe());
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) forget();
      else throw error;
    }
  }, [accept, forget]);

  useEffect(() => {
    setUnauthorizedHandler(forget);
    refresh().catch(() => forget());
    return () => setUnauthorizedHandler(null);
  }, [forget, refresh]);

  const signIn = useCallback(
    async (email: string, password: string) => {
      const me = await sessionApi.login({ email, password });
      accept(me);
      return me;
    },
    [accept],
  );

  // Logout also erases what a volunteer's phone kept for working offline (loaded only then).
  const signOut = useCallback(async () => {
    try {
      await sessionApi.logout();
    } finally {
      await import('../offline/forget').then((m) => m.forgetOfflineData()).catch(() => undefined);
      forget();
    }
  }, [forget]);

  const value = useMemo(() => ({ state, signIn, signOut, refresh }), [state, signIn, signOut, refresh]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}

/** The logged-in user; only for components rendered inside <RequireSession>. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'authenticated') throw new Error('useMe needs an authenticated session');
  return state.me;
}

export function hasCapability(me: Me, capability: Capability): boolean {
  return me.capabilities.includes(capability);
}

/** Whether the logged-in user holds a capability. */
export function useCan(capability: Capability): boolean {
  return hasCapability(useMe(), capability);
}
