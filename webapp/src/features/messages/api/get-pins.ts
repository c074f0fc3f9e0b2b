import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiPaths } from '@/config/constants';
import { apiRequest } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { Message } from '@/types/api';

/** GET /api/channels/{id}/pins: the conversation's pinned messages, most recently pinned first. */
export function getPins(channelId: string, signal?: AbortSignal): Promise<Message[]> {
  return apiRequest<{ messages: Message[] }>(apiPaths.channelPins(channelId), { signal }).then(
    (r) => r.messages,
  );
}

/**
 * Asked once per conversation and then kept current by message.updated and message.deleted frames and by the pin
 * answers (updatePins in message-cache.ts).
 */
export function pinsQueryOptions(channelId: string) {
  return queryOptions({
    queryKey: queryKeys.pins(channelId),
    queryFn: ({ signal }) => getPins(channelId, signal),
    staleTime: Infinity,
  });
}

export function usePins(channelId: string) {
  return useQuery(pinsQueryOptions(channelId));
}
