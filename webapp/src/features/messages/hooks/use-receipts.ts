import { useQuery } from '@tanstack/react-query';
import { receiptsMaxMembers } from '@/config/constants';
import { chatApi } from '@/lib/chat-api';
import { queryKeys } from '@/lib/query-keys';
import type { Channel } from '@/types/api';

/**
 * How far the other members of a direct or group conversation have seen it; kept live by receipt.updated frames
 * (use-realtime). Channels and bigger groups share no receipts (the server's rule), so nothing is asked there.
 */
export function useReceipts(channel: Pick<Channel, 'id' | 'type' | 'memberCount'> | undefined) {
  const shared = !!channel && channel.type === 'messaging' && channel.memberCount <= receiptsMaxMembers;
  return useQuery({
    queryKey: queryKeys.receipts(channel?.id ?? ''),
    queryFn: ({ signal }) => chatApi.getReceipts(channel!.id, signal),
    enabled: shared,
  });
}
