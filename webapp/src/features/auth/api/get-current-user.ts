import { queryOptions, useQuery } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { apiPaths } from '@/config/constants';
import { apiRequest } from '@/lib/api-client';
import { ApiError } from '@/lib/problem';
import { queryKeys } from '@/lib/query-keys';
import { getSession, subscribeSession } from '@/lib/session';
import type { CurrentUser } from '@/types/api';

/** GET /api/users/me. With `token`, for a session that has not started yet (sign-in reads the profile first). */
export function getCurrentUser(options: { signal?: AbortSignal; token?: string } = {}): Promise<CurrentUser> {
  return apiRequest<CurrentUser>(apiPaths.me, options);
}

/**
 * The signed-in person, held once: in this query's cache entry. What changes them writes its answer there
 * (setQueryData), and the socket's status frames update it, so every screen shows the change at once.
 */
export function currentUserQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.me,
    queryFn: ({ signal }) => getCurrentUser({ signal }),
    // Nothing of the app shows without the person, so a server that cannot answer yet is asked again (with
    // TanStack Query's back-off, up to 30 s apart) rather than given up on. A refusal is an answer.
    retry: (_failures, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500),
  });
}

const signedIn = () => getSession() !== null;

/** The signed-in person; asked for only while there is a session. */
export function useCurrentUser() {
  const enabled = useSyncExternalStore(subscribeSession, signedIn, () => false);
  return useQuery({ ...currentUserQueryOptions(), enabled });
}
