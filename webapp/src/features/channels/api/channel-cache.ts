import type { QueryClient } from '@tanstack/react-query';
import { queryKeys } from '@/lib/query-keys';
import type { Channel } from '@/types/api';

/** The person left the channel or was removed from it: it leaves the list, and its details and history go. */
export function removeChannel(client: QueryClient, channelId: string): void {
  client.setQueryData<Channel[]>(queryKeys.channels, (list) => list?.filter((c) => c.id !== channelId));
  client.removeQueries({ queryKey: queryKeys.channel(channelId) });
  client.removeQueries({ queryKey: queryKeys.messages(channelId) });
}
