import { useEffect } from 'react';
import { messages } from '@/config/messages';
import type { Channel } from '@/types/api';

/** "(3) NetChat" while there are unread messages anywhere. */
export function useUnreadTitle(channels: Channel[] | undefined): void {
  const unread = channels?.reduce((sum, c) => sum + (c.unreadCount ?? 0), 0) ?? 0;
  useEffect(() => {
    document.title = unread > 0 ? messages.title.unread(unread) : messages.app.documentTitle();
  }, [unread]);
}
