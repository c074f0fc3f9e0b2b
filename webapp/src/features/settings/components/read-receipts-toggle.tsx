import { useId, useState } from 'react';
import { messages } from '@/config/messages';
import type { CurrentUser } from '@/types/api';
import { useUpdateMe } from '../api/update-me';

const t = messages.settings;

/** Whether others in small conversations see how far the person has read. Saved at once, like the time zone. */
export function ReadReceiptsToggle({ me }: { me: CurrentUser }) {
  const id = useId();
  const hintId = useId();
  const save = useUpdateMe();
  // While saving, the box shows what was asked for, from the click's own render on (the mutation's state comes
  // a tick later, and a controlled box waiting for it snaps back); an error puts back what the server holds.
  const [asked, setAsked] = useState<boolean | null>(null);
  const checked = asked ?? me.readReceipts !== false;
  return (
    <div className="field">
      <div className="checkbox-field">
        <input
          id={id}
          type="checkbox"
          aria-describedby={hintId}
          checked={checked}
          onChange={(e) => {
            setAsked(e.target.checked);
            save.mutate({ readReceipts: e.target.checked }, { onSettled: () => setAsked(null) });
          }}
        />
        <label htmlFor={id}>{t.readReceipts}</label>
      </div>
      <p id={hintId} className="field__hint">
        {t.readReceiptsHint}
      </p>
      <p aria-live="polite" className="dialog__saved">
        {save.isSuccess ? t.saved : save.isError ? save.error.message : ''}
      </p>
    </div>
  );
}
