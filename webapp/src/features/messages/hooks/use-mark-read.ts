import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { readDebounceMs, readRetryMaxMs, readRetryMs } from '@/config/constants';
import { queryKeys } from '@/lib/query-keys';
import { markRead } from '../api/mark-read';
import { setChannelRead } from '../api/message-cache';

interface Read {
  channelId: string;
  seq: number;
}

/**
 * Tells the server how far the person has read (POST /read {seq}): the last message on screen once the list has
 * been still for readDebounceMs, only forward, and only while the page is visible; the sidebar's count clears at
 * once. A read the server did not take makes the channel list be fetched again (the server's count replaces the
 * one cleared here) and is tried again by the mutation's retry, after a back-off that doubles, until it is taken;
 * TanStack Query holds those tries while the page is hidden. Only the newest read is tried: one that a newer read
 * overtook, or that the conversation left behind, sends nothing more.
 */
export function useMarkRead(channelId: string) {
  const client = useQueryClient();
  const sent = useRef(0);
  const wanted = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  /** The read the hook stands by; null once the conversation changed or closed. Compared by identity. */
  const newest = useRef<Read | null>(null);

  const { mutate } = useMutation({
    mutationFn: async (read: Read) => {
      // A retry comes here too, after its delay: by then a newer read or a closed conversation may have made it moot.
      if (read !== newest.current) return;
      try {
        await markRead(read.channelId, read.seq);
      } catch (error) {
        if (read === newest.current) void client.invalidateQueries({ queryKey: queryKeys.channels });
        throw error;
      }
    },
    retry: true,
    // failures counts the tries that failed before this wait: 0 before the first retry.
    retryDelay: (failures) => Math.min(readRetryMs * 2 ** failures, readRetryMaxMs),
  });

  const flush = useCallback(() => {
    const seq = wanted.current;
    if (seq <= sent.current || document.visibilityState !== 'visible') return;
    sent.current = seq;
    setChannelRead(client, channelId, seq);
    const read = { channelId, seq };
    newest.current = read;
    mutate(read);
  }, [client, channelId, mutate]);

  // What was read is forgotten when the channel changes or the hook goes away, in the cleanup and not when the
  // effect starts: the message list is a child, and a child's effects run before its parent's. A list that
  // mounts with the conversation (its history already in the cache) reports what is on screen first; a reset
  // here after that report dropped it, and nothing was marked read until a new message or a scroll.
  useEffect(() => {
    const onVisible = () => flush();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      clearTimeout(timer.current);
      newest.current = null;
      sent.current = 0;
      wanted.current = 0;
    };
  }, [channelId, flush]);

  // What is on screen once the list has settled is read, not a row that flashed past while the list was laid
  // out or moved (opening at the first unread on a phone, the list reported the last of 55 unread for a moment and
  // all 55 were marked read): every report restarts the wait, and the last one counts.
  return useCallback(
    (seq: number) => {
      wanted.current = seq;
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, readDebounceMs);
    },
    [flush],
  );
}
