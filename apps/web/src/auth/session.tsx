import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { claimsOf, type Claims } from './claims';

const STORAGE_KEY = 'tandem.token';

export interface Session {
  readonly token: string;
  readonly claims: Claims;
}

export interface SessionControl {
  readonly session: Session | null;
  /** Why the last session ended, when the service ended it. */
  readonly notice: string | null;
  signIn(token: string): void;
  signOut(notice?: string): void;
}

const SessionContext = createContext<SessionControl | null>(null);

/** The token lives in this tab only (sessionStorage): another tab signs in on its own, signing out forgets it. */
function stored(): Session | null {
  const token = window.sessionStorage.getItem(STORAGE_KEY);
  const claims = token === null ? null : claimsOf(token);
  return token !== null && claims !== null ? { token, claims } : null;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(stored);
  const [notice, setNotice] = useState<string | null>(null);

  const signIn = useCallback((token: string) => {
    const claims = claimsOf(token);
    if (claims === null) throw new Error('Not a token this service issues');
    window.sessionStorage.setItem(STORAGE_KEY, token.trim());
    setNotice(null);
    setSession({ token: token.trim(), claims });
  }, []);

  const signOut = useCallback((why?: string) => {
    window.sessionStorage.removeItem(STORAGE_KEY);
    setNotice(why ?? null);
    setSession(null);
  }, []);

  const control = useMemo(() => ({ session, notice, signIn, signOut }), [session, notice, signIn, signOut]);
  return <SessionContext.Provider value={control}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionControl {
  const control = useContext(SessionContext);
  if (control === null) throw new Error('useSession outside a SessionProvider');
  return control;
}

/** The signed-in person; views under the sign-in gate only. */
export function useClaims(): Claims {
  const { session } = useSession();
  if (session === null) throw new Error('useClaims without a session');
  return session.claims;
}
