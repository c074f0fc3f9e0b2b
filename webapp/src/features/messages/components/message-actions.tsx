import { useEffect, useState } from 'react';
import { messages } from '@/config/messages';
import {
  BookmarkIcon,
  LinkIcon,
  PencilIcon,
  PinIcon,
  ReplyIcon,
  TrashIcon,
  UnreadIcon,
} from '@/components/icons';
import { ReactionPicker } from './reaction-picker';

const t = messages.conversation;

interface MessageActionsProps {
  onReact: (type: string) => void;
  onReply?: () => void;
  onEdit?: () => void;
  onDelete?: () => void;
  onMarkUnread?: () => void;
  /** The message's shareable address, for Copy link. */
  link?: string;
  /** Pins or unpins the message for every member; `pinned` says which the button offers. */
  onTogglePin?: () => void;
  pinned?: boolean;
  /** Saves the message for the reader, or takes it off the list. */
  onToggleSaved?: () => void;
  saved?: boolean;
}

/** The toolbar that appears on hover or focus of a message. */
export function MessageActions({
  onReact,
  onReply,
  onEdit,
  onDelete,
  onMarkUnread,
  link,
  onTogglePin,
  pinned = false,
  onToggleSaved,
  saved = false,
}: MessageActionsProps) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(null), 3000);
    return () => clearTimeout(timer);
  }, [copied]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link ?? '');
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <div className="message-actions" role="group" aria-label={t.messageActions}>
      <ReactionPicker onPick={onReact} />
      {onReply && (
        <button type="button" className="message-actions__button" title={t.reply} onClick={onReply}>
          <ReplyIcon />
          <span className="visually-hidden">{t.reply}</span>
        </button>
      )}
      {onEdit && (
        <button type="button" className="message-actions__button" title={t.edit} onClick={onEdit}>
          <PencilIcon />
          <span className="visually-hidden">{t.edit}</span>
        </button>
      )}
      {link && (
        <button
          type="button"
          className="message-actions__button"
          title={t.copyLink}
          onClick={() => void copy()}
        >
          <LinkIcon />
          <span className="visually-hidden">{t.copyLink}</span>
        </button>
      )}
      {link && (
        <span className="visually-hidden" aria-live="polite">
          {copied === 'yes' ? t.linkCopied : copied === 'failed' ? t.linkNotCopied : ''}
        </span>
      )}
      {onToggleSaved && (
        <button
          type="button"
          className={`message-actions__button${saved ? ' message-actions__button--on' : ''}`}
          title={saved ? t.unsave : t.save}
          onClick={onToggleSaved}
        >
          <BookmarkIcon />
          <span className="visually-hidden">{saved ? t.unsave : t.save}</span>
        </button>
      )}
      {onTogglePin && (
        <button
          type="button"
          className={`message-actions__button${pinned ? ' message-actions__button--on' : ''}`}
          title={pinned ? t.unpin : t.pin}
          onClick={onTogglePin}
        >
          <PinIcon />
          <span className="visually-hidden">{pinned ? t.unpin : t.pin}</span>
        </button>
      )}
      {onMarkUnread && (
        <button type="button" className="message-actions__button" title={t.markUnread} onClick={onMarkUnread}>
          <UnreadIcon />
          <span className="visually-hidden">{t.markUnread}</span>
        </button>
      )}
      {onDelete && (
        <button type="button" className="message-actions__button" title={t.delete} onClick={onDelete}>
          <TrashIcon />
          <span className="visually-hidden">{t.delete}</span>
        </button>
      )}
    </div>
  );
}
