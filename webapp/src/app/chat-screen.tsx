import { useQueryClient } from '@tanstack/react-query';
import { Suspense, lazy, useCallback, useMemo } from 'react';
import { ConnectionBanner } from '@/components/connection-banner';
import { Spinner } from '@/components/spinner';
import { AdminNotAllowed } from '@/features/admin/components/admin-not-allowed';
import { currentUserQueryOptions } from '@/features/auth/api/get-current-user';
import { ChannelSettingsButton } from '@/features/channels/components/channel-settings-button';
import { ChannelSidebar } from '@/features/channels/components/channel-sidebar';
import { Conversation } from '@/features/messages/components/conversation';
import { useOutboxFlusher } from '@/features/messages/hooks/use-send-message';
import { PeopleButton } from '@/features/people/components/people-button';
import { ProfileCardHost } from '@/features/people/components/profile-card-host';
import { SettingsButton } from '@/features/settings/components/settings-button';
import { useTimeZoneSync } from '@/features/settings/hooks/use-time-zone-sync';
import { AppFrame } from '@/features/shell/components/app-frame';
import { messages } from '@/config/messages';
import { notifyIfHidden } from '@/lib/desktop-notifications';
import { notificationTitle, shouldNotify } from '@/lib/notification-rules';
import { queryKeys } from '@/lib/query-keys';
import type { Channel, CurrentUser, Message } from '@/types/api';
import { useChannels } from '@/hooks/use-channels';
import { QuickSwitcherLauncher } from './quick-switcher-launcher';
import { useRealtime } from './use-realtime';
import { useUnreadTitle } from '@/hooks/use-unread-title';
import { adminHash, navigate, useLocation } from '@/lib/navigation';

// Only admins ever need it, so it is not part of the initial download.
const AdminPage = lazy(() =>
  import('@/features/admin/components/admin-page').then((m) => ({ default: m.AdminPage })),
);

/** #/admin: the page for admins, a refusal for everyone else. */
function AdminArea({ isAdmin }: { isAdmin: boolean }) {
  if (!isAdmin) return <AdminNotAllowed />;
  return (
    <Suspense fallback={<Spinner label={messages.admin.loadingPage} labelVisible />}>
      <AdminPage />
    </Suspense>
  );
}

interface ChatScreenProps {
  /** The signed-in person, from the query cache: a change saved or announced anywhere shows here at once. */
  user: CurrentUser;
  onSignOut: () => Promise<void>;
  focusHeading: boolean;
}

/** The signed-in screen: the frame filled with the channel lists and the open conversation. */
export function ChatScreen({ user, onSignOut, focusHeading }: ChatScreenProps) {
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
      // Read when a message comes, so that a level saved in Settings counts at once without a new socket.
      const settings = client.getQueryData(currentUserQueryOptions().queryKey)?.notifications;
      if (!shouldNotify(message, channel, settings, self.username)) return;
      notifyIfHidden(notificationTitle(message, channel, self.id), message.text, () =>
        navigate(message.channelId),
      );
    },
    [client, self.id, self.username],
  );
  useTimeZoneSync(user);
  useRealtime(self, { onIncomingMessage });
  useOutboxFlusher(self);
  const channels = useChannels();
  useUnreadTitle(channels.data);
  const { channelId, admin } = useLocation();
  const isAdmin = user.role === 'admin';

  const content = admin ? (
    <AdminArea isAdmin={isAdmin} />
  ) : channelId ? (
    <Conversation
      key={channelId}
      channelId={channelId}
      self={self}
      isAdmin={isAdmin}
      headerActions={<ChannelSettingsButton channelId={channelId} selfId={user.id} isAdmin={isAdmin} />}
    />
  ) : null;

  // The card host sits beside the frame: the frame shows its welcome when it is given no content.
  return (
    <>
      <ProfileCardHost selfId={user.id} />
      <AppFrame
        user={user}
        onSignOut={onSignOut}
        focusHeading={focusHeading && !channelId && !admin}
        notice={<ConnectionBanner />}
        sidebar={<ChannelSidebar selfId={user.id} directActions={<PeopleButton />} />}
        headerActions={
          <>
            {isAdmin && (
              <a href={adminHash} className="button button--quiet" aria-current={admin ? 'page' : undefined}>
                {messages.admin.open}
              </a>
            )}
            <QuickSwitcherLauncher selfId={user.id} selfName={user.username} />
            <SettingsButton me={user} />
          </>
        }
      >
        {content}
      </AppFrame>
    </>
  );
}
