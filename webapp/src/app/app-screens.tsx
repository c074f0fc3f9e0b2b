import { useDeferredValue, useMemo, useState } from 'react';
import { AuthScreen } from '@/features/auth/components/auth-screen';
import { ChangePasswordScreen } from '@/features/auth/components/change-password-screen';
import { useCurrentUser } from '@/features/auth/api/get-current-user';
import { type AuthStatus, useAuth } from '@/features/auth/hooks/use-auth';
import { ChatScreen } from './chat-screen';
import { LoadingScreen } from './loading-screen';

/**
 * The top-level screen switch. There is no router yet: every path shows the screen that fits the session,
 * because the server answers unknown paths with index.html.
 */
export function AppScreens() {
  const auth = useAuth();
  const { signOut } = auth;
  const me = useCurrentUser().data;
  // The screens switch as a transition: mounting the chat screen is the app's largest render, and as a
  // transition React builds it in slices instead of one long task that a phone's CPU would feel.
  const { status, user } = useDeferredValue(
    useMemo(() => ({ status: auth.status, user: me }), [auth.status, me]),
  );
  // Remember how we got here: focus moves to the new screen's heading after sign-in or sign-out, but a
  // fresh page load keeps the browser's own starting point.
  const [previous, setPrevious] = useState<AuthStatus>(status);
  const [arrivedByAction, setArrivedByAction] = useState(false);
  if (status !== previous) {
    setPrevious(status);
    setArrivedByAction(previous !== 'checking');
  }

  if (status === 'checking') return <LoadingScreen />;
  if (status === 'signed-out' || !user) return <AuthScreen focusHeading={arrivedByAction} />;
  // The server refuses everything else until then, so the app frame waits for the new password.
  if (user.mustChangePassword) {
    return <ChangePasswordScreen onSignOut={signOut} focusHeading={arrivedByAction} />;
  }
  return <ChatScreen user={user} onSignOut={signOut} focusHeading={arrivedByAction} />;
}
