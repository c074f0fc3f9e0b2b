/**
 * Pure updates of the query cache, applied by the realtime hook for socket events and by mutations for their
 * own answers. Every update is idempotent (upsert by id), so a REST answer and the event for the same change
 * can arrive in any order.
 */
import { type InfiniteData, type QueryClient, type QueryKey, hashKey } from '@tanstack/react-query';
import type { Channel, CurrentUser, Message, MessagePage, ReadReceipt, User, UserStatus } from '@/types/api';
import { queryKeys } from './query-keys';

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

export function upsertInList(list: Message[], message: Message): Message[] {
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

export function updateMessage(
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

export function bumpReplyCount(client: QueryClient, reply: Message): void {
  if (!reply.parentId) return;
  updateMessage(client, reply.channelId, reply.parentId, (m) => ({ ...m, replyCount: m.replyCount + 1 }));
}

export function updateChannelInList(
  client: QueryClient,
  channelId: string,
  update: (channel: Channel) => Channel,
): void {
  client.setQueryData<Channel[]>(queryKeys.channels, (list) =>
    list?.map((c) => (c.id === channelId ? update(c) : c)),
  );
}

/** Merges a channel from an event (unreadCount null, no members) into the list and its details. */
export function mergeChannel(client: QueryClient, channel: Channel): void {
  const merge = (old: Channel): Channel => ({
    ...old,
    ...channel,
    unreadCount: channel.unreadCount ?? old.unreadCount,
    members: channel.members ?? old.members,
    mentionCount: channel.mentionCount ?? old.mentionCount,
    // The person's own state: events, which all members share, carry none of it.
    lastReadSeq: channel.lastReadSeq ?? old.lastReadSeq,
    notificationLevel: channel.muted == null ? old.notificationLevel : channel.notificationLevel,
    muted: channel.muted ?? old.muted,
  });
  client.setQueryData<Channel[]>(queryKeys.channels, (list) => {
    if (!list) return list;
    if (!list.some((c) => c.id === channel.id))
      return [
        { ...channel, unreadCount: channel.unreadCount ?? 0, mentionCount: channel.mentionCount ?? 0 },
        ...list,
      ];
    return list.map((c) => (c.id === channel.id ? merge(c) : c));
  });
  client.setQueryData<Channel>(queryKeys.channel(channel.id), (old) => (old ? merge(old) : old));
}

export function removeChannel(client: QueryClient, channelId: string): void {
  client.setQueryData<Channel[]>(queryKeys.channels, (list) => list?.filter((c) => c.id !== channelId));
  client.removeQueries({ queryKey: queryKeys.channel(channelId) });
  client.removeQueries({ queryKey: queryKeys.messages(channelId) });
}

export function mentions(text: string, username: string): boolean {
  const escaped = username.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\w@])@${escaped}(?![\\w-])`, 'i').test(text);
}

/** The text calls on the person: by name, or by @channel / @here (the server's Mentions.addresses). */
export function addresses(text: string, username: string): boolean {
  return mentions(text, username) || mentions(text, 'channel') || mentions(text, 'here');
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

/** Someone came or went: every place that shows them (conversations in the sidebar, member lists) follows. */
export function setPresence(client: QueryClient, user: Pick<User, 'id' | 'online' | 'lastActive'>): void {
  const update = (channel: Channel | undefined): Channel | undefined =>
    channel?.members?.some((m) => m.id === user.id)
      ? {
          ...channel,
          members: channel.members.map((m) =>
            m.id === user.id ? { ...m, online: user.online, lastActive: user.lastActive } : m,
          ),
        }
      : channel;
  client.setQueriesData<Channel>({ queryKey: queryKeys.allChannelDetails }, update);
  client.setQueryData<Channel[]>(queryKeys.channels, (list) =>
    list?.map((channel) => update(channel) ?? channel),
  );
}

export function setTyping(client: QueryClient, channelId: string, userId: string, typing: boolean): void {
  client.setQueryData<string[]>(queryKeys.typing(channelId), (list = []) => {
    const without = list.filter((id) => id !== userId);
    return typing ? [...without, userId] : without;
  });
}

const followUps = new Set<string>();

/**
 * A live event met a request of the same query still on its way. That answer may have been read before the
 * event was committed and would take it back when it lands (or, on a first load, the event had nothing yet to be
 * applied to). One more fetch once it has settled brings the event in. Requests are never cancelled, so a busy
 * channel cannot starve them, and there is at most one follow-up per query at a time.
 */
export function refetchOnceSettled(client: QueryClient, queryKey: QueryKey): void {
  if (client.isFetching({ queryKey, exact: true }) === 0) return;
  const hash = hashKey(queryKey);
  if (followUps.has(hash)) return;
  followUps.add(hash);
  const unsubscribe = client.getQueryCache().subscribe((event) => {
    if (event.query.queryHash !== hash || event.query.state.fetchStatus !== 'idle') return;
    unsubscribe();
    followUps.delete(hash);
    void client.invalidateQueries({ queryKey, exact: true });
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

/**
 * A person set or cleared their custom status (user.status.changed): every cached copy of them follows, in the
 * conversations' member lists (the sidebar, the header), their profile card, the directory and, for oneself,
 * Settings.
 */
export function setUserStatus(client: QueryClient, userId: string, status: UserStatus | null): void {
  const person = <T extends User>(u: T): T => (u.id === userId ? { ...u, status } : u);
  const inChannel = (channel: Channel | undefined): Channel | undefined =>
    channel?.members?.some((m) => m.id === userId)
      ? { ...channel, members: channel.members.map(person) }
      : channel;
  client.setQueriesData<Channel>({ queryKey: queryKeys.allChannelDetails }, inChannel);
  client.setQueryData<Channel[]>(queryKeys.channels, (list) => list?.map((c) => inChannel(c) ?? c));
  client.setQueryData<User>(queryKeys.user(userId), (u) => (u ? person(u) : u));
  client.setQueriesData<InfiniteData<User[]>>({ queryKey: ['people'] }, (data) =>
    data ? { ...data, pages: data.pages.map((page) => page.map(person)) } : data,
  );
  client.setQueryData<CurrentUser>(queryKeys.me, (me) => (me ? person(me) : me));
}
