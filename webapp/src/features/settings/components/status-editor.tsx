import { type FormEvent, useState } from 'react';
import { Button } from '@/components/button';
import { FormAlert } from '@/components/form-alert';
import { SelectField } from '@/components/select-field';
import { TextField } from '@/components/text-field';
import { messages } from '@/config/messages';
import { ApiError } from '@/lib/problem';
import { type ClearAfter, expiryFor, statusLine, statusUntil } from '@/lib/user-status';
import type { CurrentUser } from '@/types/api';
import { useClearStatus, useSetStatus } from '../api/status';

const t = messages.status;

const presets: { emoji: string; text: () => string }[] = [
  { emoji: '📅', text: () => t.presetTexts.meeting },
  { emoji: '🚌', text: () => t.presetTexts.commuting },
  { emoji: '🤒', text: () => t.presetTexts.sick },
  { emoji: '🌴', text: () => t.presetTexts.vacation },
  { emoji: '🏡', text: () => t.presetTexts.remote },
];

const clearChoices: { value: ClearAfter; label: () => string }[] = [
  { value: 'never', label: () => t.clearNever },
  { value: '30m', label: () => t.clear30m },
  { value: '1h', label: () => t.clear1h },
  { value: '4h', label: () => t.clear4h },
  { value: 'today', label: () => t.clearToday },
  { value: 'week', label: () => t.clearWeek },
];

/**
 * The person's custom status (an emoji and a short text others see on their profile card and in the people
 * directory), with suggestions and a time after which it clears itself.
 */
export function StatusEditor({ me }: { me: CurrentUser }) {
  const [emoji, setEmoji] = useState(me.status?.emoji ?? '');
  const [text, setText] = useState(me.status?.text ?? '');
  const [clearAfter, setClearAfter] = useState<ClearAfter>('never');
  const [missing, setMissing] = useState(false);
  const save = useSetStatus();
  const clear = useClearStatus();
  // Settings passes the cached user, so a status set or cleared here shows at once.
  const current = me.status;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMissing(!emoji.trim() && !text.trim());
    if (!emoji.trim() && !text.trim()) return;
    save.mutate({
      emoji: emoji.trim() || undefined,
      text: text.trim() || undefined,
      expiresAt: expiryFor(clearAfter)?.toISOString(),
    });
  };
  const fieldErrors = save.error instanceof ApiError ? save.error.fieldErrors : [];
  const fieldError = (field: string) => fieldErrors.find((e) => e.field === field)?.message;
  return (
    <form onSubmit={submit} noValidate className="status-editor">
      <p className="field__hint">
        {current ? [t.current(statusLine(current)), statusUntil(current)].filter(Boolean).join(' ') : t.none}
      </p>
      <div role="group" aria-label={t.presets} className="status-editor__presets">
        {presets.map((preset) => (
          <button
            key={preset.emoji}
            type="button"
            className="button button--secondary status-editor__preset"
            aria-label={t.preset(`${preset.emoji} ${preset.text()}`)}
            onClick={() => {
              setEmoji(preset.emoji);
              setText(preset.text());
            }}
          >
            {preset.emoji} {preset.text()}
          </button>
        ))}
      </div>
      <TextField
        label={t.emoji}
        name="statusEmoji"
        hint={t.emojiHint}
        value={emoji}
        maxLength={16}
        autoComplete="off"
        error={fieldError('emoji')}
        onChange={(e) => setEmoji(e.target.value)}
      />
      <TextField
        label={t.text}
        name="statusText"
        value={text}
        maxLength={100}
        autoComplete="off"
        error={fieldError('text') ?? (missing ? t.needsSomething : undefined)}
        onChange={(e) => setText(e.target.value)}
      />
      <SelectField
        label={t.clearAfter}
        value={clearAfter}
        onChange={(e) => setClearAfter(e.target.value as ClearAfter)}
      >
        {clearChoices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label()}
          </option>
        ))}
      </SelectField>
      <FormAlert
        message={
          save.isError && fieldErrors.length === 0
            ? save.error.message
            : clear.isError
              ? clear.error.message
              : undefined
        }
      />
      <div className="dialog__actions">
        <span aria-live="polite" className="dialog__saved">
          {save.isSuccess ? t.saved : clear.isSuccess ? t.cleared : ''}
        </span>
        {current && (
          <Button
            variant="secondary"
            busy={clear.isPending}
            onClick={() =>
              clear.mutate(undefined, {
                onSuccess: () => {
                  setEmoji('');
                  setText('');
                },
              })
            }
          >
            {t.clear}
          </Button>
        )}
        <Button type="submit" busy={save.isPending} busyLabel={t.saving}>
          {t.save}
        </Button>
      </div>
    </form>
  );
}
