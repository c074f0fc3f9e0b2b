import { useEffect, useRef } from 'react';
import { timeZoneToSync } from '@/lib/time-zone';
import type { CurrentUser } from '@/types/api';
import { useUpdateMe } from '../api/update-me';

/**
 * Sends the browser's time zone once the person's profile is known, when it differs from the saved one and
 * the person did not pick one in Settings: others then see the right local time after a trip abroad.
 */
export function useTimeZoneSync(me: CurrentUser): void {
  // Not worth an error on screen when it fails: the next start tries again.
  const { mutate } = useUpdateMe();
  const sentFor = useRef<string | null>(null);
  useEffect(() => {
    if (sentFor.current === me.id) return;
    const zone = timeZoneToSync(me.id, me.timeZone);
    if (!zone) return;
    sentFor.current = me.id;
    mutate({ timeZone: zone });
  }, [me, mutate]);
}
