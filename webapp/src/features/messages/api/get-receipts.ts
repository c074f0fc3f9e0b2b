import { useQuery } from '@tanstack/react-query';
import { apiPaths, receiptsMaxMembers } from '@/config/constants';
import { apiRequest } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { Channel, ReadReceipt } from '@/types/api';

/** GET /api/channels/{id}/receipts: how far the other members of a direct or group conversation have seen it. */
export function getReceipts(channelId: string, signal?: AbortSignal): Promise<ReadReceipt[]> {
  return apiRequest<{ receipts: ReadReceipt[] }>(apiPaths.channelReceipts(channelId), { signal }).then(
    (r) => r.receipts,
  );
}

/**
 * Kept live by receipt.updated frames (setReceipt in message-cache.ts). Channels and bigger groups share no
 * receipts (the server's rule), so nothing is asked there.
 */
export function useReceipts(channel: Pick<Channel, 'id' | 'type' | 'memberCount'> | undefined) {
  const shared = !!channel && channel.type === 'messaging' && channel.memberCount <= receiptsMaxMembers;
  return useQuery({
    queryKey: queryKeys.receipts(channel?.id ?? ''),
    queryFn: ({ signal }) => getReceipts(channel!.id, signal),
    enabled: shared,
  });
}
