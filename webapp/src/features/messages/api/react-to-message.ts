import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPaths } from '@/config/constants';
import { apiRequest } from '@/lib/api-client';
import type { Message } from '@/types/api';
import { upsertForReader, upsertMessage } from './message-cache';

/** PUT (on) or DELETE (off) /api/messages/{id}/reactions/{type}: the person's own reaction. */
export function reactToMessage(id: string, type: string, on: boolean): Promise<Message> {
  return apiRequest<Message>(apiPaths.reaction(id, type), { method: on ? 'PUT' : 'DELETE' });
}

export function useReactToMessage(selfId: string) {
  const client = useQueryClient();
  const apply = (message: Message) => upsertForReader(client, message, selfId);
  return useMutation({
    mutationFn: ({ message, type, on }: { message: Message; type: string; on: boolean }) =>
      reactToMessage(message.id, type, on),
    onMutate: ({ message, type, on }) => {
      // Show the change at once; the answer replaces it with the server's counts.
      const reactions = message.reactions.some((r) => r.type === type)
        ? message.reactions
            .map((r) => (r.type === type ? { ...r, me: on, count: r.count + (on ? 1 : -1) } : r))
            .filter((r) => r.count > 0)
        : [...message.reactions, { type, count: 1, me: true, userIds: [selfId] }];
      upsertMessage(client, {
        ...message,
        reactions: reactions.map((r) =>
          r.type === type && r.userIds
            ? { ...r, userIds: on ? [...r.userIds, selfId] : r.userIds.filter((id) => id !== selfId) }
            : r,
        ),
      });
    },
    onSuccess: apply,
    onError: (_, { message }) => apply(message),
  });
}
