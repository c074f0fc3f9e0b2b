import { MessageListDialog } from '@/components/message-list-dialog';
import { MessageSummary, MessageSummaryRow } from '@/components/message-summary';
import { messages } from '@/config/messages';
import { useSaved } from '../api/get-saved';
import { useUnsave } from '../api/save-message';

const t = messages.saved;

interface SavedDialogProps {
  selfId: string;
  onClose: () => void;
}

/**
 * The reader's saved messages, most recently saved first, each naming its conversation; choosing one opens the
 * conversation at that message (a reply: its thread), and each can be taken off the list.
 */
export function SavedDialog({ selfId, onClose }: SavedDialogProps) {
  const saved = useSaved();
  const unsave = useUnsave(selfId);
  return (
    <MessageListDialog
      text={t}
      className="saved-dialog"
      selfId={selfId}
      items={saved.data?.pages.flat() ?? []}
      pages={saved}
      actionError={unsave.error?.message}
      renderItem={(item, { where, open }) => {
        const m = item.message;
        const name = m.user.fullName || m.user.username;
        return (
          <MessageSummaryRow
            key={m.id}
            action={t.remove}
            actionLabel={t.removeOf(name)}
            busy={unsave.isPending}
            onAction={() => unsave.mutate(item)}
          >
            <MessageSummary message={m} where={where(m.channelId)} onOpen={() => open(m)} />
          </MessageSummaryRow>
        );
      }}
      onClose={onClose}
    />
  );
}
