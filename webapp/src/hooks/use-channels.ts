import { replaceEqualDeep, useQuery } from '@tanstack/react-query';
import { chatApi } from '@/lib/chat-api';
import { queryKeys } from '@/lib/query-keys';
import type { Channel } from '@/types/api';

export function useChannels() {
  return useQuery<Channel[]>({
    queryKey: queryKeys.channels,
    queryFn: ({ signal }) => chatApi.listChannels(signal),
    structuralSharing: keepNewerChannels,
  });
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

/** One channel with its members (GET /api/channels/{id}). */
export function useChannelDetails(channelId: string | null) {
  return useQuery<Channel>({
    queryKey: queryKeys.channel(channelId ?? ''),
    queryFn: ({ signal }) => chatApi.getChannel(channelId ?? '', signal),
    enabled: channelId !== null,
  });
}

export function useUserSearch(q: string, enabled = true) {
  return useQuery({
    queryKey: queryKeys.users(q),
    queryFn: ({ signal }) => chatApi.searchUsers(q, signal),
    enabled: enabled && q.trim().length > 0,
    staleTime: 30_000,
  });
}
