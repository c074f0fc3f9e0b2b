import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { readDebounceMs } from '@/config/constants';
import { setChannelRead } from '@/lib/cache-updates';
import { chatApi } from '@/lib/chat-api';

/**
 * Tells the server how far the person has read (POST /read {seq}), debounced, only forward, and only while
 * the page is visible; the sidebar's count clears at once.
 */
export function useMarkRead(channelId: string) {
  const client = useQueryClient();
  const sent = useRef(0);
  const wanted = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const flush = useCallback(() => {
    const seq = wanted.current;
    if (seq <= sent.current || document.visibilityState !== 'visible') return;
    sent.current = seq;
    setChannelRead(client, channelId, seq);
    chatApi.markRead(channelId, seq).catch(() => {
      sent.current = 0; // try again with the next visible message
    });
  }, [client, channelId]);

  useEffect(() => {
    sent.current = 0;
    wanted.current = 0;
    const onVisible = () => flush();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      clearTimeout(timer.current);
    };
  }, [channelId, flush]);

  return useCallback(
    (seq: number) => {
      if (seq <= wanted.current) return;
      wanted.current = seq;
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, readDebounceMs);
    },
    [flush],
  );
}
