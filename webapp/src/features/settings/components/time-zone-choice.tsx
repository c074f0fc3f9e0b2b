import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { SelectField } from '@/components/select-field';
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
  const browser = browserTimeZone();
  const [choice, setChoice] = useState(() =>
    timeZoneChosen(me.id) && me.timeZone ? me.timeZone : automatic,
  );
  const save = useMutation({
    mutationFn: (zone: string) => chatApi.updateMe({ timeZone: zone }),
    onSuccess: (user) => client.setQueryData(queryKeys.me, user),
  });
  return (
    <SelectField
      label={t.timeZone}
      hint={t.timeZoneHint}
      value={choice}
      onChange={(e) => {
        const next = e.target.value;
        setChoice(next);
        rememberTimeZoneChoice(me.id, next !== automatic);
        const zone = next === automatic ? browser : next;
        if (zone) save.mutate(zone);
      }}
      after={
        <p aria-live="polite" className="dialog__saved">
          {save.isSuccess ? t.saved : save.isError ? save.error.message : ''}
        </p>
      }
    >
      <option value={automatic}>{t.timeZoneAutomatic(browser)}</option>
      {timeZoneChoices(me.timeZone).map((zone) => (
        <option key={zone} value={zone}>
          {zone.replaceAll('_', ' ')}
        </option>
      ))}
    </SelectField>
  );
}
