import { useRef, useState } from 'react';
import { Button } from '@/components/button';
import { Dialog } from '@/components/dialog';
import { messages } from '@/config/messages';

const t = messages.admin.oneTimePassword;

interface OneTimePasswordDialogProps {
  username: string;
  password: string;
  onClose: () => void;
}

/** Shows a one-time password the only time it exists on the client: closing the dialog forgets it. */
export function OneTimePasswordDialog({ username, password, onClose }: OneTimePasswordDialogProps) {
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const field = useRef<HTMLInputElement>(null);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(password);
      setCopyState('copied');
    } catch {
      setCopyState('failed');
      field.current?.select();
    }
  };

  return (
    <Dialog title={t.title(username)} onClose={onClose} initialFocusRef={field}>
      <p>{t.text(username)}</p>
      <div className="field">
        <label className="field__label" htmlFor="one-time-password">
          {t.label}
        </label>
        <div className="otp">
          <input
            ref={field}
            id="one-time-password"
            className="field__input otp__value"
            readOnly
            value={password}
            spellCheck={false}
            autoComplete="off"
            onFocus={(e) => e.currentTarget.select()}
          />
          <Button variant="secondary" onClick={() => void copy()}>
            {t.copy}
          </Button>
        </div>
      </div>
      <p role="status" className="otp__status">
        {copyState === 'copied' ? t.copied : copyState === 'failed' ? t.copyFailed : ''}
      </p>
      <div className="dialog__actions">
        <Button onClick={onClose}>{t.done}</Button>
      </div>
    </Dialog>
  );
}
