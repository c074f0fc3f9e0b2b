import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { ConnectionBanner } from '@/components/connection-banner';
import type { AuthUser } from '@/features/auth/hooks/use-auth';
import { ChannelSettingsButton } from '@/features/channels/components/channel-settings-button';
import { ChannelSidebar } from '@/features/channels/components/channel-sidebar';
import { Conversation } from '@/features/messages/components/conversation';
import { useOutboxFlusher } from '@/features/messages/hooks/use-send-message';
import { SettingsButton } from '@/features/settings/components/settings-button';
import { AppFrame } from '@/features/shell/components/app-frame';
import { QuickSwitcherLauncher } from '@/features/switcher/components/quick-switcher-launcher';
import { messages } from '@/config/messages';
import { channelLabel } from '@/lib/channel-label';
import { notifyIfHidden } from '@/lib/desktop-notifications';
import { queryKeys } from '@/lib/query-keys';
import type { Channel, Message } from '@/types/api';
import { useChannels } from '@/hooks/use-channels';
import { useRealtime } from '@/hooks/use-realtime';
import { useUnreadTitle } from '@/hooks/use-unread-title';
import { navigate, useLocation } from '@/lib/navigation';

interface ChatScreenProps {
  user: AuthUser;
  onSignOut: () => Promise<void>;
  onProfileSaved: () => void;
  focusHeading: boolean;
}

/** The signed-in screen: the frame filled with the channel lists and the open conversation. */
export function ChatScreen({ user, onSignOut, onProfileSaved, focusHeading }: ChatScreenProps) {
  const self = useMemo(
    () => ({ id: user.id, username: user.username, fullName: user.fullName, avatarURL: user.avatarURL }),
    [user.id, user.username, user.fullName, user.avatarURL],
  );
  const client = useQueryClient();
  const onIncomingMessage = useCallback(
    (message: Message) => {
      const channel =
        client.getQueryData<Channel>(queryKeys.channel(message.channelId)) ??
        client.getQueryData<Channel[]>(queryKeys.channels)?.find((c) => c.id === message.channelId);
      const where = channel ? channelLabel(channel, self.id) : messages.app.name;
      notifyIfHidden(messages.settings.notificationTitle(message.user.fullName, where), message.text, () =>
        navigate(message.channelId),
      );
    },
    [client, self.id],
  );
  useRealtime(self, { onIncomingMessage });
  useOutboxFlusher(self);
  const channels = useChannels();
  useUnreadTitle(channels.data);
  const { channelId } = useLocation();

  return (
    <AppFrame
      user={user}
      onSignOut={onSignOut}
      focusHeading={focusHeading && !channelId}
      notice={<ConnectionBanner />}
      sidebar={<ChannelSidebar selfId={user.id} />}
      headerActions={
        <>
          <QuickSwitcherLauncher selfId={user.id} />
          <SettingsButton onProfileSaved={onProfileSaved} />
        </>
      }
    >
      {channelId && (
        <Conversation
          key={channelId}
          channelId={channelId}
          self={self}
          headerActions={<ChannelSettingsButton channelId={channelId} selfId={user.id} />}
        />
      )}
    </AppFrame>
  );
}
