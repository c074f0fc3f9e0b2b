import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { apiPaths, pingIntervalMs, socketProtocol, typingExpiryMs } from '@/config/constants';
import { refreshSession } from '@/lib/api-client';
import { removeChannel } from '@/features/channels/api/channel-cache';
import {
  bumpReplyCount,
  noteNewMessage,
  setChannelRead,
  setReceipt,
  setSaved,
  setTyping,
  updatePins,
  upsertForReader,
  upsertMessage,
  withOwnReactions,
} from '@/features/messages/api/message-cache';
import { mergeChannel } from '@/hooks/use-channels';
import { refetchOnceSettled, setPresence, setUserStatus } from '@/lib/cache-updates';
import { getLocation } from '@/lib/navigation';
import { setSignOutReason, signOutReasonOf } from '@/lib/session';
import { queryKeys } from '@/lib/query-keys';
import { notifyOpen, setConnectionStatus, setRealtimeClient } from '@/lib/realtime';
import { SocketClient } from '@/lib/socket-client';
import type { Channel, ChannelEvent, Message, ServerFrame } from '@/types/api';

export interface RealtimeSelf {
  id: string;
  username: string;
}

export interface RealtimeCallbacks {
  /** A new message from someone else arrived (for desktop notifications). */
  onIncomingMessage?: (message: Message) => void;
}

function socketUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}${apiPaths.socket}`;
}

function applyChannelEvent(
  client: QueryClient,
  event: ChannelEvent,
  self: RealtimeSelf,
  cb: RealtimeCallbacks,
) {
  switch (event.type) {
    case 'message.new': {
      const message = withOwnReactions(event.message, self.id);
      refetchOnceSettled(client, queryKeys.messages(message.channelId));
      refetchOnceSettled(client, queryKeys.channels);
      const isNew = upsertMessage(client, message);
      if (isNew) bumpReplyCount(client, message);
      const reading = getLocation().channelId === message.channelId && document.visibilityState === 'visible';
      noteNewMessage(client, message, self, reading);
      if (message.user.id !== self.id) {
        setTyping(client, message.channelId, message.user.id, false);
        cb.onIncomingMessage?.(message);
      }
      break;
    }
    case 'message.updated':
    case 'message.deleted':
    case 'reaction.new':
    case 'reaction.deleted':
      refetchOnceSettled(client, queryKeys.messages(event.message.channelId));
      upsertForReader(client, event.message, self.id);
      updatePins(client, event.message);
      break;
    case 'channel.updated':
      mergeChannel(client, event.channel);
      break;
    case 'member.added':
    case 'member.removed':
      if (event.type === 'member.removed' && event.userId === self.id) {
        removeChannel(client, event.channelId);
      } else {
        mergeChannel(client, event.channel);
        void client.invalidateQueries({ queryKey: queryKeys.channel(event.channelId) });
      }
      break;
  }
}

const typingTimers = new Map<string, ReturnType<typeof setTimeout>>();

function applyFrame(client: QueryClient, frame: ServerFrame, self: RealtimeSelf) {
  switch (frame.type) {
    case 'user.presence.changed':
      setPresence(client, frame.user);
      break;
    case 'typing.start':
    case 'typing.stop': {
      if (frame.userId === self.id) break;
      const key = `${frame.channelId}/${frame.userId}`;
      clearTimeout(typingTimers.get(key));
      const typing = frame.type === 'typing.start';
      setTyping(client, frame.channelId, frame.userId, typing);
      if (typing) {
        typingTimers.set(
          key,
          setTimeout(() => setTyping(client, frame.channelId, frame.userId, false), typingExpiryMs),
        );
      }
      break;
    }
    case 'channel.created':
      mergeChannel(client, frame.channel);
      break;
    case 'read.updated':
      if (frame.userId === self.id) setChannelRead(client, frame.channelId, frame.seq);
      break;
    case 'receipt.updated':
      setReceipt(client, frame.channelId, { userId: frame.userId, seq: frame.seq });
      break;
    case 'user.status.changed':
      setUserStatus(client, frame.user.id, frame.user.status);
      break;
    case 'saved.updated':
      if (frame.userId === self.id) setSaved(client, frame.channelId, frame.messageId, frame.saved);
      break;
  }
}

/**
 * The one bridge from the socket to the cache: starts the socket client after sign-in, seeds its cursors from
 * the channel list, applies every event to the query cache and refetches a channel when asked to resync. It sits
 * in app/ because it hands each event to the cache rules of the feature that owns the entry (messages, channels)
 * or to the shared ones, and only app/ may import every feature.
 */
export function useRealtime(self: RealtimeSelf | null, callbacks: RealtimeCallbacks = {}): void {
  const client = useQueryClient();
  const selfId = self?.id ?? null;
  const username = self?.username ?? '';
  const { onIncomingMessage } = callbacks;

  useEffect(() => {
    if (!selfId) return;
    const me = { id: selfId, username };
    const socket = new SocketClient({
      url: socketUrl(),
      protocols: [socketProtocol],
      pingIntervalMs,
      onChannelEvent: (event) => applyChannelEvent(client, event, me, { onIncomingMessage }),
      onFrame: (frame) => applyFrame(client, frame, me),
      onResync: (channelId) => {
        void client.invalidateQueries({ queryKey: queryKeys.messages(channelId) });
        void client.invalidateQueries({ queryKey: queryKeys.channels });
      },
      onStatus: setConnectionStatus,
      onClose: (code, reason) => {
        // The server ended the session (an admin disabled the account or ended its sessions): the renewal
        // that follows fails, and the sign-in screen says why instead of showing a bare form.
        const why = signOutReasonOf(code, reason);
        if (why) {
          setSignOutReason(why);
          void refreshSession().catch(() => null);
        }
      },
      onOpen: () => {
        // What happened while we were away but cannot be replayed (new channels, read markers) comes by REST.
        void client.invalidateQueries({ queryKey: queryKeys.channels });
        notifyOpen();
      },
      beforeReconnect: () => refreshSession(),
    });
    const seed = (channels: Channel[] | undefined) =>
      channels?.forEach((c) => socket.seedCursor(c.id, c.lastSeq));
    seed(client.getQueryData<Channel[]>(queryKeys.channels));
    const unsubscribe = client.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.query.queryKey[0] === queryKeys.channels[0]) {
        seed(event.query.state.data as Channel[] | undefined);
      }
    });
    setRealtimeClient(socket);
    socket.start();
    const online = () => socket.reconnectNow();
    const offline = () => socket.dropConnection();
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
      unsubscribe();
      socket.stop();
      setRealtimeClient(null);
      setConnectionStatus('idle');
    };
  }, [client, selfId, username, onIncomingMessage]);
}
