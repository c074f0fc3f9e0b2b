import { Suspense, lazy, useCallback, useDeferredValue, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { FormAlert } from '@/components/form-alert';
import { Spinner } from '@/components/spinner';
import { messages } from '@/config/messages';
import { useChannelDetails } from '@/hooks/use-channel-details';
import { useChannels } from '@/hooks/use-channels';
import { channelLabel, mayManageChannel, otherMembers } from '@/lib/channel-label';
import { navigate, useLocation } from '@/lib/navigation';
import { useOutbox } from '@/lib/outbox';
import type { MessageAuthor } from '@/types/api';
import { useCatchUp } from '../hooks/use-catch-up';
import { useMarkRead } from '../hooks/use-mark-read';
import { useMessages } from '../api/get-messages';
import { useReceipts } from '../api/get-receipts';
import { useMarkUnread } from '../api/mark-unread';
import { mayCallEveryone } from '../utils/mention-query';
import { useSendMessage } from '../hooks/use-send-message';
import { useTimelineHandlers } from '../hooks/use-timeline-handlers';
import { seenByMessage } from '../utils/seen-by';
import { type TimelineMessage, buildTimeline, mergePending } from '../utils/timeline';
import { Composer } from './composer';
import { ConversationHeader } from './conversation-header';
import { MessageItem } from './message-item';
import { MessageList } from './message-list';
import { PinnedButton } from './pinned-button';
import { TypingLine } from './typing-line';
import './conversation.css';

const ThreadPanel = lazy(() => import('./thread-panel').then((m) => ({ default: m.ThreadPanel })));
const DeleteMessageDialog = lazy(() =>
  import('./delete-message-dialog').then((m) => ({ default: m.DeleteMessageDialog })),
);

const t = messages.conversation;

const ignoreSeq = () => {};

interface ConversationProps {
  channelId: string;
  self: MessageAuthor;
  /** Controls for the header, e.g. channel settings. */
  headerActions?: ReactNode;
  /** Admins may delete anybody's message, as the channel's creator may (the server's rule). */
  isAdmin?: boolean;
}

/** One channel: header, virtualised timeline, typing line and composer, and the thread panel beside it. */
export function Conversation({ channelId, self, headerActions, isAdmin = false }: ConversationProps) {
  const details = useChannelDetails(channelId);
  const channels = useChannels();
  const summary = channels.data?.find((c) => c.id === channelId);
  // Where the "new messages" line goes: fixed for this visit (the server's read marker when it began), moved
  // only by "Mark as unread from here".
  const [lastReadSeq, setLastReadSeq] = useState(() =>
    summary ? (summary.lastReadSeq ?? Math.max(0, summary.lastSeq - (summary.unreadCount ?? 0))) : null,
  );
  const unreadAtOpen = useState(() => (summary?.unreadCount ?? 0) > 0)[0];
  // After "Mark as unread" the marker stays where the person put it until they open the channel again.
  const [markedUnread, setMarkedUnread] = useState(false);
  const history = useMessages(channelId);
  const { threadId, messageSeq = null } = useLocation();
  // A search result opens the channel at its message: older pages load until it is there (as for unread ones).
  const catchingUp = useCatchUp(
    history,
    messageSeq !== null ? messageSeq - 1 : unreadAtOpen ? lastReadSeq : null,
  );
  const outbox = useOutbox(self.id);
  const { send } = useSendMessage(self);
  const markRead = useMarkRead(channelId);
  const { mutate: markUnreadFrom } = useMarkUnread(channelId);
  const openThread = useCallback((m: TimelineMessage) => navigate(channelId, m.id), [channelId]);
  const timeline = useTimelineHandlers(self, openThread);
  const markUnread = useCallback(
    (m: TimelineMessage) => {
      if (m.seq <= 0) return;
      setMarkedUnread(true);
      setLastReadSeq(m.seq - 1);
      markUnreadFrom(m.seq, { onError: () => setMarkedUnread(false) });
    },
    [markUnreadFrom],
  );
  const handlers = useMemo(
    () => ({ ...timeline.handlers, onMarkUnread: markUnread }),
    [timeline.handlers, markUnread],
  );

  const roots = useMemo(() => {
    const pages = history.data?.pages ?? [];
    const all = [];
    for (let i = pages.length - 1; i >= 0; i--) all.push(...pages[i].messages);
    return all.filter((m) => !m.parentId);
  }, [history.data]);
  const pending = useMemo(
    () => outbox.filter((e) => e.channelId === channelId && !e.parentId),
    [outbox, channelId],
  );
  const list = useMemo(() => mergePending(roots, pending, self), [roots, pending, self]);
  const rows = useMemo(() => buildTimeline(list, lastReadSeq, self.id), [list, lastReadSeq, self.id]);
  // The timeline renders a moment behind the data, as a transition: React builds its rows in slices between
  // other work instead of in one long task when the history arrives (what a phone's CPU and Lighthouse feel).
  const shownRows = useDeferredValue(rows);
  // Until the timeline has shown the loaded history once, the spinner stays: mounting the list with the stale
  // rows would build the empty timeline first and scroll it to the end a moment later.
  const [timelineShown, setTimelineShown] = useState(false);
  const historyReady = !history.isPending && !history.isError;
  if (historyReady && !timelineShown && shownRows === rows) setTimelineShown(true);
  const waitingForTimeline =
    history.isPending || catchingUp || (historyReady && !timelineShown && shownRows !== rows);

  const channel = details.data ?? summary;
  const receipts = useReceipts(channel);
  const members = details.data?.members;
  const seenBy = useMemo(
    () =>
      receipts.data && members
        ? seenByMessage(
            roots.map((m) => ({ seq: m.seq, authorId: m.user.id })),
            receipts.data,
            members,
            self.id,
          )
        : null,
    [receipts.data, members, roots, self.id],
  );
  if (details.isError && !summary) {
    return (
      <p className="conversation__notice" role="alert">
        {t.notFound}
      </p>
    );
  }
  if (!channel) return <Spinner label={t.loading} labelVisible className="conversation__spinner" />;

  const name = channelLabel(channel, self.id);
  const others = channel.type === 'messaging' ? otherMembers(channel, self.id) : [];
  const person = channel.direct && others.length === 1 ? others[0] : null;
  const canModerate = mayManageChannel(channel, self.id, isAdmin);
  const editLast = () => {
    const mine = [...list].reverse().find((m) => m.user.id === self.id && !m.deleted && !m.pending);
    if (mine) timeline.setEditingId(mine.id);
  };
  const parent = threadId ? (roots.find((m) => m.id === threadId) ?? null) : null;
  const mentionables = {
    members: details.data?.members ?? [],
    selfId: self.id,
    everyone: mayCallEveryone(channel.memberCount, canModerate),
  };

  return (
    <div className="conversation">
      <div className="conversation__main">
        <ConversationHeader
          title={channel.type === 'team' ? messages.sidebar.channelName(name) : name}
          description={channel.description}
          memberCount={channel.memberCount}
          person={
            person
              ? { online: person.online === true, timeZone: person.timeZone, status: person.status }
              : null
          }
          actions={
            <>
              <PinnedButton channelId={channelId} selfId={self.id} />
              {headerActions}
            </>
          }
        />
        {/* While loading, the placeholder takes the timeline's space, so the composer is already at the
            bottom and does not jump down when the messages arrive (a layout shift). */}
        {waitingForTimeline ? (
          <div className="conversation__placeholder">
            <Spinner label={t.loading} labelVisible className="conversation__spinner" />
          </div>
        ) : history.isError ? (
          <div className="conversation__placeholder">
            <p className="conversation__notice" role="alert">
              {t.loadFailed}
            </p>
          </div>
        ) : (
          <MessageList
            label={t.timelineLabel(name)}
            channelName={name}
            rows={shownRows}
            hasOlder={history.hasNextPage}
            loadingOlder={history.isFetchingNextPage}
            onLoadOlder={() => void history.fetchNextPage()}
            targetSeq={messageSeq}
            onVisibleSeq={markedUnread ? ignoreSeq : markRead}
            renderMessage={(row) => {
              const seen = row.message.pending ? undefined : seenBy?.get(row.message.seq);
              return (
                <>
                  <MessageItem
                    message={row.message}
                    grouped={row.grouped}
                    selfId={self.id}
                    selfName={self.username}
                    highlighted={messageSeq !== null && row.message.seq === messageSeq}
                    canModerate={canModerate}
                    editing={timeline.editingId === row.message.id}
                    savingEdit={timeline.savingEdit}
                    handlers={handlers}
                  />
                  {seen && <p className="conversation__seen-by">{t.seenBy(seen)}</p>}
                </>
              );
            }}
          />
        )}
        <FormAlert message={timeline.actionError} />
        <TypingLine channelId={channelId} members={details.data?.members ?? []} />
        <Composer
          key={channelId}
          channelId={channelId}
          label={messages.composer.label(channel.type === 'team' ? `#${name}` : name)}
          onSend={(text, files) => send(channelId, text, null, files)}
          onEditLast={editLast}
          autoFocus={!threadId}
          mentionables={mentionables}
        />
      </div>
      <Suspense fallback={null}>
        {threadId && (
          <ThreadPanel
            key={threadId}
            channelId={channelId}
            parentId={threadId}
            parent={parent}
            self={self}
            canModerate={canModerate}
            mentionables={mentionables}
          />
        )}
        {timeline.deleting && (
          <DeleteMessageDialog
            busy={timeline.deleteBusy}
            error={timeline.deleteError}
            onConfirm={timeline.confirmDelete}
            onClose={timeline.cancelDelete}
          />
        )}
      </Suspense>
    </div>
  );
}
