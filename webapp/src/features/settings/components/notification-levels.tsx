import { useId, useState } from 'react';
import { messages } from '@/config/messages';
import { doNotDisturbActive } from '@/lib/notification-rules';
import type { CurrentUser, NotificationLevel } from '@/types/api';
import { useUpdateMe } from '../api/update-me';
import { RadioGroup } from './radio-group';

const t = messages.settings;

/** Hours of do-not-disturb offered; 0 turns it off. */
const dndChoices = [0, 1, 2, 4, 8, 24];

/**
 * Which messages notify the person (all, direct messages and mentions, nothing) and do-not-disturb for a
 * chosen time. Saved at once; the server keeps them, and the same levels decide SMS.
 */
export function NotificationLevels({ me }: { me: CurrentUser }) {
  const dndId = useId();
  const [level, setLevel] = useState<NotificationLevel>(me.notifications?.desktop ?? 'mentions');
  const save = useUpdateMe();
  const dnd = doNotDisturbActive(me.notifications);
  const until = dnd && me.notifications?.dndUntil ? new Date(me.notifications.dndUntil) : null;

  return (
    <>
      <RadioGroup<NotificationLevel>
        legend={t.level}
        value={level}
        onChange={(next) => {
          setLevel(next);
          save.mutate({ notifications: { desktop: next } });
        }}
        options={[
          { value: 'all', label: t.levelAll },
          { value: 'mentions', label: t.levelMentions },
          { value: 'off', label: t.levelOff },
        ]}
        hint={t.levelHint}
      />
      <div className="field">
        <label className="field__label" htmlFor={dndId}>
          {t.dnd}
        </label>
        <select
          id={dndId}
          className="theme-switch__select"
          value=""
          onChange={(e) => {
            const hours = Number(e.target.value);
            save.mutate({
              notifications: {
                dndUntil: hours > 0 ? new Date(Date.now() + hours * 3_600_000).toISOString() : '',
              },
            });
          }}
        >
          <option value="" disabled>
            {until ? t.dndUntil(until) : t.dndOff}
          </option>
          {dndChoices.map((hours) => (
            <option key={hours} value={hours}>
              {hours === 0 ? t.dndTurnOff : t.dndFor(hours)}
            </option>
          ))}
        </select>
      </div>
      <p aria-live="polite" className="dialog__saved">
        {save.isSuccess ? t.saved : save.isError ? save.error.message : ''}
      </p>
    </>
  );
}
