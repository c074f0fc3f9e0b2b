import { MessageListDialog } from '@/components/message-list-dialog';
import { MessageSummary } from '@/components/message-summary';
import { messages } from '@/config/messages';
import { useMentions } from '../api/get-mentions';
import { HighlightedText } from './highlighted-text';

interface MentionsDialogProps {
  selfId: string;
  selfName: string;
  onClose: () => void;
}

/**
 * Recent messages that mention the reader (by name, @channel or @here), newest first, each naming its
 * conversation, with the mention marked; choosing one opens the conversation at that message, or a reply in its
 * thread.
 */
export function MentionsDialog({ selfId, selfName, onClose }: MentionsDialogProps) {
  const mentions = useMentions();
  const terms = [`@${selfName}`, '@channel', '@here'];
  return (
    <MessageListDialog
      text={messages.mentions}
      className="mentions-dialog"
      selfId={selfId}
      items={mentions.data?.pages.flat() ?? []}
      pages={mentions}
      renderItem={(m, { where, open }) => (
        <li key={m.id}>
          <MessageSummary message={m} where={where(m.channelId)} onOpen={() => open(m)}>
            <HighlightedText text={m.text} terms={terms} />
          </MessageSummary>
        </li>
      )}
      onClose={onClose}
    />
  );
}
