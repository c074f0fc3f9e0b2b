import { apiPaths } from '@/config/constants';
import { apiRequest } from '@/lib/api-client';
import type { Message } from '@/types/api';

export interface NewMessage {
  text: string;
  clientMessageId: string;
  parentId?: string;
  attachmentIds?: string[];
}

/**
 * POST /api/channels/{id}/messages. Sent only from the outbox (hooks/use-send-message.ts), which keeps a message
 * until the server has it and posts a channel's messages in the order they were written.
 */
export function postMessage(channelId: string, message: NewMessage): Promise<Message> {
  return apiRequest<Message>(apiPaths.channelMessages(channelId), { method: 'POST', body: message });
}
