/**
 * How the messages feature's cache entries change: a channel's history, a thread's replies, the pinned list, who
 * is typing, read receipts, and what a new message or a read does to the channel list's counts. Applied by the
 * realtime hook for socket events and by this feature's mutations for their own answers. Every update is
 * idempotent (upsert by id), so a REST answer and the event for the same change can arrive in any order.
 */
import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import { updateChannelInList } from '@/hooks/use-channels';
import { addresses } from '@/lib/notification-rules';
import { queryKeys } from '@/lib/query-keys';
import type { Message, MessagePage, ReadReceipt } from '@/types/api';

export type MessagesData = InfiniteData<MessagePage, number | undefined>;

/** Events carry reactions with userIds and me:false; `me` is ours to compute. */
export function withOwnReactions(message: Message, selfId: string): Message {
  return {
    ...message,
    reactions: message.reactions.map((r) => (r.userIds ? { ...r, me: r.userIds.includes(selfId) } : r)),
  };
}

function sameMessage(a: Message, b: Message): boolean {
  return a.id === b.id || (!!a.clientMessageId && a.clientMessageId === b.clientMessageId);
}

function upsertInList(list: Message[], message: Message): Message[] {
  const index = list.findIndex((m) => sameMessage(m, message));
  if (index >= 0) {
    const next = list.slice();
    // Events carry no `saved` (it is the reader's own): keep what the cache knew.
    next[index] = message.saved == null ? { ...message, saved: list[index].saved } : message;
    return next;
  }
  // New messages almost always go last; keep seq order for the rare late one.
  if (list.length === 0 || list[list.length - 1].seq <= message.seq || message.seq === 0) {
    return [...list, message];
  }
  const next = [...list, message];
  next.sort((a, b) => (a.seq || Infinity) - (b.seq || Infinity));
  return next;
}

export function upsertMessage(client: QueryClient, message: Message): boolean {
  let isNew = false;
  if (message.parentId) {
    client.setQueryData<Message[]>(queryKeys.replies(message.parentId), (list) => {
      if (!list) return list;
      isNew = !list.some((m) => sameMessage(m, message));
      return upsertInList(list, message);
    });
  }
  client.setQueryData<MessagesData>(queryKeys.messages(message.channelId), (data) => {
    if (!data || data.pages.length === 0) return data;
    const pageIndex = data.pages.findIndex((p) => p.messages.some((m) => sameMessage(m, message)));
    if (pageIndex < 0 && message.parentId) return data; // a reply: only its parent's count changes
    if (pageIndex < 0) isNew = true;
    const target = pageIndex >= 0 ? pageIndex : 0;
    const pages = data.pages.map((page, i) =>
      i === target ? { ...page, messages: upsertInList(page.messages, message) } : page,
    );
    return { ...data, pages };
  });
  return isNew;
}

function updateMessage(
  client: QueryClient,
  channelId: string,
  id: string,
  update: (message: Message) => Message,
): void {
  client.setQueryData<MessagesData>(queryKeys.messages(channelId), (data) =>
    data
      ? {
          ...data,
          pages: data.pages.map((page) => ({
            ...page,
            messages: page.messages.map((m) => (m.id === id ? update(m) : m)),
          })),
        }
      : data,
  );
}

/** An answer or an event for this reader: `me` of its reactions computed, then upserted. */
export function upsertForReader(client: QueryClient, message: Message, selfId: string): boolean {
  return upsertMessage(client, withOwnReactions(message, selfId));
}

export function bumpReplyCount(client: QueryClient, reply: Message): void {
  if (!reply.parentId) return;
  updateMessage(client, reply.channelId, reply.parentId, (m) => ({ ...m, replyCount: m.replyCount + 1 }));
}

/** A new message in the sidebar: newer activity, and unread unless written by us or being read. */
export function noteNewMessage(
  client: QueryClient,
  message: Message,
  self: { id: string; username: string },
  isBeingRead: boolean,
): void {
  updateChannelInList(client, message.channelId, (c) => {
    const unread = message.user.id !== self.id && !isBeingRead && !message.parentId;
    return {
      ...c,
      lastSeq: Math.max(c.lastSeq, message.seq),
      lastMessageAt: message.createdAt,
      unreadCount: unread ? (c.unreadCount ?? 0) + 1 : c.unreadCount,
      mentionCount: (c.mentionCount ?? 0) + (unread && addresses(message.text, self.username) ? 1 : 0),
    };
  });
}

/**
 * The person's read marker moved (their own read here, or a read.updated from any of their tabs and devices).
 * Forward: the count shrinks at once. Back ("Mark as unread"): how many messages lie past it only the server
 * can say, so the list is fetched again.
 */
export function setChannelRead(client: QueryClient, channelId: string, seq: number): void {
  let movedBack = false;
  updateChannelInList(client, channelId, (c) => {
    if (c.lastReadSeq != null && seq < c.lastReadSeq) {
      movedBack = true;
      return { ...c, lastReadSeq: seq };
    }
    const unreadCount = Math.max(0, Math.min(c.unreadCount ?? 0, c.lastSeq - seq));
    // Which of the remaining unread messages mention us is unknown here: at most all of them.
    return {
      ...c,
      lastReadSeq: Math.max(c.lastReadSeq ?? 0, seq),
      unreadCount,
      mentionCount: Math.min(c.mentionCount ?? 0, unreadCount),
    };
  });
  if (movedBack) void client.invalidateQueries({ queryKey: queryKeys.channels });
}

export function setTyping(client: QueryClient, channelId: string, userId: string, typing: boolean): void {
  client.setQueryData<string[]>(queryKeys.typing(channelId), (list = []) => {
    const without = list.filter((id) => id !== userId);
    return typing ? [...without, userId] : without;
  });
}

/**
 * A member of a small conversation has seen it further (receipt.updated). Receipts only move forward, so an
 * older frame arriving after a fresher REST answer changes nothing. Ignored until the receipts were fetched:
 * the fetch brings the member's position anyway.
 */
export function setReceipt(client: QueryClient, channelId: string, receipt: ReadReceipt): void {
  client.setQueryData<ReadReceipt[]>(queryKeys.receipts(channelId), (receipts) => {
    if (!receipts) return receipts;
    const known = receipts.find((r) => r.userId === receipt.userId);
    if (known && known.seq >= receipt.seq) return receipts;
    return known ? receipts.map((r) => (r.userId === receipt.userId ? receipt : r)) : [...receipts, receipt];
  });
}

/** Newest pin first, as GET /api/channels/{id}/pins lists them. */
function byPinTime(a: Message, b: Message): number {
  return (b.pinned?.at ?? '').localeCompare(a.pinned?.at ?? '');
}

/**
 * A message changed (an event or an answer): the conversation's pinned list follows, if it is loaded. A pinned
 * message enters or is updated in place; an unpinned or deleted one leaves.
 */
export function updatePins(client: QueryClient, message: Message): void {
  client.setQueryData<Message[]>(queryKeys.pins(message.channelId), (pins) => {
    if (!pins) return pins;
    const rest = pins.filter((m) => m.id !== message.id);
    if (!message.pinned || message.deleted) return rest.length === pins.length ? pins : rest;
    const known = pins.find((m) => m.id === message.id);
    return [...rest, { ...message, saved: message.saved ?? known?.saved }].sort(byPinTime);
  });
}

/**
 * The reader saved a message or took it off the list (in this tab or another): its mark follows wherever the
 * message is cached, and the saved list is asked again when next shown.
 */
export function setSaved(client: QueryClient, channelId: string, messageId: string, saved: boolean): void {
  const mark = (list: Message[] | undefined) =>
    list?.some((m) => m.id === messageId)
      ? list.map((m) => (m.id === messageId ? { ...m, saved } : m))
      : list;
  client.setQueryData<MessagesData>(queryKeys.messages(channelId), (data) =>
    data
      ? { ...data, pages: data.pages.map((page) => ({ ...page, messages: mark(page.messages) ?? [] })) }
      : data,
  );
  client.setQueriesData<Message[]>({ queryKey: ['replies'] }, mark);
  client.setQueryData<Message[]>(queryKeys.pins(channelId), mark);
  void client.invalidateQueries({ queryKey: queryKeys.saved });
}
