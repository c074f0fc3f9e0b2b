import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPaths } from '@/config/constants';
import { mergeChannel } from '@/hooks/use-channels';
import { apiRequest } from '@/lib/api-client';
import type { Channel, NotificationLevel } from '@/types/api';

export interface ChannelNotificationSettings {
  level: NotificationLevel | 'default';
  muted: boolean;
}

/** PUT /api/channels/{id}/notifications: the person's own level for this channel ('default': their general one). */
export function setChannelNotifications(
  channelId: string,
  { level, muted }: ChannelNotificationSettings,
): Promise<Channel> {
  return apiRequest<Channel>(`${apiPaths.channel(channelId)}/notifications`, {
    method: 'PUT',
    body: { level, muted },
  });
}

export function useSetChannelNotifications(channelId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (settings: ChannelNotificationSettings) => setChannelNotifications(channelId, settings),
    onSuccess: (channel) => mergeChannel(client, channel),
  });
}
