/**
 * GET /api/channels: the person's channels and conversations with their unread counts. Shared, not a feature's:
 * the sidebar, the conversation, the quick switcher, the search dialogs and the tab title all read this one list,
 * so the entry, its query and the two writes that several features make to it (mergeChannel, updateChannelInList)
 * live here. How a channel's own calls change it stays with the feature that makes them.
 */
import { type QueryClient, queryOptions, replaceEqualDeep, useQuery } from '@tanstack/react-query';
import { apiPaths } from '@/config/constants';
import { apiRequest } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { Channel } from '@/types/api';

export function getChannels(signal?: AbortSignal): Promise<Channel[]> {
  return apiRequest<{ channels: Channel[] }>(apiPaths.channels, { signal }).then((r) => r.channels);
}

export function channelsQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.channels,
    queryFn: ({ signal }) => getChannels(signal),
    structuralSharing: keepNewerChannels,
  });
}

export function useChannels() {
  return useQuery(channelsQueryOptions());
}

/**
 * A channel list answered by the server is a snapshot of the moment it was read. A socket event applied while it
 * was on its way (say, message.new just after a page's socket opened) is newer, and a late answer must not take
 * it back: the page would show no unread until the next event. Per channel, the newer of the two by `lastSeq`
 * (which only grows) keeps its message and read state; everything else comes from the answer.
 */
export function keepNewerChannels(old: unknown, fresh: unknown): unknown {
  if (!Array.isArray(old) || !Array.isArray(fresh)) return replaceEqualDeep(old, fresh);
  const before = new Map((old as Channel[]).map((c) => [c.id, c]));
  const merged = (fresh as Channel[]).map((c) => {
    const known = before.get(c.id);
    if (!known || known.lastSeq <= c.lastSeq) return c;
    return {
      ...c,
      lastSeq: known.lastSeq,
      lastMessageAt: known.lastMessageAt,
      unreadCount: known.unreadCount,
      mentionCount: known.mentionCount,
      lastReadSeq: Math.max(known.lastReadSeq ?? 0, c.lastReadSeq ?? 0),
    };
  });
  return replaceEqualDeep(old, merged);
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

/**
 * Merges a channel from an event (unreadCount null, no members) or an answer into the list and its details:
 * channel.created and channel.updated frames, and every feature that creates, joins or changes a channel.
 */
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
