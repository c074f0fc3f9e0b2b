import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { mergeChannel } from '@/lib/cache-updates';
import { navigate } from '@/lib/navigation';
import type { Channel } from '@/types/api';

/** After creating or joining: put the channel in the list at once and show it. */
export function useOpenChannel() {
  const client = useQueryClient();
  return useCallback(
    (channel: Channel) => {
      mergeChannel(client, { ...channel, unreadCount: channel.unreadCount ?? 0 });
      client.setQueryData(['channel', channel.id], channel.members ? channel : undefined);
      navigate(channel.id);
    },
    [client],
  );
}
