import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import { bumpReplyCount, noteNewMessage, upsertMessage, withOwnReactions } from '@/lib/cache-updates';
import { chatApi } from '@/lib/chat-api';
import {
  type OutboxEntry,
  addToOutbox,
  getOutbox,
  newClientMessageId,
  removeFromOutbox,
  setOutboxStatus,
} from '@/lib/outbox';
import { ApiError } from '@/lib/problem';
import { getConnectionStatus, onConnectionOpen } from '@/lib/realtime';

export interface Self {
  id: string;
  username: string;
}

const inFlight = new Set<string>();

async function deliver(client: QueryClient, entry: OutboxEntry, self: Self): Promise<void> {
  if (inFlight.has(entry.clientMessageId)) return;
  inFlight.add(entry.clientMessageId);
  setOutboxStatus(entry.clientMessageId, 'sending');
  try {
    const message = withOwnReactions(
      await chatApi.postMessage(entry.channelId, {
        text: entry.text,
        clientMessageId: entry.clientMessageId,
        parentId: entry.parentId ?? undefined,
      }),
      self.id,
    );
    if (upsertMessage(client, message)) bumpReplyCount(client, message);
    noteNewMessage(client, message, self, true);
    removeFromOutbox(entry.clientMessageId);
  } catch (error) {
    const offline = error instanceof ApiError && (error.isNetworkError || error.status === 503);
    setOutboxStatus(entry.clientMessageId, offline ? 'queued' : 'failed');
  } finally {
    inFlight.delete(entry.clientMessageId);
  }
}

/** Posts a new message optimistically through the outbox. */
export function useSendMessage(self: Self) {
  const client = useQueryClient();
  const send = useCallback(
    (channelId: string, text: string, parentId: string | null = null) => {
      const entry: OutboxEntry = {
        clientMessageId: newClientMessageId(),
        channelId,
        parentId,
        text,
        createdAt: new Date().toISOString(),
        status: 'sending',
      };
      addToOutbox(entry);
      if (!navigator.onLine) {
        setOutboxStatus(entry.clientMessageId, 'queued');
        return;
      }
      void deliver(client, entry, self);
    },
    [client, self],
  );
  const retry = useCallback((entry: OutboxEntry) => void deliver(client, entry, self), [client, self]);
  return { send, retry };
}

/** Sends what waits in the outbox at start and after every reconnection. */
export function useOutboxFlusher(self: Self | null) {
  const client = useQueryClient();
  const selfId = self?.id;
  const username = self?.username;
  useEffect(() => {
    if (!selfId || !username) return;
    const me = { id: selfId, username };
    const flush = () =>
      getOutbox()
        .filter((e) => e.status !== 'failed')
        .forEach((e) => void deliver(client, e, me));
    if (getConnectionStatus() === 'open') flush();
    const off = onConnectionOpen(flush);
    window.addEventListener('online', flush);
    return () => {
      off();
      window.removeEventListener('online', flush);
    };
  }, [client, selfId, username]);
}
