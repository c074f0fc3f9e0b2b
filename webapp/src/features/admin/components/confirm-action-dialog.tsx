import { Button } from '@/components/button';
import { Dialog } from '@/components/dialog';
import { messages } from '@/config/messages';
import type { ConfirmedAction } from '../hooks/use-user-action';

interface ConfirmActionDialogProps {
  action: ConfirmedAction;
  username: string;
  busy: boolean;
  onConfirm: () => void;
  onClose: () => void;
}

/** Asks before an action that locks someone out or cannot be undone. */
export function ConfirmActionDialog({
  action,
  username,
  busy,
  onConfirm,
  onClose,
}: ConfirmActionDialogProps) {
  const t = messages.admin.confirm[action];
  return (
    <Dialog title={t.title(username)} onClose={onClose}>
      <p>{t.text}</p>
      <div className="dialog__actions">
        <Button variant="secondary" onClick={onClose}>
          {messages.dialog.cancel}
        </Button>
        <Button
          className="button--danger"
          busy={busy}
          busyLabel={messages.admin.actions.busy}
          onClick={onConfirm}
        >
          {t.confirm}
        </Button>
      </div>
    </Dialog>
  );
}
