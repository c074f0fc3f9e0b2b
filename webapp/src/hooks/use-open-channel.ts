import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { apiPaths } from '@/config/constants';
import { apiRequest } from '@/lib/api-client';
import { navigate } from '@/lib/navigation';
import { queryKeys } from '@/lib/query-keys';
import type { Channel } from '@/types/api';
import { mergeChannel } from './use-channels';

/**
 * POST /api/channels for a direct or group conversation with these people (the server answers with the one that
 * exists, if any). Shared: a profile card's "Message", the quick switcher and the channels feature start them.
 */
export function createConversation(memberIds: string[]): Promise<Channel> {
  return apiRequest<Channel>(apiPaths.channels, { method: 'POST', body: { type: 'messaging', memberIds } });
}

/** After creating or joining: put the channel in the list at once and show it. */
export function useOpenChannel() {
  const client = useQueryClient();
  return useCallback(
    (channel: Channel) => {
      mergeChannel(client, { ...channel, unreadCount: channel.unreadCount ?? 0 });
      client.setQueryData(queryKeys.channel(channel.id), channel.members ? channel : undefined);
      navigate(channel.id);
    },
    [client],
  );
}
