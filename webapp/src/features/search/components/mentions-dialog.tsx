import { useId } from 'react';
import { Button } from '@/components/button';
import { Dialog } from '@/components/dialog';
import { FormAlert } from '@/components/form-alert';
import { Spinner } from '@/components/spinner';
import { messages } from '@/config/messages';
import { useChannels } from '@/hooks/use-channels';
import { channelLabel } from '@/lib/channel-label';
import { openMessage } from '@/lib/navigation';
import { MessageSummary } from '@/components/message-summary';
import type { Message } from '@/types/api';
import { useMentions } from '../api/get-mentions';
import { HighlightedText } from './highlighted-text';
import '@/components/message-list-dialog.css';

const t = messages.mentions;

interface MentionsDialogProps {
  selfId: string;
  selfName: string;
  onClose: () => void;
}

/**
 * Recent messages that mention the reader (by name, @channel or @here), newest first, each naming its
 * conversation; choosing one opens the conversation at that message, or a reply in its thread.
 */
export function MentionsDialog({ selfId, selfName, onClose }: MentionsDialogProps) {
  const id = useId();
  const mentions = useMentions();
  const channels = useChannels();
  const found = mentions.data?.pages.flat() ?? [];
  const terms = [`@${selfName}`, '@channel', '@here'];

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
    <Dialog title={t.title} onClose={onClose} className="message-list-dialog mentions-dialog">
      <p id={`${id}-intro`} className="message-list-dialog__hint">
        {t.intro}
      </p>
      <FormAlert message={mentions.isError ? t.failed : undefined} />
      <div className="message-list-dialog__status" role="status">
        {mentions.isPending ? (
          <>
            <Spinner />
            <span>{t.loading}</span>
          </>
        ) : mentions.isSuccess ? (
          found.length === 0 ? (
            t.none
          ) : (
            t.count(found.length)
          )
        ) : null}
      </div>
      {found.length > 0 && (
        <div className="message-list-dialog__results">
          <ul className="message-list-dialog__list" aria-label={t.list}>
            {found.map((m) => (
              <li key={m.id}>
                <MessageSummary message={m} where={where(m.channelId)} onOpen={() => open(m)}>
                  <HighlightedText text={m.text} terms={terms} />
                </MessageSummary>
              </li>
            ))}
          </ul>
          {mentions.hasNextPage && (
            <Button
              variant="quiet"
              className="mentions-dialog__more"
              disabled={mentions.isFetchingNextPage}
              onClick={() => void mentions.fetchNextPage()}
            >
              {t.more}
            </Button>
          )}
        </div>
      )}
    </Dialog>
  );
}
