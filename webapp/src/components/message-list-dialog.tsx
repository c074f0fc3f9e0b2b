import type { ReactNode } from 'react';
import { Button } from '@/components/button';
import { Dialog } from '@/components/dialog';
import { FormAlert } from '@/components/form-alert';
import { Spinner } from '@/components/spinner';
import { messages } from '@/config/messages';
import { useChannels } from '@/hooks/use-channels';
import { channelLabel } from '@/lib/channel-label';
import { openMessage } from '@/lib/navigation';
import type { Message } from '@/types/api';
import './message-list-dialog.css';

interface MessageListText {
  title: string;
  intro: string;
  loading: string;
  none: string;
  failed: string;
  list: string;
  more: string;
  count: (n: number) => string;
}

/** What the dialog reads of the list's infinite query. */
interface PagedList {
  isPending: boolean;
  isSuccess: boolean;
  isError: boolean;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

interface MessageListDialogProps<T> {
  text: MessageListText;
  className: string;
  selfId: string;
  /** The items of every page loaded so far, in the server's order. */
  items: T[];
  pages: PagedList;
  /** Why an action on an item failed, if one did. */
  actionError?: string;
  /** One list item: `where` names a message's conversation, `open` closes the dialog and jumps to the message. */
  renderItem: (
    item: T,
    row: { where: (channelId: string) => string; open: (message: Message) => void },
  ) => ReactNode;
  onClose: () => void;
}

/**
 * A dialog that lists messages from all conversations, page by page (older ones on demand), each naming its
 * conversation; choosing one closes the dialog and opens the conversation at that message, or a reply in its
 * thread. Mentions and saved items are such lists.
 */
export function MessageListDialog<T>({
  text,
  className,
  selfId,
  items,
  pages,
  actionError,
  renderItem,
  onClose,
}: MessageListDialogProps<T>) {
  const channels = useChannels();
  const open = (message: Message) => {
    onClose();
    openMessage(message);
  };
  const where = (channelId: string) => {
    const channel = channels.data?.find((c) => c.id === channelId);
    if (!channel) return '';
    const label = channelLabel(channel, selfId);
    return channel.type === 'team' ? messages.sidebar.channelName(label) : label;
  };

  return (
    <Dialog title={text.title} onClose={onClose} className={`message-list-dialog ${className}`}>
      <p className="message-list-dialog__hint">{text.intro}</p>
      <FormAlert message={pages.isError ? text.failed : actionError} />
      <div className="message-list-dialog__status" role="status">
        {pages.isPending ? (
          <>
            <Spinner />
            <span>{text.loading}</span>
          </>
        ) : pages.isSuccess ? (
          items.length === 0 ? (
            text.none
          ) : (
            text.count(items.length)
          )
        ) : null}
      </div>
      {items.length > 0 && (
        <div className="message-list-dialog__results">
          <ul className="message-list-dialog__list" aria-label={text.list}>
            {items.map((item) => renderItem(item, { where, open }))}
          </ul>
          {pages.hasNextPage && (
            <Button
              variant="quiet"
              disabled={pages.isFetchingNextPage}
              onClick={() => void pages.fetchNextPage()}
            >
              {text.more}
            </Button>
          )}
        </div>
      )}
    </Dialog>
  );
}
