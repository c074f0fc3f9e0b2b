import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { chatApi } from '@/lib/chat-api';
import { queryKeys } from '@/lib/query-keys';
import { timeZoneToSync } from '@/lib/time-zone';
import type { CurrentUser } from '@/types/api';

/**
 * Sends the browser's time zone once the person's profile is known, when it differs from the saved one and
 * the person did not pick one in Settings: others then see the right local time after a trip abroad.
 */
export function useTimeZoneSync(me: CurrentUser | undefined): void {
  const client = useQueryClient();
  const sentFor = useRef<string | null>(null);
  useEffect(() => {
    if (!me || sentFor.current === me.id) return;
    const zone = timeZoneToSync(me.id, me.timeZone);
    if (!zone) return;
    sentFor.current = me.id;
    chatApi.updateMe({ timeZone: zone }).then(
      (user) => client.setQueryData(queryKeys.me, user),
      // Not worth an error on screen: the next start tries again.
      () => undefined,
    );
  }, [me, client]);
}
