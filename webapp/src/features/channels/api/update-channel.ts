import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPaths } from '@/config/constants';
import { mergeChannel } from '@/hooks/use-channels';
import { apiRequest } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { Channel } from '@/types/api';

interface ChannelChanges {
  name?: string;
  description?: string;
  private?: boolean;
}

/** PATCH /api/channels/{id}: name, description, privacy. */
export function updateChannel(channelId: string, changes: ChannelChanges): Promise<Channel> {
  return apiRequest<Channel>(apiPaths.channel(channelId), { method: 'PATCH', body: changes });
}

/** A channel changed by the person: the list takes the answer, and the details (members) are asked again. */
export function applyChannelAnswer(client: QueryClient, channel: Channel): void {
  mergeChannel(client, channel);
  void client.invalidateQueries({ queryKey: queryKeys.channel(channel.id) });
}

export function useUpdateChannel(channelId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (changes: ChannelChanges) => updateChannel(channelId, changes),
    onSuccess: (channel) => applyChannelAnswer(client, channel),
  });
}
