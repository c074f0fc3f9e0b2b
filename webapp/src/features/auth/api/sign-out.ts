import { apiPaths } from '@/config/constants';
import { apiRequest } from '@/lib/api-client';

/** Revokes the refresh token and clears the session cookies. */
export function signOut(): Promise<void> {
  return apiRequest<void>(apiPaths.logout, { method: 'POST', renewOn401: false });
}
