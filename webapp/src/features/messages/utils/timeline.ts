import { groupWindowMs } from '@/config/constants';
import { messages as t } from '@/config/messages';
import type { OutboxEntry, OutboxStatus } from '@/lib/outbox';
import type { Message, MessageAuthor } from '@/types/api';
import { formatLocales } from '@/config/locale';

export interface TimelineMessage extends Message {
  /** Set while the message is only in the outbox. */
  pending?: OutboxStatus;
}

export type TimelineRow =
  | { kind: 'start'; key: string }
  | { kind: 'day'; key: string; label: string }
  | { kind: 'new'; key: string }
  | { kind: 'message'; key: string; message: TimelineMessage; grouped: boolean };

export function pendingToMessage(entry: OutboxEntry, author: MessageAuthor): TimelineMessage {
  return {
    id: `local:${entry.clientMessageId}`,
    channelId: entry.channelId,
    seq: 0,
    user: author,
    text: entry.text,
    createdAt: entry.createdAt,
    updatedAt: entry.createdAt,
    edited: false,
    deleted: false,
    parentId: entry.parentId,
    replyCount: 0,
    reactions: [],
    clientMessageId: entry.clientMessageId,
    ...(entry.attachments ? { attachments: entry.attachments } : {}),
    pending: entry.status,
  };
}

/** Server messages plus the outbox entries the server has not acknowledged yet, in order. */
export function mergePending(
  server: Message[],
  pending: OutboxEntry[],
  author: MessageAuthor,
): TimelineMessage[] {
  const known = new Set(server.map((m) => m.clientMessageId).filter(Boolean));
  return [
    ...server,
    ...pending.filter((e) => !known.has(e.clientMessageId)).map((e) => pendingToMessage(e, author)),
  ];
}

// Built once: toLocaleDateString creates a formatter on every call.
const thisYearFormat = new Intl.DateTimeFormat(formatLocales, {
  weekday: 'long',
  month: 'long',
  day: 'numeric',
});
const otherYearFormat = new Intl.DateTimeFormat(formatLocales, {
  weekday: 'long',
  month: 'long',
  day: 'numeric',
  year: 'numeric',
});

function dayKey(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}`;
}

export function dayLabel(iso: string, now: Date = new Date()): string {
  const date = new Date(iso);
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  if (dayKey(iso) === dayKey(now.toISOString())) return t.conversation.today;
  if (dayKey(iso) === dayKey(yesterday.toISOString())) return t.conversation.yesterday;
  return (date.getFullYear() === now.getFullYear() ? thisYearFormat : otherYearFormat).format(date);
}

/**
 * The rows of a conversation: a day separator before each new day, the "new messages" line before the first
 * message by someone else after lastReadSeq, and messages marked `grouped` when they follow one by the same
 * author within a few minutes (shown without repeating name and avatar).
 */
export function buildTimeline(
  list: TimelineMessage[],
  lastReadSeq: number | null,
  selfId: string,
  now: Date = new Date(),
): TimelineRow[] {
  const rows: TimelineRow[] = [{ kind: 'start', key: 'start' }];
  let previous: TimelineMessage | null = null;
  let newLineShown = false;
  for (const message of list) {
    const day = dayKey(message.createdAt);
    const newDay = !previous || dayKey(previous.createdAt) !== day;
    if (newDay) rows.push({ kind: 'day', key: `day-${day}`, label: dayLabel(message.createdAt, now) });
    let isNewLine = false;
    if (
      !newLineShown &&
      lastReadSeq !== null &&
      message.seq > lastReadSeq &&
      message.user.id !== selfId &&
      !message.pending
    ) {
      rows.push({ kind: 'new', key: 'new-line' });
      newLineShown = true;
      isNewLine = true;
    }
    const grouped =
      !!previous &&
      !newDay &&
      !isNewLine &&
      previous.user.id === message.user.id &&
      Date.parse(message.createdAt) - Date.parse(previous.createdAt) < groupWindowMs;
    rows.push({ kind: 'message', key: message.clientMessageId ?? message.id, message, grouped });
    previous = message;
  }
  return rows;
}
