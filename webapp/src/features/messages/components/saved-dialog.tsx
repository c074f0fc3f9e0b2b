import { Button } from '@/components/button';
import { Dialog } from '@/components/dialog';
import { FormAlert } from '@/components/form-alert';
import { Spinner } from '@/components/spinner';
import { messages } from '@/config/messages';
import { useChannels } from '@/hooks/use-channels';
import { channelLabel } from '@/lib/channel-label';
import { openMessage } from '@/lib/navigation';
import { MessageSummary, MessageSummaryRow } from '@/components/message-summary';
import type { Message } from '@/types/api';
import { useSaved } from '../api/get-saved';
import { useUnsave } from '../api/save-message';
import '@/components/message-list-dialog.css';

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
  const channels = useChannels();
  const items = saved.data?.pages.flat() ?? [];

  const open = (m: Message) => {
    onClose();
    openMessage(m);
  };
  const where = (channelId: string) => {
    const channel = channels.data?.find((c) => c.id === channelId);
    if (!channel) return '';
    const label = channelLabel(channel, selfId);
    return channel.type === 'team' ? messages.sidebar.channelName(label) : label;
  };

  return (
    <Dialog title={t.title} onClose={onClose} className="message-list-dialog saved-dialog">
      <p className="message-list-dialog__hint">{t.intro}</p>
      <FormAlert message={saved.isError ? t.failed : unsave.error?.message} />
      <div className="message-list-dialog__status" role="status">
        {saved.isPending ? (
          <>
            <Spinner />
            <span>{t.loading}</span>
          </>
        ) : saved.isSuccess ? (
          items.length === 0 ? (
            t.none
          ) : (
            t.count(items.length)
          )
        ) : null}
      </div>
      {items.length > 0 && (
        <div className="message-list-dialog__results">
          <ul className="message-list-dialog__list" aria-label={t.list}>
            {items.map((item) => {
              const m = item.message;
              const name = m.user.fullName || m.user.username;
              return (
                <MessageSummaryRow
                  key={m.id}
                  action={
                    <Button
                      variant="quiet"
                      aria-label={t.removeOf(name)}
                      disabled={unsave.isPending}
                      onClick={() => unsave.mutate(item)}
                    >
                      {t.remove}
                    </Button>
                  }
                >
                  <MessageSummary message={m} where={where(m.channelId)} onOpen={() => open(m)} />
                </MessageSummaryRow>
              );
            })}
          </ul>
          {saved.hasNextPage && (
            <Button
              variant="quiet"
              className="mentions-dialog__more"
              disabled={saved.isFetchingNextPage}
              onClick={() => void saved.fetchNextPage()}
            >
              {t.more}
            </Button>
          )}
        </div>
      )}
    </Dialog>
  );
}
