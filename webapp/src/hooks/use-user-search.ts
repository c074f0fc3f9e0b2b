/**
 * GET /api/users?q: people whose name or username matches, for pickers. Shared: the channels feature (members to
 * add, a new conversation) and the quick switcher both look people up this way.
 */
import { useQuery } from '@tanstack/react-query';
import { apiPaths } from '@/config/constants';
import { apiRequest } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { User } from '@/types/api';

export function searchUsers(q: string, signal?: AbortSignal): Promise<User[]> {
  return apiRequest<{ users: User[] }>(`${apiPaths.users}?q=${encodeURIComponent(q)}&limit=20`, {
    signal,
  }).then((r) => r.users);
}

export function useUserSearch(q: string, enabled = true) {
  return useQuery({
    queryKey: queryKeys.users(q),
    queryFn: ({ signal }) => searchUsers(q, signal),
    enabled: enabled && q.trim().length > 0,
    staleTime: 30_000,
  });
}
