/**
 * The cache updates that belong to no one feature. A person's presence and custom status show wherever the person
 * does (conversations' member lists in the sidebar and the header, the profile card, the people directory and, for
 * oneself, Settings), so the realtime hook applies them across the features' entries here; and any query that a
 * live event meets on its way gets one follow-up fetch. How a feature's own entries change lives in that feature
 * (features/messages/api/message-cache.ts, features/channels/api/channel-cache.ts); the channel list, which every
 * feature reads, lives with its query in hooks/use-channels.ts.
 */
import { type InfiniteData, type QueryClient, type QueryKey, hashKey } from '@tanstack/react-query';
import type { Channel, CurrentUser, User, UserStatus } from '@/types/api';
import { queryKeys } from './query-keys';

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
