import { useInfiniteQuery } from '@tanstack/react-query';
import { chatApi } from '@/lib/chat-api';
import { queryKeys } from '@/lib/query-keys';

/** A channel's history, newest page first; fetchNextPage loads the page before the oldest one shown. */
export function useMessages(channelId: string) {
  return useInfiniteQuery({
    queryKey: queryKeys.messages(channelId),
    queryFn: ({ pageParam, signal }) => chatApi.listMessages(channelId, pageParam, signal),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (page) => (page.hasMore && page.messages.length > 0 ? page.messages[0].seq : undefined),
    staleTime: Infinity,
  });
}
