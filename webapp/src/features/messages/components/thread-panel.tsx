import { ArrowLeftIcon, CloseIcon } from '@/components/icons';
import { Suspense, lazy, useCallback, useEffect, useMemo } from 'react';
import { IconButton } from '@/components/icon-button';
import { Spinner } from '@/components/spinner';
import { messages } from '@/config/messages';
import { navigate } from '@/lib/navigation';
import { useOutbox } from '@/lib/outbox';
import type { Message, MessageAuthor } from '@/types/api';
import { useReplies } from '../api/get-replies';
import { useSendMessage } from '../hooks/use-send-message';
import type { Mentionables } from '../hooks/use-mention-autocomplete';
import { useTimelineHandlers } from '../hooks/use-timeline-handlers';
import { mergePending } from '../utils/timeline';
import { Composer } from './composer';
import { MessageItem } from './message-item';

const DeleteMessageDialog = lazy(() =>
  import('./delete-message-dialog').then((m) => ({ default: m.DeleteMessageDialog })),
);

const t = messages.thread;

interface ThreadPanelProps {
  channelId: string;
  parent: Message | null;
  parentId: string;
  self: MessageAuthor;
  canModerate: boolean;
  /** Who `@` offers in the thread's composer (the channel's members). */
  mentionables?: Mentionables;
}

/** A side panel with a message and its replies, and a composer that posts with parentId. */
export function ThreadPanel({
  channelId,
  parent,
  parentId,
  self,
  canModerate,
  mentionables,
}: ThreadPanelProps) {
  const replies = useReplies(parentId);
  const outbox = useOutbox(self.id);
  const { send } = useSendMessage(self);
  const timeline = useTimelineHandlers(self);
  const list = useMemo(
    () =>
      mergePending(
        replies.data ?? [],
        outbox.filter((e) => e.parentId === parentId),
        self,
      ),
    [replies.data, outbox, parentId, self],
  );
  const close = useCallback(() => navigate(channelId), [channelId]);
  // Escape closes the thread (unless something inside it, a dialog, the editor or a menu, took it first).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) close();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [close]);

  return (
    <aside className="thread-panel" aria-label={t.label}>
      <div className="thread-panel__header">
        {/* On a phone the thread covers the conversation: the way back is a labelled button at the start. */}
        <button type="button" className="thread-panel__back" onClick={close}>
          <ArrowLeftIcon /> {t.back}
        </button>
        <h2 className="thread-panel__title">{t.heading}</h2>
        <IconButton label={t.close} icon={<CloseIcon />} onClick={close} className="thread-panel__close" />
      </div>
      <div className="thread-panel__body">
        {parent && (
          <MessageItem
            message={parent}
            grouped={false}
            selfId={self.id}
            selfName={self.username}
            canModerate={canModerate}
            editing={timeline.editingId === parent.id}
            savingEdit={timeline.savingEdit}
            handlers={timeline.handlers}
          />
        )}
        <h3 className="visually-hidden">{t.repliesLabel}</h3>
        {replies.isPending ? (
          <Spinner label={messages.conversation.loading} labelVisible />
        ) : (
          <ol className="thread-panel__replies" aria-live="polite" aria-label={t.repliesLabel}>
            {list.length === 0 && <li className="thread-panel__empty">{t.noReplies}</li>}
            {list.map((reply, i) => (
              <li key={reply.clientMessageId ?? reply.id}>
                <MessageItem
                  message={reply}
                  grouped={i > 0 && list[i - 1].user.id === reply.user.id}
                  selfId={self.id}
                  selfName={self.username}
                  canModerate={canModerate}
                  editing={timeline.editingId === reply.id}
                  savingEdit={timeline.savingEdit}
                  handlers={timeline.handlers}
                />
              </li>
            ))}
          </ol>
        )}
      </div>
      <Composer
        channelId={channelId}
        threadId={parentId}
        label={t.composerLabel}
        onSend={(text, files) => send(channelId, text, parentId, files)}
        autoFocus
        mentionables={mentionables}
      />
      <Suspense fallback={null}>
        {timeline.deleting && (
          <DeleteMessageDialog
            busy={timeline.deleteBusy}
            error={timeline.deleteError}
            onConfirm={timeline.confirmDelete}
            onClose={timeline.cancelDelete}
          />
        )}
      </Suspense>
    </aside>
  );
}
