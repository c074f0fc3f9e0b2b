import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPaths } from '@/config/constants';
import { apiRequest } from '@/lib/api-client';
import type { CurrentUser } from '@/types/api';
import { setCurrentUser } from './update-me';

interface StatusInput {
  emoji?: string;
  text?: string;
  expiresAt?: string;
}

/** PUT /api/users/me/status. */
export function useSetStatus() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (status: StatusInput) =>
      apiRequest<CurrentUser>(apiPaths.myStatus, { method: 'PUT', body: status }),
    onSuccess: (user) => setCurrentUser(client, user),
  });
}

/** DELETE /api/users/me/status. */
export function useClearStatus() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<CurrentUser>(apiPaths.myStatus, { method: 'DELETE' }),
    onSuccess: (user) => setCurrentUser(client, user),
  });
}
