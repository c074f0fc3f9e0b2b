import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPaths } from '@/config/constants';
import { apiRequest } from '@/lib/api-client';
import { setChannelRead } from './message-cache';

/** POST /api/channels/{id}/unread: "Mark as unread from here", the message at seq and everything after it. */
export function markUnread(channelId: string, seq: number): Promise<void> {
  return apiRequest<void>(`${apiPaths.channel(channelId)}/unread`, { method: 'POST', body: { seq } });
}

/** Once the server took it, the read marker moves back (and the channel list is asked for its counts). */
export function useMarkUnread(channelId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (seq: number) => markUnread(channelId, seq),
    onSuccess: (_, seq) => setChannelRead(client, channelId, seq - 1),
  });
}
