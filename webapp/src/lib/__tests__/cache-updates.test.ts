import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import type { Channel, Message } from '@/types/api';
import {
  type MessagesData,
  addresses,
  mentions,
  mergeChannel,
  noteNewMessage,
  refetchOnceSettled,
  setChannelRead,
  setPresence,
  setSaved,
  setUserStatus,
  updatePins,
  upsertMessage,
  withOwnReactions,
} from '../cache-updates';
import { messageOf } from '@/testing/test-utils';
import { queryKeys } from '../query-keys';

const author = { id: 'bob', username: 'bob', fullName: 'Bob', avatarURL: null };
function message(seq: number, overrides: Partial<Message> = {}): Message {
  const at = '2026-11-20T10:00:00Z';
  return messageOf({ seq, user: author, text: 'hi', createdAt: at, updatedAt: at, ...overrides });
}

function channel(overrides: Partial<Channel> = {}): Channel {
  return {
    id: 'c1',
    type: 'team',
    name: 'general',
    description: null,
    private: false,
    createdBy: 'ann',
    createdAt: '',
    updatedAt: '',
    memberCount: 2,
    lastSeq: 1,
    lastMessageAt: null,
    unreadCount: 0,
    ...overrides,
  };
}

describe('cache updates', () => {
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

  it('recognises @username mentions only as whole names', () => {
    expect(mentions('hi @ann!', 'ann')).toBe(true);
    expect(mentions('hi @anna', 'ann')).toBe(false);
    expect(mentions('mail ann@x.org', 'ann')).toBe(false);
  });

  it('takes @channel and @here as addressed to everyone, as whole words only', () => {
    expect(addresses('@channel build is red', 'ann')).toBe(true);
    expect(addresses('lunch? @Here', 'ann')).toBe(true);
    expect(addresses('see #channel, mail here@x.org', 'ann')).toBe(false);
    expect(addresses('the @channels list', 'ann')).toBe(false);
  });
});

describe('issue 16: presence and read state follow live events', () => {
  const bob = { id: 'bob', username: 'bob', fullName: 'Bob', avatarURL: null, online: false };

  it('updates the presence of a person in the sidebar list, not only in opened channel details', () => {
    const client = new QueryClient();
    client.setQueryData(queryKeys.channels, [channel({ type: 'messaging', name: null, members: [bob] })]);

    setPresence(client, { id: 'bob', online: true, lastActive: null });

    const list = client.getQueryData<Channel[]>(queryKeys.channels) ?? [];
    expect(list[0].members?.[0].online).toBe(true);
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

describe('refetchOnceSettled', () => {
  it('fetches once more after a request that was on its way when a live event came, never cancelling it', async () => {
    const client = new QueryClient();
    const key = queryKeys.channels;
    const answers: Array<(value: string[]) => void> = [];
    const observer = new QueryObserver<string[]>(client, {
      queryKey: key,
      queryFn: () => new Promise<string[]>((resolve) => answers.push(resolve)),
    });
    const unsubscribe = observer.subscribe(() => {});
    await vi.waitFor(() => expect(answers).toHaveLength(1));
    // Two live events while the first answer, read before them, is still on its way: one follow-up, later.
    refetchOnceSettled(client, key);
    refetchOnceSettled(client, key);
    expect(answers).toHaveLength(1);

    answers[0](['read before the event']);
    await vi.waitFor(() => expect(answers).toHaveLength(2));
    answers[1](['with the event']);
    await vi.waitFor(() => expect(client.getQueryData(key)).toEqual(['with the event']));
    expect(answers).toHaveLength(2);
    unsubscribe();
  });

  it('does nothing when no request is on its way', () => {
    const client = new QueryClient();
    client.setQueryData(queryKeys.channels, ['cached']);
    refetchOnceSettled(client, queryKeys.channels);
    expect(client.isFetching()).toBe(0);
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

  it('follows a person’s new status in every cached copy: members, the card, the directory and oneself', () => {
    const client = new QueryClient();
    const ann = { id: 'ann', username: 'ann', fullName: 'Ann', avatarURL: null, status: null };
    client.setQueryData<Channel[]>(queryKeys.channels, [channel({ members: [ann] })]);
    client.setQueryData(queryKeys.channel('c1'), channel({ members: [ann] }));
    client.setQueryData(queryKeys.user('ann'), ann);
    client.setQueryData(queryKeys.people(''), { pages: [[ann]], pageParams: [''] });
    client.setQueryData(queryKeys.me, { ...ann, role: 'user' });
    const status = { emoji: '🌴', text: 'On vacation', expiresAt: null };

    setUserStatus(client, 'ann', status);

    expect(client.getQueryData<Channel[]>(queryKeys.channels)![0].members![0].status).toEqual(status);
    expect(client.getQueryData<Channel>(queryKeys.channel('c1'))!.members![0].status).toEqual(status);
    expect(client.getQueryData<{ status: unknown }>(queryKeys.user('ann'))!.status).toEqual(status);
    expect(
      client.getQueryData<{ pages: { status: unknown }[][] }>(queryKeys.people(''))!.pages[0][0].status,
    ).toEqual(status);
    expect(client.getQueryData<{ status: unknown }>(queryKeys.me)!.status).toEqual(status);
    setUserStatus(client, 'ann', null);
    expect(client.getQueryData<{ status: unknown }>(queryKeys.user('ann'))!.status).toBeNull();
  });
});
