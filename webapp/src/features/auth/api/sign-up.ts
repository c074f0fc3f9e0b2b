import { apiPaths } from '@/config/constants';
import { apiRequest } from '@/lib/api-client';
import type { AuthResponse } from '@/types/api';

export interface SignUpInput {
  fullName: string;
  username: string;
  password: string;
  phoneNumber?: string;
  avatarURL?: string;
}

export function signUp(input: SignUpInput): Promise<AuthResponse> {
  return apiRequest<AuthResponse>(apiPaths.signup, { method: 'POST', body: input, renewOn401: false });
}
