import { Suspense, lazy, useState } from 'react';
import { SettingsIcon } from '@/components/icons';
import { IconButton } from '@/components/icon-button';
import { messages } from '@/config/messages';
import { useChannelDetails } from '@/hooks/use-channel-details';
import { mayManageChannel } from '@/lib/channel-label';

const ChannelSettingsDialog = lazy(() =>
  import('./channel-settings-dialog').then((m) => ({ default: m.ChannelSettingsDialog })),
);

interface ChannelSettingsButtonProps {
  channelId: string;
  selfId: string;
  /** Admins may manage every channel, as its creator may (the server's rule). */
  isAdmin?: boolean;
}

export function ChannelSettingsButton({ channelId, selfId, isAdmin = false }: ChannelSettingsButtonProps) {
  const [open, setOpen] = useState(false);
  const details = useChannelDetails(channelId);
  return (
    <>
      <IconButton
        label={messages.channelSettings.open}
        icon={<SettingsIcon />}
        onClick={() => setOpen(true)}
        disabled={!details.data}
      />
      <Suspense fallback={null}>
        {open && details.data && (
          <ChannelSettingsDialog
            channel={details.data}
            selfId={selfId}
            canManage={mayManageChannel(details.data, selfId, isAdmin)}
            onClose={() => setOpen(false)}
          />
        )}
      </Suspense>
    </>
  );
}
