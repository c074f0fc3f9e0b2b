import { useInfiniteQuery } from '@tanstack/react-query';
import { apiPaths } from '@/config/constants';
import { apiRequest } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { User } from '@/types/api';

/** People per page of the directory. */
export const peoplePageSize = 30;

/** One page of the people directory, by username; `after` is the last username of the previous page. */
export function listPeople(q: string, after: string, signal?: AbortSignal): Promise<User[]> {
  const query = `q=${encodeURIComponent(q)}&limit=${peoplePageSize}&after=${encodeURIComponent(after)}`;
  return apiRequest<{ users: User[] }>(`${apiPaths.users}?${query}`, { signal }).then((r) => r.users);
}

/** Everyone whose name or username contains `q`, by username, a page at a time. */
export function usePeople(q: string) {
  return useInfiniteQuery({
    queryKey: queryKeys.people(q),
    queryFn: ({ pageParam, signal }) => listPeople(q, pageParam, signal),
    initialPageParam: '',
    getNextPageParam: (last) => (last.length < peoplePageSize ? undefined : last[last.length - 1].username),
  });
}
