import { useId, useState } from 'react';
import { CheckboxField } from '@/components/checkbox-field';
import { messages } from '@/config/messages';
import type { Channel, NotificationLevel } from '@/types/api';
import {
  type ChannelNotificationSettings,
  useSetChannelNotifications,
} from '../api/set-channel-notifications';

const t = messages.channelNotifications;
type Choice = NotificationLevel | 'default';

/** The person's own notification level for one channel (or their general one), and mute. Saved at once. */
export function ChannelNotifications({ channel }: { channel: Channel }) {
  const name = useId();
  // What was just asked for shows at once, in the same render as the click: a controlled input that waited for
  // the mutation's state (published a tick later) snapped back first and looked unclicked. Once the server has
  // answered, the channel as it holds it shows again (the old state after a refusal).
  const [asked, setAsked] = useState<ChannelNotificationSettings | null>(null);
  const save = useSetChannelNotifications(channel.id);
  const change = (next: ChannelNotificationSettings) => {
    setAsked(next);
    // Callbacks given to mutate() run for the latest call only: an earlier answer does not clear a later choice.
    save.mutate(next, { onSettled: () => setAsked(null) });
  };
  const level: Choice = asked?.level ?? channel.notificationLevel ?? 'default';
  const muted = asked?.muted ?? channel.muted ?? false;
  const choices: { value: Choice; label: string }[] = [
    { value: 'default', label: t.default },
    { value: 'all', label: t.all },
    { value: 'mentions', label: t.mentions },
    { value: 'off', label: t.off },
  ];
  return (
    <section className="dialog__section">
      <fieldset className="radio-group">
        <legend className="dialog__section-title">{t.legend}</legend>
        {choices.map((choice) => (
          <label key={choice.value} className="radio-group__option">
            <input
              type="radio"
              name={name}
              value={choice.value}
              checked={level === choice.value}
              onChange={() => change({ level: choice.value, muted })}
            />
            {choice.label}
          </label>
        ))}
      </fieldset>
      <CheckboxField label={t.mute} checked={muted} onChange={(on) => change({ level, muted: on })} />
    </section>
  );
}
