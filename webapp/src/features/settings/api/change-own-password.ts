import { apiPaths } from '@/config/constants';
import { apiRequest } from '@/lib/api-client';

/** POST /api/users/me/password: 204, and every other session of the person ends. */
export function changeOwnPassword(currentPassword: string, newPassword: string): Promise<void> {
  return apiRequest<void>(apiPaths.myPassword, { method: 'POST', body: { currentPassword, newPassword } });
}
