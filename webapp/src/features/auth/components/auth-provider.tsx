import { type ReactNode, useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { refreshSession } from '@/lib/api-client';
import { getSession, sessionFromAuthResponse, setSession, subscribeSession } from '@/lib/session';
import type { CurrentUser } from '@/types/api';
import { type ChangePasswordInput, changePassword as requestPasswordChange } from '../api/change-password';
import { getCurrentUser } from '../api/get-current-user';
import { type SignInInput, signIn as requestSignIn } from '../api/sign-in';
import { signOut as requestSignOut } from '../api/sign-out';
import { type SignUpInput, signUp as requestSignUp } from '../api/sign-up';
import { AuthContext, type AuthContextValue, type AuthStatus, type AuthUser } from '../hooks/use-auth';

/**
 * Owns the signed-in state. On start it asks the server to renew the session from the refresh cookie
 * (a silent sign-in); afterwards the session store in lib/ keeps the token fresh, and a failed renewal
 * there signs the person out here, because the status is derived from that store.
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const session = useSyncExternalStore(subscribeSession, getSession, () => null);
  const [checked, setChecked] = useState(() => getSession() !== null);
  const [profile, setProfile] = useState<CurrentUser | null>(null);
  const [profileVersion, setProfileVersion] = useState(0);
  const reloadProfile = useCallback(() => setProfileVersion((v) => v + 1), []);

  useEffect(() => {
    if (checked) return;
    let active = true;
    // Concurrent calls share one request, so StrictMode's double effect costs nothing.
    refreshSession()
      .catch(() => null)
      .finally(() => {
        if (active) setChecked(true);
      });
    return () => {
      active = false;
    };
  }, [checked]);

  const userId = session?.userId ?? null;
  useEffect(() => {
    if (userId === null) return;
    const controller = new AbortController();
    getCurrentUser(controller.signal)
      .then(setProfile)
      .catch(() => {
        // The session's own name is enough to go on; the avatar will come with the next sign-in.
      });
    return () => controller.abort();
  }, [userId, profileVersion]);

  const user = useMemo<AuthUser | null>(() => {
    if (!session) return null;
    const own = profile?.id === session.userId ? profile : null;
    return {
      id: session.userId,
      username: own?.username ?? session.username,
      fullName: own?.fullName ?? session.fullName,
      avatarURL: (own ? own.avatarURL : session.avatarURL) ?? null,
      role: own?.role ?? session.role,
      mustChangePassword: session.mustChangePassword || own?.mustChangePassword === true,
      isAdmin: own ? own.role === 'admin' : undefined,
    };
  }, [session, profile]);

  const status: AuthStatus = session ? 'signed-in' : checked ? 'signed-out' : 'checking';

  const signIn = useCallback(async (input: SignInInput) => {
    setSession(sessionFromAuthResponse(await requestSignIn(input)));
  }, []);

  const signUp = useCallback(async (input: SignUpInput) => {
    setSession(sessionFromAuthResponse(await requestSignUp(input)));
  }, []);

  const changePassword = useCallback(async (input: ChangePasswordInput) => {
    await requestPasswordChange(input);
    setProfile((current) => (current ? { ...current, mustChangePassword: false } : current));
    const current = getSession();
    if (current) setSession({ ...current, mustChangePassword: false });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await requestSignOut();
    } catch {
      // Signed out here regardless: the person asked to leave, and the access token dies with the page.
    } finally {
      setSession(null);
      setProfile(null);
    }
  }, []);

  const value = useMemo<AuthContextValue>(
    () => ({ status, user, signIn, signUp, changePassword, signOut, reloadProfile }),
    [status, user, signIn, signUp, changePassword, signOut, reloadProfile],
  );

  return <AuthContext value={value}>{children}</AuthContext>;
}
