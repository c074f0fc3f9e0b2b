import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { channelOf } from '@/testing/test-utils';
import type { Channel } from '@/types/api';
import { refetchOnceSettled, setPresence, setUserStatus } from '../cache-updates';
import { queryKeys } from '../query-keys';

describe('a person’s changes follow live events everywhere they are cached', () => {
  const bob = { id: 'bob', username: 'bob', fullName: 'Bob', avatarURL: null, online: false };

  it('updates the presence of a person in the sidebar list, not only in opened channel details', () => {
    const client = new QueryClient();
    client.setQueryData(queryKeys.channels, [
      channelOf('c1', { type: 'messaging', name: null, members: [bob] }),
    ]);

    setPresence(client, { id: 'bob', online: true, lastActive: null });

    const list = client.getQueryData<Channel[]>(queryKeys.channels) ?? [];
    expect(list[0].members?.[0].online).toBe(true);
  });

  it('follows a person’s new status in every cached copy: members, the card, the directory and oneself', () => {
    const client = new QueryClient();
    const ann = { id: 'ann', username: 'ann', fullName: 'Ann', avatarURL: null, status: null };
    client.setQueryData<Channel[]>(queryKeys.channels, [channelOf('c1', { members: [ann] })]);
    client.setQueryData(queryKeys.channel('c1'), channelOf('c1', { members: [ann] }));
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
});
