import type { ReactNode } from 'react';
import { Button } from '@/components/button';
import { formatLocales } from '@/config/locale';
import { messages } from '@/config/messages';
import type { Message } from '@/types/api';
import './message-summary.css';

const dateTime = new Intl.DateTimeFormat(formatLocales, { dateStyle: 'medium', timeStyle: 'short' });

interface MessageSummaryProps {
  message: Message;
  /** Where it was written ("# general", a person's name), when the list spans conversations. */
  where?: string;
  /** A last word in the meta line, such as who pinned it. */
  note?: string;
  /** The text as shown (with its matches highlighted); the plain text when absent. */
  children?: ReactNode;
  /** A name for the button when its text would not say enough. */
  label?: string;
  onOpen: () => void;
}

/**
 * One message in a list of them (search results, mentions, saved items, pinned messages): author, where and
 * when, "reply in a thread" for a reply, and its text, as one button that opens it.
 */
export function MessageSummary({ message, where, note, children, label, onOpen }: MessageSummaryProps) {
  return (
    <button type="button" className="message-summary" aria-label={label} onClick={onOpen}>
      <span className="message-summary__meta">
        <span className="message-summary__author">{message.user.fullName || message.user.username}</span>
        {where && <span>{where}</span>}
        <time dateTime={message.createdAt}>{dateTime.format(new Date(message.createdAt))}</time>
        {message.parentId && <span>{messages.search.reply}</span>}
        {note && <span>{note}</span>}
      </span>
      <span className="message-summary__text">{children ?? message.text}</span>
    </button>
  );
}

interface MessageSummaryRowProps {
  children: ReactNode;
  /** What the action button shows ("Remove"), and what it is called, naming whose message it acts on. */
  action: string;
  actionLabel: string;
  /** While an action of the list is on its way. */
  busy: boolean;
  onAction: () => void;
}

/** A summary with an action beside it (Remove, Unpin), as one list item. */
export function MessageSummaryRow({ children, action, actionLabel, busy, onAction }: MessageSummaryRowProps) {
  return (
    <li className="message-summary-row">
      {children}
      <span className="message-summary-row__action">
        <Button variant="quiet" aria-label={actionLabel} disabled={busy} onClick={onAction}>
          {action}
        </Button>
      </span>
    </li>
  );
}
