import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { messages } from '@/config/messages';
import { chatApi } from '@/lib/chat-api';
import { queryKeys } from '@/lib/query-keys';
import { browserTimeZone, rememberTimeZoneChoice, timeZoneChoices, timeZoneChosen } from '@/lib/time-zone';
import type { CurrentUser } from '@/types/api';

const t = messages.settings;
const automatic = '';

/**
 * The person's time zone, which others see as their local time: automatic (the browser's, sent whenever it
 * changes) or one picked from the list (kept until changed here). Saved at once.
 */
export function TimeZoneChoice({ me }: { me: CurrentUser }) {
  const client = useQueryClient();
  const id = useId();
  const hintId = useId();
  const browser = browserTimeZone();
  const [choice, setChoice] = useState(() =>
    timeZoneChosen(me.id) && me.timeZone ? me.timeZone : automatic,
  );
  const save = useMutation({
    mutationFn: (zone: string) => chatApi.updateMe({ timeZone: zone }),
    onSuccess: (user) => client.setQueryData(queryKeys.me, user),
  });
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {t.timeZone}
      </label>
      <select
        id={id}
        className="theme-switch__select"
        aria-describedby={hintId}
        value={choice}
        onChange={(e) => {
          const next = e.target.value;
          setChoice(next);
          rememberTimeZoneChoice(me.id, next !== automatic);
          const zone = next === automatic ? browser : next;
          if (zone) save.mutate(zone);
        }}
      >
        <option value={automatic}>{t.timeZoneAutomatic(browser)}</option>
        {timeZoneChoices(me.timeZone).map((zone) => (
          <option key={zone} value={zone}>
            {zone.replaceAll('_', ' ')}
          </option>
        ))}
      </select>
      <p id={hintId} className="field__hint">
        {t.timeZoneHint}
      </p>
      <p aria-live="polite" className="dialog__saved">
        {save.isSuccess ? t.saved : save.isError ? save.error.message : ''}
      </p>
    </div>
  );
}
