import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPaths } from '@/config/constants';
import { apiRequest } from '@/lib/api-client';
import type { Channel } from '@/types/api';
import { applyChannelAnswer } from './update-channel';

/** POST /api/channels/{id}/members: adds these people. */
export function addMembers(channelId: string, userIds: string[]): Promise<Channel> {
  return apiRequest<Channel>(apiPaths.channelMembers(channelId), { method: 'POST', body: { userIds } });
}

export function useAddMembers(channelId: string, { onSuccess }: { onSuccess?: () => void } = {}) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (userIds: string[]) => addMembers(channelId, userIds),
    onSuccess: (channel) => {
      onSuccess?.();
      applyChannelAnswer(client, channel);
    },
  });
}
