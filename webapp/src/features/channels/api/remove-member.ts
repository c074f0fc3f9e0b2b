import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPaths } from '@/config/constants';
import { apiRequest } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import { removeChannel } from './channel-cache';

/** DELETE /api/channels/{id}/members/{userId}: removes someone, or, for oneself, leaves. */
export function removeMember(channelId: string, userId: string): Promise<void> {
  return apiRequest<void>(apiPaths.channelMember(channelId, userId), { method: 'DELETE' });
}

/** Removes another member: the details (members) are asked again. */
export function useRemoveMember(channelId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => removeMember(channelId, userId),
    onSuccess: () => void client.invalidateQueries({ queryKey: queryKeys.channel(channelId) }),
  });
}

/** The person leaves: the channel leaves the list once `onSuccess` has moved away from it. */
export function useLeaveChannel(
  channelId: string,
  selfId: string,
  { onSuccess }: { onSuccess?: () => void } = {},
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => removeMember(channelId, selfId),
    onSuccess: () => {
      onSuccess?.();
      removeChannel(client, channelId);
    },
  });
}
