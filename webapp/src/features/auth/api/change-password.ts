import { apiPaths } from '@/config/constants';
import { apiRequest } from '@/lib/api-client';

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
}

/** 204; other sessions of the person end. A wrong current password is a 400 at field currentPassword. */
export function changePassword(input: ChangePasswordInput): Promise<void> {
  return apiRequest<void>(apiPaths.myPassword, { method: 'POST', body: input });
}
