import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Button } from '@/components/button';
import { TextField } from '@/components/text-field';
import { messages } from '@/config/messages';
import { ApiError } from '@/lib/problem';
import { validateNewPassword } from '@/lib/validation';
import { changeOwnPassword } from '../api/change-own-password';

const t = messages.settings;
const f = messages.auth.fields;

/** Change one's own password (the person's other sessions end; this one stays). */
export function ChangePasswordForm() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [checked, setChecked] = useState<Record<string, string | undefined>>({});
  const change = useMutation({
    mutationFn: () => changeOwnPassword(current, next),
    onSuccess: () => {
      setCurrent('');
      setNext('');
    },
  });
  const serverError = (field: string) =>
    change.error instanceof ApiError
      ? change.error.fieldErrors.find((e) => e.field === field)?.message
      : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = {
      currentPassword: current ? undefined : messages.validation.currentPasswordRequired,
      newPassword: validateNewPassword(next),
    };
    setChecked(found);
    if (Object.values(found).some((m) => m !== undefined)) return;
    change.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <TextField
        label={f.currentPassword}
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        value={current}
        error={checked.currentPassword ?? serverError('currentPassword')}
        onChange={(e) => setCurrent(e.target.value)}
      />
      <TextField
        label={f.newPassword}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        hint={messages.auth.hints.newPassword}
        value={next}
        error={checked.newPassword ?? serverError('newPassword')}
        onChange={(e) => setNext(e.target.value)}
      />
      <div className="dialog__actions">
        <span aria-live="polite" className="dialog__saved">
          {change.isSuccess
            ? t.passwordChanged
            : change.error && !(change.error instanceof ApiError && change.error.fieldErrors.length > 0)
              ? change.error.message
              : ''}
        </span>
        <Button type="submit" busy={change.isPending} busyLabel={messages.auth.changePassword.busy}>
          {messages.auth.changePassword.submit}
        </Button>
      </div>
    </form>
  );
}
