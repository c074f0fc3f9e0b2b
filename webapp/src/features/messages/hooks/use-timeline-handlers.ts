import { useCallback, useMemo, useState } from 'react';
import { getOutbox, removeFromOutbox } from '@/lib/outbox';
import type { MessageHandlers } from '../components/message-item';
import type { TimelineMessage } from '../utils/timeline';
import { useMessageMutations } from './use-message-mutations';
import { type Self, useSendMessage } from './use-send-message';

/**
 * What a list of messages can do: react, edit one at a time, delete after confirming, pin, save, retry or
 * discard.
 */
export function useTimelineHandlers(self: Self, onOpenThread?: (message: TimelineMessage) => void) {
  const { edit, remove, react, pin, save, removePreview } = useMessageMutations(self.id);
  const { retry } = useSendMessage(self);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<TimelineMessage | null>(null);

  const handlers = useMemo<MessageHandlers>(
    () => ({
      onReact: (message, type, on) => react.mutate({ message, type, on }),
      onStartEdit: (message) => setEditingId(message.id),
      onSaveEdit: (message, text) =>
        edit.mutate({ id: message.id, text }, { onSuccess: () => setEditingId(null) }),
      onCancelEdit: () => setEditingId(null),
      onDelete: (message) => {
        remove.reset();
        setDeleting(message);
      },
      onOpenThread,
      onRetry: (message) => {
        const entry = getOutbox().find((e) => e.clientMessageId === message.clientMessageId);
        if (entry) retry(entry);
      },
      onDiscard: (message) => message.clientMessageId && removeFromOutbox(message.clientMessageId),
      onTogglePin: (message) => pin.mutate({ message, on: !message.pinned }),
      onToggleSaved: (message) => save.mutate({ message, on: !message.saved }),
      onRemovePreview: (message) => removePreview.mutate(message),
    }),
    // The mutation objects change every render; their mutate functions are stable.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [
      react.mutate,
      edit.mutate,
      remove.reset,
      pin.mutate,
      save.mutate,
      removePreview.mutate,
      onOpenThread,
      retry,
    ],
  );

  const confirmDelete = useCallback(() => {
    if (deleting) remove.mutate(deleting, { onSuccess: () => setDeleting(null) });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [deleting, remove.mutate]);

  return {
    handlers,
    editingId,
    setEditingId,
    savingEdit: edit.isPending,
    deleting,
    deleteBusy: remove.isPending,
    deleteError: remove.error?.message,
    confirmDelete,
    cancelDelete: () => setDeleting(null),
    /** Why the last pin or save was refused (a full pinned list, a message deleted meanwhile). */
    actionError: pin.error?.message ?? save.error?.message,
  };
}
