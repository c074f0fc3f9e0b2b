import { apiPaths } from '@/config/constants';
import { apiRequest } from '@/lib/api-client';

/** POST /api/channels/{id}/read: read up to `seq`. Sent by hooks/use-mark-read.ts, which debounces and retries. */
export function markRead(channelId: string, seq: number): Promise<void> {
  return apiRequest<void>(apiPaths.channelRead(channelId), { method: 'POST', body: { seq } });
}
