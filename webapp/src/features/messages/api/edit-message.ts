import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPaths } from '@/config/constants';
import { apiRequest } from '@/lib/api-client';
import type { Message } from '@/types/api';
import { upsertForReader } from './message-cache';

/** PATCH /api/messages/{id}: the author's new text. */
export function editMessage(id: string, text: string): Promise<Message> {
  return apiRequest<Message>(apiPaths.message(id), { method: 'PATCH', body: { text } });
}

export function useEditMessage(selfId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, text }: { id: string; text: string }) => editMessage(id, text),
    onSuccess: (message) => upsertForReader(client, message, selfId),
  });
}
