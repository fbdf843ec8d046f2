import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, onSessionExpired, unwrap, type Schemas } from '../api/client';

export type Session = Schemas['SessionView'];
export type OrganizationKind = Session['user']['organizationKind'];
export type Role = Session['user']['roles'][number];

interface SessionState {
  /** undefined while the first answer is awaited; null when no one is signed in. */
  session: Session | null | undefined;
  /** true when a signed-in session ended (expired or revoked) while the page stayed open. */
  expired: boolean;
  signIn: (email: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const queries = useQueryClient();
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [expired, setExpired] = useState(false);

  useEffect(() => {
    unwrap(api.GET('/api/v1/auth/session'))
      .then(setSession)
      .catch((e: unknown) => {
        if (e instanceof ApiError && e.status === 401) setSession(null);
        else setSession(null);
      });
  }, []);

  useEffect(() => onSessionExpired(() => setExpired(true)), []);

  const signIn = useCallback(
    async (email: string, password: string) => {
      const next = await unwrap(api.POST('/api/v1/auth/session', { body: { email, password } }));
      const samePerson = session?.user.id === next.user.id;
      setSession(next);
      setExpired(false);
      // The same person coming back finds the page as it was, refreshed; someone else starts clean.
      if (samePerson) await queries.invalidateQueries();
      else queries.clear();
    },
    [queries, session],
  );

  const signOut = useCallback(async () => {
    await unwrap(api.DELETE('/api/v1/auth/session')).catch(() => undefined);
    queries.clear();
    setExpired(false);
    setSession(null);
  }, [queries]);

  const value = useMemo(() => ({ session, expired, signIn, signOut }), [session, expired, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}

/** The signed-in person (only inside the signed-in part of the console). */
export function useSignedIn(): Session {
  const { session } = useSession();
  if (!session) throw new Error('useSignedIn without a session');
  return session;
}

export function hasRole(session: Session, ...roles: Role[]): boolean {
  return roles.some((role) => session.user.roles.includes(role));
}
