import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { refreshSession } from '@/lib/api-client';
import { getSession, sessionFromAuthResponse, setSession, subscribeSession } from '@/lib/session';
import type { AuthResponse } from '@/types/api';
import { type ChangePasswordInput, changePassword as requestPasswordChange } from '../api/change-password';
import { currentUserQueryOptions, getCurrentUser, useCurrentUser } from '../api/get-current-user';
import { type SignInInput, signIn as requestSignIn } from '../api/sign-in';
import { signOut as requestSignOut } from '../api/sign-out';
import { type SignUpInput, signUp as requestSignUp } from '../api/sign-up';
import { AuthContext, type AuthContextValue, type AuthStatus } from '../hooks/use-auth';

const ownerOfSession = () => getSession()?.userId ?? null;

/**
 * Owns the signed-in state. On start it asks the server to renew the session from the refresh cookie
 * (a silent sign-in); afterwards the session store in lib/ keeps the token fresh, and a failed renewal
 * there signs the person out here, because the status is derived from that store. Who is signed in is read
 * from the query cache (useCurrentUser), never kept here.
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const owner = useSyncExternalStore(subscribeSession, ownerOfSession, () => null);
  const [checked, setChecked] = useState(() => getSession() !== null);
  const me = useCurrentUser();

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

  // Everything cached belongs to the session's person: when the session ends, or a renewal hands this page
  // someone else's (signed in meanwhile in another tab), the whole cache goes at once (the person, their channels,
  // messages, saved items), before anything shows it to the next person on a shared computer.
  useEffect(() => {
    let previous = ownerOfSession();
    return subscribeSession(() => {
      const now = ownerOfSession();
      if (previous !== null && now !== previous) {
        client.clear();
      }
      previous = now;
    });
  }, [client]);

  // Signed in once the person is known: every screen after this one shows them.
  const status: AuthStatus =
    owner === null ? (checked ? 'signed-out' : 'checking') : me.data ? 'signed-in' : 'checking';

  /** The profile is read with the new token before the session starts, so the first screen has the person. */
  const start = useCallback(
    async (response: AuthResponse) => {
      const profile = await getCurrentUser({ token: response.token });
      client.setQueryData(currentUserQueryOptions().queryKey, profile);
      setSession(sessionFromAuthResponse(response));
    },
    [client],
  );

  const signIn = useCallback(async (input: SignInInput) => start(await requestSignIn(input)), [start]);

  const signUp = useCallback(async (input: SignUpInput) => start(await requestSignUp(input)), [start]);

  const changePassword = useCallback(
    async (input: ChangePasswordInput) => {
      await requestPasswordChange(input);
      client.setQueryData(currentUserQueryOptions().queryKey, (current) =>
        current ? { ...current, mustChangePassword: false } : current,
      );
    },
    [client],
  );

  const signOut = useCallback(async () => {
    try {
      await requestSignOut();
    } catch {
      // Signed out here regardless: the person asked to leave, and the access token dies with the page.
    } finally {
      setSession(null);
    }
  }, []);

  // The server refuses this session its person (the account was disabled or removed since the renewal): nothing
  // can be shown without them, so the session ends here as with Sign out.
  const refused = owner !== null && me.isError && !me.data;
  useEffect(() => {
    if (refused) void signOut();
  }, [refused, signOut]);

  const value = useMemo<AuthContextValue>(
    () => ({ status, signIn, signUp, changePassword, signOut }),
    [status, signIn, signUp, changePassword, signOut],
  );

  return <AuthContext value={value}>{children}</AuthContext>;
}
