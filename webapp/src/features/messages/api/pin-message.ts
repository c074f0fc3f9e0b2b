import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPaths } from '@/config/constants';
import { apiRequest } from '@/lib/api-client';
import type { Message } from '@/types/api';
import { updatePins, upsertForReader } from './message-cache';

/** PUT (pin) or DELETE (unpin) /api/messages/{id}/pin; any member may do either. */
export function pinMessage(id: string, on: boolean): Promise<Message> {
  return apiRequest<Message>(apiPaths.pin(id), { method: on ? 'PUT' : 'DELETE' });
}

export function usePinMessage(selfId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ message, on }: { message: Message; on: boolean }) => pinMessage(message.id, on),
    onSuccess: (message) => {
      upsertForReader(client, message, selfId);
      updatePins(client, message);
    },
  });
}
