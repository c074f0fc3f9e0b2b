import { type ReactNode, Suspense, lazy, useState } from 'react';
import { SearchIcon } from '@/components/icons';
import { Button } from '@/components/button';
import { IconButton } from '@/components/icon-button';
import { Spinner } from '@/components/spinner';
import { messages } from '@/config/messages';
import { useChannels } from '@/hooks/use-channels';
import { byRecentActivity } from '@/lib/channel-label';
import { useLocation } from '@/lib/navigation';
import { ChannelGroup } from './channel-group';
import './channel-sidebar.css';

const t = messages.sidebar;

const CreateChannelDialog = lazy(() =>
  import('./create-channel-dialog').then((m) => ({ default: m.CreateChannelDialog })),
);
const NewConversationDialog = lazy(() =>
  import('./new-conversation-dialog').then((m) => ({ default: m.NewConversationDialog })),
);
const BrowseChannelsDialog = lazy(() =>
  import('./browse-channels-dialog').then((m) => ({ default: m.BrowseChannelsDialog })),
);

type OpenDialog = 'create' | 'browse' | 'conversation' | null;

interface ChannelSidebarProps {
  selfId: string;
  /** More buttons for the direct conversations' heading, from other features (the people directory). */
  directActions?: ReactNode;
}

/** Team channels and conversations, each most recently active first, with the ways to add more. */
export function ChannelSidebar({ selfId, directActions }: ChannelSidebarProps) {
  const channels = useChannels();
  const { channelId } = useLocation();
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const close = () => setDialog(null);

  if (channels.isPending) return <Spinner label={t.loading} labelVisible />;
  if (channels.isError) {
    return (
      <div role="alert" className="channel-nav__empty">
        {t.loadFailed}{' '}
        <Button variant="link" onClick={() => void channels.refetch()}>
          {t.retry}
        </Button>
      </div>
    );
  }

  const sorted = [...channels.data].sort(byRecentActivity);
  return (
    <>
      <ChannelGroup
        heading={t.teamHeading}
        emptyText={t.noTeamChannels}
        channels={sorted.filter((c) => c.type === 'team')}
        selfId={selfId}
        currentId={channelId}
        actions={
          <>
            <IconButton label={t.browseChannels} icon={<SearchIcon />} onClick={() => setDialog('browse')} />
            <IconButton label={t.createChannel} icon="+" onClick={() => setDialog('create')} />
          </>
        }
      />
      <ChannelGroup
        heading={t.directHeading}
        emptyText={t.noConversations}
        channels={sorted.filter((c) => c.type === 'messaging')}
        selfId={selfId}
        currentId={channelId}
        actions={
          <>
            {directActions}
            <IconButton label={t.newConversation} icon="+" onClick={() => setDialog('conversation')} />
          </>
        }
      />
      <Suspense fallback={null}>
        {dialog === 'create' && <CreateChannelDialog selfId={selfId} onClose={close} />}
        {dialog === 'conversation' && <NewConversationDialog selfId={selfId} onClose={close} />}
        {dialog === 'browse' && <BrowseChannelsDialog onClose={close} />}
      </Suspense>
    </>
  );
}
