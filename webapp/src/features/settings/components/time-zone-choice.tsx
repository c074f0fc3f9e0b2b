import { useState } from 'react';
import { SelectField } from '@/components/select-field';
import { messages } from '@/config/messages';
import { browserTimeZone, rememberTimeZoneChoice, timeZoneChoices, timeZoneChosen } from '@/lib/time-zone';
import type { CurrentUser } from '@/types/api';
import { useUpdateMe } from '../api/update-me';

const t = messages.settings;
const automatic = '';

/**
 * The person's time zone, which others see as their local time: automatic (the browser's, sent whenever it
 * changes) or one picked from the list (kept until changed here). Saved at once.
 */
export function TimeZoneChoice({ me }: { me: CurrentUser }) {
  const browser = browserTimeZone();
  const [choice, setChoice] = useState(() =>
    timeZoneChosen(me.id) && me.timeZone ? me.timeZone : automatic,
  );
  const save = useUpdateMe();
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
        if (zone) save.mutate({ timeZone: zone });
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
