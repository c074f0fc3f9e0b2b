import { messages } from '@/config/messages';
import { PencilIcon, ReplyIcon, TrashIcon, UnreadIcon } from '@/components/icons';
import { ReactionPicker } from './reaction-picker';

const t = messages.conversation;

interface MessageActionsProps {
  onReact: (type: string) => void;
  onReply?: () => void;
  onEdit?: () => void;
  onDelete?: () => void;
  onMarkUnread?: () => void;
}

/** The toolbar that appears on hover or focus of a message. */
export function MessageActions({ onReact, onReply, onEdit, onDelete, onMarkUnread }: MessageActionsProps) {
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
