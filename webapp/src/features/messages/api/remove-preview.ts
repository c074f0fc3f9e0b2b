import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPaths } from '@/config/constants';
import { apiRequest } from '@/lib/api-client';
import type { Message } from '@/types/api';
import { upsertForReader } from './message-cache';

/** DELETE /api/messages/{id}/preview: the author removes the message's link preview; it does not come back. */
export function removePreview(id: string): Promise<Message> {
  return apiRequest<Message>(apiPaths.messagePreview(id), { method: 'DELETE' });
}

export function useRemovePreview(selfId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (message: Message) => removePreview(message.id),
    onSuccess: (message) => upsertForReader(client, message, selfId),
  });
}
