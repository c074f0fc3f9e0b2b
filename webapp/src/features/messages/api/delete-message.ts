import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPaths } from '@/config/constants';
import { apiRequest } from '@/lib/api-client';
import type { Message } from '@/types/api';
import { upsertForReader } from './message-cache';

/** DELETE /api/messages/{id}: by its author, the channel's creator or an admin. */
export function deleteMessage(id: string): Promise<void> {
  return apiRequest<void>(apiPaths.message(id), { method: 'DELETE' });
}

/** The server answers with no body: the message shows deleted at once, as the event will say. */
export function useDeleteMessage(selfId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (message: Message) => deleteMessage(message.id),
    onSuccess: (_, message) => upsertForReader(client, { ...message, deleted: true, text: '' }, selfId),
  });
}
