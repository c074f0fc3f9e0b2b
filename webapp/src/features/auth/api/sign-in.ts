import { apiPaths } from '@/config/constants';
import { apiRequest } from '@/lib/api-client';
import type { AuthResponse } from '@/types/api';

export interface SignInInput {
  username: string;
  password: string;
}

/** 401 here means wrong credentials, so it must not trigger a token renewal. */
export function signIn(input: SignInInput): Promise<AuthResponse> {
  return apiRequest<AuthResponse>(apiPaths.login, { method: 'POST', body: input, renewOn401: false });
}
