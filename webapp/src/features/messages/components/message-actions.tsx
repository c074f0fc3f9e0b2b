import { messages } from '@/config/messages';
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
          <span aria-hidden="true">↩</span>
          <span className="visually-hidden">{t.reply}</span>
        </button>
      )}
      {onEdit && (
        <button type="button" className="message-actions__button" title={t.edit} onClick={onEdit}>
          <span aria-hidden="true">✎</span>
          <span className="visually-hidden">{t.edit}</span>
        </button>
      )}
      {onMarkUnread && (
        <button type="button" className="message-actions__button" title={t.markUnread} onClick={onMarkUnread}>
          <span aria-hidden="true">◔</span>
          <span className="visually-hidden">{t.markUnread}</span>
        </button>
      )}
      {onDelete && (
        <button type="button" className="message-actions__button" title={t.delete} onClick={onDelete}>
          <span aria-hidden="true">✕</span>
          <span className="visually-hidden">{t.delete}</span>
        </button>
      )}
    </div>
  );
}
