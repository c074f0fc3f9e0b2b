import { memo } from 'react';
import { Avatar } from '@/components/avatar';
import { messageLink } from '@/lib/navigation';
import { openProfileCard } from '@/lib/profile-card';
import { Button } from '@/components/button';
import { MarkdownText } from '@/components/markdown-text';
import { messages } from '@/config/messages';
import { classNames } from '@/lib/class-names';
import type { TimelineMessage } from '../utils/timeline';
import { EditMessageForm } from './edit-message-form';
import { MessageActions } from './message-actions';
import { MessageAttachments } from './message-attachments';
import { LinkPreviewCard } from './link-preview-card';
import { ReactionBar } from './reaction-bar';
import { useShortcodeEmoji } from '../utils/emoji';
import { BookmarkIcon, PinIcon } from '@/components/icons';
import { formatLocales } from '@/config/locale';

const t = messages.conversation;

export interface MessageHandlers {
  onReact: (message: TimelineMessage, type: string, on: boolean) => void;
  onStartEdit: (message: TimelineMessage) => void;
  onSaveEdit: (message: TimelineMessage, text: string) => void;
  onCancelEdit: () => void;
  onDelete: (message: TimelineMessage) => void;
  onOpenThread?: (message: TimelineMessage) => void;
  onRetry: (message: TimelineMessage) => void;
  onDiscard: (message: TimelineMessage) => void;
  /** In the conversation (not a thread): make this message and everything after it unread. */
  onMarkUnread?: (message: TimelineMessage) => void;
  /** Pin the message to its conversation for every member, or unpin it. */
  onTogglePin?: (message: TimelineMessage) => void;
  /** Save the message for later (the reader's own list), or take it off. */
  onToggleSaved?: (message: TimelineMessage) => void;
  /** The author removes the message's link preview. */
  onRemovePreview?: (message: TimelineMessage) => void;
}

interface MessageItemProps {
  message: TimelineMessage;
  grouped: boolean;
  selfId: string;
  /** The reader's username, to highlight mentions of them. */
  selfName?: string;
  /** The message a search result or link opened the conversation at. */
  highlighted?: boolean;
  /** The channel's creator may delete anyone's message. */
  canModerate: boolean;
  editing: boolean;
  savingEdit: boolean;
  handlers: MessageHandlers;
}

// One formatter for all rows: toLocaleTimeString builds a new one per call, which made the time stamps the
// most expensive part of rendering a conversation (Lighthouse, 4x slower phone CPU).
const timeFormat = new Intl.DateTimeFormat(formatLocales, { hour: '2-digit', minute: '2-digit' });

function timeOf(iso: string): string {
  return timeFormat.format(new Date(iso));
}

/**
 * The time in the narrow gutter beside a follow-up message: hours and minutes only ("7:38", not "7:38 AM"),
 * which fits the 36 px the avatars take; with the day period it wrapped onto a second line, which made every
 * follow-up row taller than its text.
 */
export function gutterTimeOf(iso: string): string {
  return timeFormat
    .formatToParts(new Date(iso))
    .filter((part) => part.type !== 'dayPeriod')
    .map((part) => part.value)
    .join('')
    .trim();
}

function MessageItemView({
  message,
  grouped,
  selfId,
  selfName,
  highlighted = false,
  canModerate,
  editing,
  savingEdit,
  handlers,
}: MessageItemProps) {
  const mine = message.user.id === selfId;
  const live = !message.pending && !message.deleted;
  const name = message.user.fullName || message.user.username;
  const emoji = useShortcodeEmoji(message.text);
  return (
    <article
      className={classNames(
        'message',
        grouped && 'message--grouped',
        message.pending && 'message--pending',
        message.pending === 'failed' && 'message--failed',
        highlighted && 'message--highlighted',
        live && message.pinned && 'message--pinned',
      )}
      aria-label={grouped ? undefined : name}
      // A stop for the keyboard: its actions show (and can be tabbed to) while focus is inside it.
      tabIndex={0}
    >
      <div className="message__gutter">
        {grouped ? (
          <time
            className="message__time message__time--hover"
            dateTime={message.createdAt}
            title={timeOf(message.createdAt)}
          >
            {gutterTimeOf(message.createdAt)}
          </time>
        ) : (
          // The name is the keyboard's way to the card; the picture is a larger target for the pointer.
          <span className="message__avatar" onClick={() => openProfileCard(message.user.id)}>
            <Avatar name={name} src={message.user.avatarURL} size={36} />
          </span>
        )}
      </div>
      <div className="message__content">
        {live && (message.pinned || message.saved) && (
          <p className="message__marks">
            {message.pinned && (
              <span className="message__mark message__mark--pinned">
                <PinIcon />
                {t.pinnedBy(message.pinned.by.fullName || message.pinned.by.username)}
              </span>
            )}
            {message.saved && (
              <span className="message__mark message__mark--saved">
                <BookmarkIcon />
                {t.savedMark}
              </span>
            )}
          </p>
        )}
        {!grouped && (
          <div className="message__header">
            <button
              type="button"
              className="message__author"
              aria-label={messages.profile.openAuthor(name)}
              onClick={() => openProfileCard(message.user.id)}
            >
              {name}
            </button>
            <time className="message__time" dateTime={message.createdAt}>
              {timeOf(message.createdAt)}
            </time>
          </div>
        )}
        {grouped && <span className="visually-hidden">{name}</span>}
        {editing ? (
          <EditMessageForm
            initialText={message.text}
            busy={savingEdit}
            onSave={(text) => handlers.onSaveEdit(message, text)}
            onCancel={handlers.onCancelEdit}
          />
        ) : message.deleted ? (
          <p className="message__deleted">{t.deleted}</p>
        ) : (
          <div className="message__body">
            {message.text && <MarkdownText text={message.text} self={selfName} emoji={emoji} />}
            {message.edited && <span className="message__edited">{t.edited}</span>}
            {message.attachments && <MessageAttachments attachments={message.attachments} />}
            {message.preview && (
              <LinkPreviewCard
                preview={message.preview}
                onRemove={
                  mine && live && handlers.onRemovePreview
                    ? () => handlers.onRemovePreview?.(message)
                    : undefined
                }
              />
            )}
          </div>
        )}
        {message.pending && (
          <div className="message__status">
            {message.pending === 'sending' && <span>{t.sending}</span>}
            {message.pending === 'queued' && <span>{t.queued}</span>}
            {message.pending === 'failed' && (
              <>
                <span className="message__failed">{t.failed}</span>
                <Button variant="link" onClick={() => handlers.onRetry(message)}>
                  {t.retry}
                </Button>
                <Button variant="link" onClick={() => handlers.onDiscard(message)}>
                  {t.discard}
                </Button>
              </>
            )}
          </div>
        )}
        {live && (
          <ReactionBar
            reactions={message.reactions}
            onToggle={(type, on) => handlers.onReact(message, type, on)}
            channelId={message.channelId}
            selfId={selfId}
          />
        )}
        {live && message.replyCount > 0 && handlers.onOpenThread && (
          <Button
            variant="link"
            className="message__replies"
            onClick={() => handlers.onOpenThread?.(message)}
          >
            {t.replies(message.replyCount)}
          </Button>
        )}
      </div>
      {live && !editing && (
        <MessageActions
          onReact={(type) =>
            handlers.onReact(message, type, !message.reactions.some((r) => r.type === type && r.me))
          }
          onReply={handlers.onOpenThread && (() => handlers.onOpenThread?.(message))}
          onEdit={mine ? () => handlers.onStartEdit(message) : undefined}
          onDelete={mine || canModerate ? () => handlers.onDelete(message) : undefined}
          onMarkUnread={handlers.onMarkUnread ? () => handlers.onMarkUnread?.(message) : undefined}
          link={messageLink(message)}
          onTogglePin={handlers.onTogglePin && (() => handlers.onTogglePin?.(message))}
          pinned={!!message.pinned}
          onToggleSaved={handlers.onToggleSaved && (() => handlers.onToggleSaved?.(message))}
          saved={!!message.saved}
        />
      )}
    </article>
  );
}

/**
 * Memoised: the timeline re-renders whenever the virtualiser measures a row or the list scrolls, and a message
 * whose props did not change (same cached message object, same handlers) need not render again.
 */
export const MessageItem = memo(MessageItemView);
