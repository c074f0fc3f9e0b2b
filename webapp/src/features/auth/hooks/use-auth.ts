import { createContext, useContext } from 'react';
import type { ChangePasswordInput } from '../api/change-password';
import type { SignInInput } from '../api/sign-in';
import type { SignUpInput } from '../api/sign-up';

/**
 * checking: asking the server whether the refresh cookie still holds a session (app start), or who it is.
 * signed-in: the person is in the query cache; read them with useCurrentUser (api/get-current-user.ts).
 */
export type AuthStatus = 'checking' | 'signed-out' | 'signed-in';

export interface AuthContextValue {
  status: AuthStatus;
  /** Rejects with ApiError; the session starts, its person known, when it resolves. */
  signIn: (input: SignInInput) => Promise<void>;
  signUp: (input: SignUpInput) => Promise<void>;
  /** Rejects with ApiError; mustChangePassword turns false when it resolves. */
  changePassword: (input: ChangePasswordInput) => Promise<void>;
  /** Always ends the session here, even when the server could not be told. */
  signOut: () => Promise<void>;
}

export const AuthContext = createContext<AuthContextValue | null>(null);

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}
