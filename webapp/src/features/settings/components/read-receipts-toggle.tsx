import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { messages } from '@/config/messages';
import { chatApi } from '@/lib/chat-api';
import { queryKeys } from '@/lib/query-keys';
import type { CurrentUser } from '@/types/api';

const t = messages.settings;

/** Whether others in small conversations see how far the person has read. Saved at once, like the time zone. */
export function ReadReceiptsToggle({ me }: { me: CurrentUser }) {
  const client = useQueryClient();
  const id = useId();
  const hintId = useId();
  const save = useMutation({
    mutationFn: (on: boolean) => chatApi.updateMe({ readReceipts: on }),
    onSuccess: (user) => client.setQueryData(queryKeys.me, user),
  });
  // While saving, the box shows what was asked for; an error puts it back to what the server holds.
  const checked = save.isPending ? save.variables : me.readReceipts !== false;
  return (
    <div className="field">
      <div className="checkbox-field">
        <input
          id={id}
          type="checkbox"
          aria-describedby={hintId}
          checked={checked}
          onChange={(e) => save.mutate(e.target.checked)}
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
