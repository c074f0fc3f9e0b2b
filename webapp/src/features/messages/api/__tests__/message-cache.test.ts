import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { mergeChannel } from '@/hooks/use-channels';
import { queryKeys } from '@/lib/query-keys';
import { channelOf, messageOf } from '@/testing/test-utils';
import type { Channel, Message } from '@/types/api';
import {
  type MessagesData,
  noteNewMessage,
  setChannelRead,
  setSaved,
  updatePins,
  upsertMessage,
  withOwnReactions,
} from '../message-cache';

const author = { id: 'bob', username: 'bob', fullName: 'Bob', avatarURL: null };
function message(seq: number, overrides: Partial<Message> = {}): Message {
  const at = '2026-11-20T10:00:00Z';
  return messageOf({ seq, user: author, text: 'hi', createdAt: at, updatedAt: at, ...overrides });
}

/** The channel of these tests: general, one message so far, nothing unread. */
function channel(overrides: Partial<Channel> = {}): Channel {
  return channelOf('c1', {
    name: 'general',
    createdBy: 'ann',
    lastSeq: 1,
    lastMessageAt: null,
    ...overrides,
  });
}

describe('message cache', () => {
  it('computes `me` of reactions from userIds', () => {
    const m = withOwnReactions(
      message(1, { reactions: [{ type: 'heart', count: 2, me: false, userIds: ['ann', 'bob'] }] }),
      'ann',
    );
    expect(m.reactions[0].me).toBe(true);
  });

  it('upserts by id: a repeated event changes nothing, an update replaces the message', () => {
    const client = new QueryClient();
    client.setQueryData<MessagesData>(queryKeys.messages('c1'), {
      pages: [{ messages: [message(1)], hasMore: false }],
      pageParams: [undefined],
    });
    expect(upsertMessage(client, message(2))).toBe(true);
    expect(upsertMessage(client, message(2))).toBe(false);
    upsertMessage(client, message(2, { text: 'edited', edited: true }));
    const data = client.getQueryData<MessagesData>(queryKeys.messages('c1'));
    expect(data?.pages[0].messages.map((m) => m.text)).toEqual(['hi', 'edited']);
  });

  it('keeps the reader’s own saved mark when an event (which carries none) replaces the message', () => {
    const client = new QueryClient();
    client.setQueryData<MessagesData>(queryKeys.messages('c1'), {
      pages: [{ messages: [message(1, { id: 'm1', saved: true })], hasMore: false }],
      pageParams: [undefined],
    });
    upsertMessage(client, message(1, { id: 'm1', text: 'edited', saved: null }));
    const [kept] = client.getQueryData<MessagesData>(queryKeys.messages('c1'))!.pages[0].messages;
    expect(kept.text).toBe('edited');
    expect(kept.saved).toBe(true);
    // An answer for the reader says what is true now.
    upsertMessage(client, message(1, { id: 'm1', text: 'edited', saved: false }));
    expect(client.getQueryData<MessagesData>(queryKeys.messages('c1'))!.pages[0].messages[0].saved).toBe(
      false,
    );
  });

  it('keeps the pinned list newest pin first as messages are pinned, unpinned and deleted', () => {
    const client = new QueryClient();
    const by = author;
    const early = message(1, { id: 'm1', pinned: { by, at: '2026-11-20T10:00:00Z' } });
    client.setQueryData<Message[]>(queryKeys.pins('c1'), [early]);
    const later = message(2, { id: 'm2', pinned: { by, at: '2026-11-20T11:00:00Z' } });
    updatePins(client, later);
    expect(client.getQueryData<Message[]>(queryKeys.pins('c1'))!.map((m) => m.id)).toEqual(['m2', 'm1']);
    updatePins(client, { ...later, text: 'edited while pinned' });
    expect(client.getQueryData<Message[]>(queryKeys.pins('c1'))![0].text).toBe('edited while pinned');
    updatePins(client, { ...early, pinned: null });
    expect(client.getQueryData<Message[]>(queryKeys.pins('c1'))!.map((m) => m.id)).toEqual(['m2']);
    updatePins(client, { ...later, deleted: true, text: '' });
    expect(client.getQueryData<Message[]>(queryKeys.pins('c1'))).toEqual([]);
    // Not loaded: nothing is made up.
    updatePins(client, message(3, { channelId: 'c2', pinned: { by, at: '2026-11-20T12:00:00Z' } }));
    expect(client.getQueryData(queryKeys.pins('c2'))).toBeUndefined();
  });

  it('marks a message saved wherever it is cached when another tab saves it', () => {
    const client = new QueryClient();
    client.setQueryData<MessagesData>(queryKeys.messages('c1'), {
      pages: [{ messages: [message(1, { id: 'm1' }), message(2, { id: 'm2' })], hasMore: false }],
      pageParams: [undefined],
    });
    client.setQueryData<Message[]>(queryKeys.replies('m1'), [message(3, { id: 'r1', parentId: 'm1' })]);
    setSaved(client, 'c1', 'm2', true);
    setSaved(client, 'c1', 'r1', true);
    const list = client.getQueryData<MessagesData>(queryKeys.messages('c1'))!.pages[0].messages;
    expect(list.map((m) => m.saved ?? false)).toEqual([false, true]);
    expect(client.getQueryData<Message[]>(queryKeys.replies('m1'))![0].saved).toBe(true);
  });
});

describe('unread and mention counts in the channel list', () => {
  it('counts unread messages of others and marks mentions, and clears them when read', () => {
    const client = new QueryClient();
    client.setQueryData<Channel[]>(queryKeys.channels, [channel()]);
    noteNewMessage(client, message(2, { text: 'hey @ann look' }), { id: 'ann', username: 'ann' }, false);
    noteNewMessage(
      client,
      message(3, { user: { ...author, id: 'ann' } }),
      { id: 'ann', username: 'ann' },
      false,
    );
    let c = client.getQueryData<Channel[]>(queryKeys.channels)?.[0];
    expect(c?.unreadCount).toBe(1);
    expect(c?.mentionCount).toBe(1);
    expect(c?.lastSeq).toBe(3);
    setChannelRead(client, 'c1', 3);
    c = client.getQueryData<Channel[]>(queryKeys.channels)?.[0];
    expect(c?.unreadCount).toBe(0);
    expect(c?.mentionCount).toBe(0);
  });

  it("keeps the server's mention count through events and partial reads", () => {
    const client = new QueryClient();
    client.setQueryData<Channel[]>(queryKeys.channels, [
      channel({ lastSeq: 5, unreadCount: 4, mentionCount: 2 }),
    ]);
    // A channel event carries no counts of the caller: the listed ones stay.
    mergeChannel(client, channel({ lastSeq: 6, unreadCount: null, mentionCount: null, name: 'renamed' }));
    let c = client.getQueryData<Channel[]>(queryKeys.channels)?.[0];
    expect(c).toMatchObject({ name: 'renamed', unreadCount: 4, mentionCount: 2 });
    noteNewMessage(client, message(7, { text: 'no mention' }), { id: 'ann', username: 'ann' }, false);
    noteNewMessage(client, message(8, { text: '@ANN again' }), { id: 'ann', username: 'ann' }, false);
    c = client.getQueryData<Channel[]>(queryKeys.channels)?.[0];
    expect(c).toMatchObject({ unreadCount: 6, mentionCount: 3 });
    // Reading all but one leaves at most one unread mention.
    setChannelRead(client, 'c1', 7);
    c = client.getQueryData<Channel[]>(queryKeys.channels)?.[0];
    expect(c).toMatchObject({ unreadCount: 1, mentionCount: 1 });
  });

  it('moves the read marker forward from another tab, and refetches the list when it moved back', async () => {
    const client = new QueryClient();
    client.setQueryData(queryKeys.channels, [channel({ lastSeq: 10, unreadCount: 4, lastReadSeq: 6 })]);

    setChannelRead(client, 'c1', 10);
    let list = client.getQueryData<Channel[]>(queryKeys.channels) ?? [];
    expect(list[0].unreadCount).toBe(0);
    expect(list[0].lastReadSeq).toBe(10);

    setChannelRead(client, 'c1', 7);
    list = client.getQueryData<Channel[]>(queryKeys.channels) ?? [];
    expect(list[0].lastReadSeq).toBe(7);
    expect(client.getQueryState(queryKeys.channels)?.isInvalidated).toBe(true);
  });
});
