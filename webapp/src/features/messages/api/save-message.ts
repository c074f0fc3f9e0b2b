import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPaths } from '@/config/constants';
import { apiRequest } from '@/lib/api-client';
import type { Message, SavedItem } from '@/types/api';
import { setSaved, upsertForReader } from './message-cache';

/** PUT (save) or DELETE (take off) /api/messages/{id}/saved: the reader's own list of saved messages. */
export function saveMessage(id: string, on: boolean): Promise<Message> {
  return apiRequest<Message>(apiPaths.savedMark(id), { method: on ? 'PUT' : 'DELETE' });
}

/** Saves a message from the conversation, or takes it off; the mark shows at once and a refusal puts it back. */
export function useSaveMessage(selfId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ message, on }: { message: Message; on: boolean }) => saveMessage(message.id, on),
    onMutate: ({ message, on }) => setSaved(client, message.channelId, message.id, on),
    onSuccess: (message) => upsertForReader(client, message, selfId),
    onError: (_, { message }) => setSaved(client, message.channelId, message.id, !!message.saved),
  });
}

/** Takes a message off the saved list; the list, the conversation and the other tabs (saved.updated) follow. */
export function useUnsave(selfId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (item: SavedItem) => saveMessage(item.message.id, false),
    onSuccess: (message) => {
      upsertForReader(client, message, selfId);
      setSaved(client, message.channelId, message.id, false);
    },
  });
}
