import { useQuery } from '@tanstack/react-query';
import { chatApi } from '@/lib/chat-api';
import { queryKeys } from '@/lib/query-keys';
import type { Channel } from '@/types/api';

export function useChannels() {
  return useQuery<Channel[]>({
    queryKey: queryKeys.channels,
    queryFn: ({ signal }) => chatApi.listChannels(signal),
  });
}

/** One channel with its members (GET /api/channels/{id}). */
export function useChannelDetails(channelId: string | null) {
  return useQuery<Channel>({
    queryKey: queryKeys.channel(channelId ?? ''),
    queryFn: ({ signal }) => chatApi.getChannel(channelId ?? '', signal),
    enabled: channelId !== null,
  });
}

export function useUserSearch(q: string, enabled = true) {
  return useQuery({
    queryKey: queryKeys.users(q),
    queryFn: ({ signal }) => chatApi.searchUsers(q, signal),
    enabled: enabled && q.trim().length > 0,
    staleTime: 30_000,
  });
}
