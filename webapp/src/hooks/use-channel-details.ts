/**
 * GET /api/channels/{id}: one channel with its members. Shared: the conversation (header, mentions, receipts) and
 * the channels feature (settings, a conversation's name in the sidebar) read the same entry.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiPaths } from '@/config/constants';
import { apiRequest } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { Channel } from '@/types/api';

export function getChannel(id: string, signal?: AbortSignal): Promise<Channel> {
  return apiRequest<Channel>(apiPaths.channel(id), { signal });
}

export function channelDetailsQueryOptions(channelId: string) {
  return queryOptions({
    queryKey: queryKeys.channel(channelId),
    queryFn: ({ signal }) => getChannel(channelId, signal),
  });
}

export function useChannelDetails(channelId: string | null) {
  return useQuery({ ...channelDetailsQueryOptions(channelId ?? ''), enabled: channelId !== null });
}
