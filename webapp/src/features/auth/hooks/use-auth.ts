import { createContext, useContext } from 'react';
import type { ChangePasswordInput } from '../api/change-password';
import type { SignInInput } from '../api/sign-in';
import type { SignUpInput } from '../api/sign-up';

/** checking: asking the server whether the refresh cookie still holds a session (app start). */
export type AuthStatus = 'checking' | 'signed-out' | 'signed-in';

export interface AuthUser {
  id: string;
  username: string;
  fullName: string;
  avatarURL: string | null;
  role: string;
  /** An admin reset the password: nothing but choosing a new one is possible until then. */
  mustChangePassword: boolean;
  /** From GET /api/users/me; undefined until that answered. */
  isAdmin: boolean | undefined;
}

export interface AuthContextValue {
  status: AuthStatus;
  user: AuthUser | null;
  /** Rejects with ApiError; the session starts when it resolves. */
  signIn: (input: SignInInput) => Promise<void>;
  signUp: (input: SignUpInput) => Promise<void>;
  /** Rejects with ApiError; mustChangePassword turns false when it resolves. */
  changePassword: (input: ChangePasswordInput) => Promise<void>;
  /** Always ends the session here, even when the server could not be told. */
  signOut: () => Promise<void>;
  /** Reads the profile again (after the person changed it). */
  reloadProfile: () => void;
}

export const AuthContext = createContext<AuthContextValue | null>(null);

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}
