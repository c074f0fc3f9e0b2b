import { useCallback, useEffect, useRef } from 'react';
import { typingIdleMs, typingThrottleMs } from '@/config/constants';
import { sendFrame } from '@/lib/realtime';

/** typing.start at most every few seconds while keys are pressed; typing.stop after a pause or on send. */
export function useTypingSender(channelId: string) {
  const lastStart = useRef(0);
  const idle = useRef<ReturnType<typeof setTimeout>>(undefined);

  const stop = useCallback(() => {
    clearTimeout(idle.current);
    if (lastStart.current === 0) return;
    lastStart.current = 0;
    sendFrame({ type: 'typing.stop', channelId });
  }, [channelId]);

  const typed = useCallback(() => {
    const now = Date.now();
    if (now - lastStart.current > typingThrottleMs) {
      lastStart.current = now;
      sendFrame({ type: 'typing.start', channelId });
    }
    clearTimeout(idle.current);
    idle.current = setTimeout(stop, typingIdleMs);
  }, [channelId, stop]);

  useEffect(() => stop, [stop]);
  return { typed, stop };
}
