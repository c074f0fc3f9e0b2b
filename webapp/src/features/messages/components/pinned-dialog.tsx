import { Dialog } from '@/components/dialog';
import { FormAlert } from '@/components/form-alert';
import { Spinner } from '@/components/spinner';
import { messages } from '@/config/messages';
import { openMessage } from '@/lib/navigation';
import { MessageSummary, MessageSummaryRow } from '@/components/message-summary';
import type { Message } from '@/types/api';
import { useMessageMutations } from '../hooks/use-message-mutations';
import { usePins } from '../api/get-pins';
import './pinned-dialog.css';

const t = messages.pins;

interface PinnedDialogProps {
  channelId: string;
  selfId: string;
  onClose: () => void;
}

/** The conversation's pinned messages: each opens the conversation at the message, and any member may unpin it. */
export function PinnedDialog({ channelId, selfId, onClose }: PinnedDialogProps) {
  const pins = usePins(channelId);
  const { pin } = useMessageMutations(selfId);
  const found = pins.data ?? [];

  const open = (m: Message) => {
    onClose();
    openMessage(m);
  };

  return (
    <Dialog title={t.title} onClose={onClose} className="pinned-dialog">
      <p className="pinned-dialog__intro">{t.intro}</p>
      <FormAlert message={pins.isError ? t.failed : pin.error?.message} />
      {pins.isPending ? (
        <Spinner label={t.loading} labelVisible />
      ) : found.length === 0 ? (
        <p className="pinned-dialog__none">{pins.isSuccess ? t.none : null}</p>
      ) : (
        <ul className="pinned-dialog__list" aria-label={t.list}>
          {found.map((m) => {
            const name = m.user.fullName || m.user.username;
            return (
              <MessageSummaryRow
                key={m.id}
                action={t.unpin}
                actionLabel={t.unpinOf(name)}
                busy={pin.isPending}
                onAction={() => pin.mutate({ message: m, on: false })}
              >
                <MessageSummary
                  message={m}
                  label={t.jump(name)}
                  note={m.pinned ? t.pinnedBy(m.pinned.by.fullName || m.pinned.by.username) : undefined}
                  onOpen={() => open(m)}
                />
              </MessageSummaryRow>
            );
          })}
        </ul>
      )}
    </Dialog>
  );
}
