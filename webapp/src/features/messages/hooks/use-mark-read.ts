import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { readDebounceMs, readRetryMaxMs, readRetryMs } from '@/config/constants';
import { setChannelRead } from '@/lib/cache-updates';
import { chatApi } from '@/lib/chat-api';
import { queryKeys } from '@/lib/query-keys';

/**
 * Tells the server how far the person has read (POST /read {seq}): the last message on screen once the list has
 * been still for readDebounceMs, only forward, and only while
 * the page is visible; the sidebar's count clears at once. A read the server did not take is not counted as
 * sent: the channel list is fetched again (the server's count replaces the one cleared here) and the read is
 * sent again after a back-off that doubles, until it is taken, a newer read is sent, or the hook goes away.
 */
export function useMarkRead(channelId: string) {
  const client = useQueryClient();
  const sent = useRef(0);
  const wanted = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const retryTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const retryDelay = useRef(readRetryMs);
  /** Bumped when the channel changes or the hook unmounts, so that late answers are ignored. */
  const generation = useRef(0);

  const flush = useCallback(
    function send() {
      const seq = wanted.current;
      if (seq <= sent.current || document.visibilityState !== 'visible') return;
      clearTimeout(retryTimer.current);
      const current = generation.current;
      const before = sent.current;
      sent.current = seq;
      setChannelRead(client, channelId, seq);
      chatApi.markRead(channelId, seq).then(
        () => {
          if (generation.current === current && sent.current === seq) retryDelay.current = readRetryMs;
        },
        () => {
          // Gone, or overtaken by a newer read: that one decides.
          if (generation.current !== current || sent.current !== seq) return;
          sent.current = before;
          void client.invalidateQueries({ queryKey: queryKeys.channels });
          const delay = retryDelay.current;
          retryDelay.current = Math.min(delay * 2, readRetryMaxMs);
          retryTimer.current = setTimeout(send, delay);
        },
      );
    },
    [client, channelId],
  );

  // What was read is forgotten when the channel changes or the hook goes away, in the cleanup and not when the
  // effect starts: the message list is a child, and a child's effects run before its parent's. A list that
  // mounts with the conversation (its history already in the cache) reports what is on screen first; a reset
  // here after that report dropped it, and nothing was marked read until a new message or a scroll.
  useEffect(() => {
    const onVisible = () => flush();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      generation.current += 1;
      document.removeEventListener('visibilitychange', onVisible);
      clearTimeout(timer.current);
      clearTimeout(retryTimer.current);
      sent.current = 0;
      wanted.current = 0;
      retryDelay.current = readRetryMs;
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
