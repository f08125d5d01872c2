import type { TSignedInUser } from '@convene/shared';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ApiError } from '../../common/api/http';
import { onUnauthorized, setCsrfToken } from '../api/admin-request';
import { getMe, login, logout } from '../api/endpoints';

export type SessionState =
  | { kind: 'checking' }
  | { kind: 'failed'; error: ApiError }
  | { kind: 'signed-out'; reason: 'none' | 'expired' | 'signed-out' }
  | { kind: 'signed-in'; user: TSignedInUser };

type SessionValue = {
  session: SessionState;
  signIn: (email: string, password: string) => Promise<ApiError | null>;
  signOut: () => Promise<void>;
  recheck: () => void;
};

const SessionContext = createContext<SessionValue | null>(null);

/**
 * Who is signed in, from GET /api/auth/me, and the two ways to change it. Any coordinator API
 * answering 401 ends the session here, and the workspace goes back to the sign-in form.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionState>({ kind: 'checking' });
  const [attempt, setAttempt] = useState(0);
  // While signing out, the server closes the live connection and in-flight calls answer 401:
  // that is this sign-out, not an expired session.
  const signingOut = useRef(false);

  useEffect(() => {
    const controller = new AbortController();
    getMe(controller.signal).then(
      (result) => {
        if (result.ok) {
          setCsrfToken(result.data.csrfToken);
          setSession({ kind: 'signed-in', user: result.data.user });
        } else if (result.error.status === 401) {
          setCsrfToken(null);
          setSession((s) =>
            s.kind === 'signed-in' && !signingOut.current
              ? { kind: 'signed-out', reason: 'expired' }
              : s.kind === 'signed-out'
                ? s
                : { kind: 'signed-out', reason: 'none' },
          );
        } else {
          setSession((s) => (s.kind === 'signed-in' ? s : { kind: 'failed', error: result.error }));
        }
      },
      () => undefined, // aborted
    );
    return () => controller.abort();
  }, [attempt]);

  useEffect(
    () =>
      onUnauthorized(() => {
        setCsrfToken(null);
        setSession((s) =>
          s.kind === 'signed-out' || signingOut.current ? s : { kind: 'signed-out', reason: 'expired' },
        );
      }),
    [],
  );

  const signIn = useCallback(async (email: string, password: string) => {
    const result = await login(email, password);
    if (!result.ok) return result.error;
    setCsrfToken(result.data.csrfToken);
    setSession({ kind: 'signed-in', user: result.data.user });
    return null;
  }, []);

  const signOut = useCallback(async () => {
    signingOut.current = true;
    try {
      await logout();
    } finally {
      setCsrfToken(null);
      setSession({ kind: 'signed-out', reason: 'signed-out' });
      signingOut.current = false;
    }
  }, []);

  const recheck = useCallback(() => setAttempt((n) => n + 1), []);

  const value = useMemo(() => ({ session, signIn, signOut, recheck }), [session, signIn, signOut, recheck]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in coordinator; only under the signed-in part of the workspace. */
export function useUser(): TSignedInUser {
  const { session } = useSession();
  if (session.kind !== 'signed-in') throw new Error('useUser without a signed-in session');
  return session.user;
}
