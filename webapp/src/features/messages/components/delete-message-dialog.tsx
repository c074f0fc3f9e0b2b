import { Button } from '@/components/button';
import { Dialog } from '@/components/dialog';
import { FormAlert } from '@/components/form-alert';
import { messages } from '@/config/messages';

const t = messages.deleteMessage;

interface DeleteMessageDialogProps {
  busy: boolean;
  error?: string;
  onConfirm: () => void;
  onClose: () => void;
}

export function DeleteMessageDialog({ busy, error, onConfirm, onClose }: DeleteMessageDialogProps) {
  return (
    <Dialog title={t.title} onClose={onClose}>
      <FormAlert message={error} />
      <p>{t.text}</p>
      <div className="dialog__actions">
        <Button variant="secondary" onClick={onClose}>
          {messages.dialog.cancel}
        </Button>
        <Button className="button--danger" busy={busy} busyLabel={t.busy} onClick={onConfirm}>
          {t.confirm}
        </Button>
      </div>
    </Dialog>
  );
}
