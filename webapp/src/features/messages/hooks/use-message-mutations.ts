import { useMutation, useQueryClient } from '@tanstack/react-query';
import { setSaved, updatePins, upsertMessage, withOwnReactions } from '@/lib/cache-updates';
import { chatApi } from '@/lib/chat-api';
import type { Message } from '@/types/api';

/**
 * Edit, delete, react, pin, save and remove a link preview; each answer (or, for delete, the event) updates the
 * cache.
 */
export function useMessageMutations(selfId: string) {
  const client = useQueryClient();
  const apply = (message: Message) => upsertMessage(client, withOwnReactions(message, selfId));

  const edit = useMutation({
    mutationFn: ({ id, text }: { id: string; text: string }) => chatApi.editMessage(id, text),
    onSuccess: apply,
  });
  const remove = useMutation({
    mutationFn: (message: Message) => chatApi.deleteMessage(message.id),
    onSuccess: (_, message) => apply({ ...message, deleted: true, text: '' }),
  });
  const react = useMutation({
    mutationFn: ({ message, type, on }: { message: Message; type: string; on: boolean }) =>
      on ? chatApi.addReaction(message.id, type) : chatApi.removeReaction(message.id, type),
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
  const pin = useMutation({
    mutationFn: ({ message, on }: { message: Message; on: boolean }) => chatApi.pinMessage(message.id, on),
    onSuccess: (message) => {
      apply(message);
      updatePins(client, message);
    },
  });
  const save = useMutation({
    mutationFn: ({ message, on }: { message: Message; on: boolean }) => chatApi.saveMessage(message.id, on),
    // Shown at once (the answer confirms it); a refusal puts the mark back.
    onMutate: ({ message, on }) => setSaved(client, message.channelId, message.id, on),
    onSuccess: (message) => apply(message),
    onError: (_, { message }) => setSaved(client, message.channelId, message.id, !!message.saved),
  });
  const removePreview = useMutation({
    mutationFn: (message: Message) => chatApi.removePreview(message.id),
    onSuccess: apply,
  });
  return { edit, remove, react, pin, save, removePreview };
}
