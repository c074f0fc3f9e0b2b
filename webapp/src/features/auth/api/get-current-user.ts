import { apiPaths } from '@/config/constants';
import { apiRequest } from '@/lib/api-client';
import type { CurrentUser } from '@/types/api';

export function getCurrentUser(signal?: AbortSignal): Promise<CurrentUser> {
  return apiRequest<CurrentUser>(apiPaths.me, { signal });
}
