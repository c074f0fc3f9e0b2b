import { useMutation } from '@tanstack/react-query';
import { apiPaths } from '@/config/constants';
import { apiRequest } from '@/lib/api-client';
import type { Channel } from '@/types/api';

export interface NewTeamChannel {
  name: string;
  description?: string;
  private: boolean;
  memberIds: string[];
}

/** POST /api/channels for a team channel (a conversation: createConversation in hooks/use-open-channel.ts). */
export function createChannel(channel: NewTeamChannel): Promise<Channel> {
  return apiRequest<Channel>(apiPaths.channels, { method: 'POST', body: { type: 'team', ...channel } });
}

export function useCreateChannel({ onSuccess }: { onSuccess?: (channel: Channel) => void } = {}) {
  return useMutation({ mutationFn: createChannel, onSuccess });
}
