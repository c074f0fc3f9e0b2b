import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPaths } from '@/config/constants';
import { apiRequest } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { CurrentUser } from '@/types/api';

type ProfileChanges = Partial<
  Pick<CurrentUser, 'fullName' | 'phoneNumber' | 'avatarURL' | 'notifications' | 'timeZone' | 'readReceipts'>
>;

/**
 * Every call that changes the person (the PATCH below, the status calls in status.ts, the picture upload) answers
 * with the whole profile as it now is; it goes into the one cached copy (GET /api/users/me's entry), from which the
 * banner, Settings and the rest of the app read them.
 */
export function setCurrentUser(client: QueryClient, user: CurrentUser): void {
  client.setQueryData<CurrentUser>(queryKeys.me, user);
}

/** PATCH /api/users/me with the fields to change. */
export function useUpdateMe() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (changes: ProfileChanges) =>
      apiRequest<CurrentUser>(apiPaths.me, { method: 'PATCH', body: changes }),
    onSuccess: (user) => setCurrentUser(client, user),
  });
}
