import { useQuery } from '@tanstack/react-query';
import { chatApi } from '@/lib/chat-api';
import { queryKeys } from '@/lib/query-keys';

/**
 * The conversation's pinned messages, most recently pinned first; asked once per conversation and then kept
 * current by message.updated and message.deleted frames (use-realtime) and by the pin answers.
 */
export function usePins(channelId: string) {
  return useQuery({
    queryKey: queryKeys.pins(channelId),
    queryFn: ({ signal }) => chatApi.listPins(channelId, signal),
    staleTime: Infinity,
  });
}
