import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { CheckboxField } from '@/components/checkbox-field';
import { messages } from '@/config/messages';
import { mergeChannel } from '@/lib/cache-updates';
import { chatApi } from '@/lib/chat-api';
import type { Channel, NotificationLevel } from '@/types/api';

const t = messages.channelNotifications;
type Choice = NotificationLevel | 'default';

/** The person's own notification level for one channel (or their general one), and mute. Saved at once. */
export function ChannelNotifications({ channel }: { channel: Channel }) {
  const client = useQueryClient();
  const name = useId();
  const save = useMutation({
    mutationFn: ({ level, muted }: { level: Choice; muted: boolean }) =>
      chatApi.setChannelNotifications(channel.id, level, muted),
    onSuccess: (updated) => mergeChannel(client, updated),
  });
  const level: Choice = save.variables?.level ?? channel.notificationLevel ?? 'default';
  const muted = save.variables?.muted ?? channel.muted ?? false;
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
              onChange={() => save.mutate({ level: choice.value, muted })}
            />
            {choice.label}
          </label>
        ))}
      </fieldset>
      <CheckboxField label={t.mute} checked={muted} onChange={(on) => save.mutate({ level, muted: on })} />
    </section>
  );
}
