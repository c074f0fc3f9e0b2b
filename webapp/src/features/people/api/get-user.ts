import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiPaths } from '@/config/constants';
import { apiRequest } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { User } from '@/types/api';

/** GET /api/users/{id}: one person as others see them, for the profile card. */
export function getUser(id: string, signal?: AbortSignal): Promise<User> {
  return apiRequest<User>(apiPaths.user(id), { signal });
}

export function userQueryOptions(id: string) {
  return queryOptions({
    queryKey: queryKeys.user(id),
    queryFn: ({ signal }) => getUser(id, signal),
    // Fresh each time the card opens: presence and the local time are what it is for.
    staleTime: 0,
  });
}

export function useUser(id: string) {
  return useQuery(userQueryOptions(id));
}
