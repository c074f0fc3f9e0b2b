import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiPaths, messagePageSize } from '@/config/constants';
import { apiRequest } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { MessagePage } from '@/types/api';

/** GET /api/channels/{id}/messages: the newest page, or the page before `before` (a seq). */
export function getMessages(channelId: string, before?: number, signal?: AbortSignal): Promise<MessagePage> {
  const query = new URLSearchParams({ limit: String(messagePageSize) });
  if (before !== undefined) query.set('before', String(before));
  return apiRequest<MessagePage>(`${apiPaths.channelMessages(channelId)}?${query}`, { signal });
}

/** A channel's history, newest page first; the next page is the one before the oldest message shown. */
export function messagesQueryOptions(channelId: string) {
  return infiniteQueryOptions({
    queryKey: queryKeys.messages(channelId),
    queryFn: ({ pageParam, signal }) => getMessages(channelId, pageParam, signal),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (page) => (page.hasMore && page.messages.length > 0 ? page.messages[0].seq : undefined),
    // Kept current by the socket (message-cache.ts), and fetched again on resync.
    staleTime: Infinity,
  });
}

export function useMessages(channelId: string) {
  return useInfiniteQuery(messagesQueryOptions(channelId));
}
