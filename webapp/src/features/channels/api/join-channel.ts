import { useMutation } from '@tanstack/react-query';
import { apiPaths } from '@/config/constants';
import { apiRequest } from '@/lib/api-client';
import type { Channel } from '@/types/api';

/** POST /api/channels/{id}/join: the person joins a public team channel. */
export function joinChannel(channelId: string): Promise<Channel> {
  return apiRequest<Channel>(apiPaths.channelJoin(channelId), { method: 'POST' });
}

export function useJoinChannel({ onSuccess }: { onSuccess?: (channel: Channel) => void } = {}) {
  return useMutation({ mutationFn: joinChannel, onSuccess });
}
