import { useInfiniteQuery } from '@tanstack/react-query';
import { apiPaths } from '@/config/constants';
import { apiRequest } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { Message } from '@/types/api';

export const mentionsPageSize = 30;

/** One page of GET /api/mentions: messages that mention the caller, newest first, before an instant. */
export function getMentions(before: string | null, signal?: AbortSignal): Promise<Message[]> {
  const query = new URLSearchParams({ limit: String(mentionsPageSize) });
  if (before) query.set('before', before);
  return apiRequest<{ messages: Message[] }>(`${apiPaths.mentions}?${query}`, { signal }).then(
    (r) => r.messages,
  );
}

/** The caller's mentions, page by page (older ones on demand); asked again each time the view opens. */
export function useMentions() {
  return useInfiniteQuery({
    queryKey: queryKeys.mentions,
    queryFn: ({ pageParam, signal }) => getMentions(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) =>
      last.length < mentionsPageSize ? undefined : last[last.length - 1].createdAt,
    staleTime: 0,
    gcTime: 60_000,
  });
}
