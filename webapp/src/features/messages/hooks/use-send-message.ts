import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import {
  type OutboxEntry,
  addToOutbox,
  getOutbox,
  newClientMessageId,
  removeFromOutbox,
  setOutboxStatus,
} from '@/lib/outbox';
import { ApiError } from '@/lib/problem';
import type { Attachment } from '@/types/api';
import { getConnectionStatus, onConnectionOpen } from '@/lib/realtime';
import { bumpReplyCount, noteNewMessage, upsertMessage, withOwnReactions } from '../api/message-cache';
import { postMessage } from '../api/post-message';

export interface Self {
  id: string;
  username: string;
}

/** Entries being sent or waiting for the ones before them in their channel. */
const inFlight = new Set<string>();
/**
 * Per channel, the last delivery in line: a channel's messages are posted one at a time, in the order they
 * were written, so that one written while the server was away is not overtaken by one written after it.
 * Resolves to false when that delivery went back to the queue (no connection): the ones behind it wait too.
 */
const lines = new Map<string, Promise<boolean>>();

async function deliver(client: QueryClient, entry: OutboxEntry, self: Self): Promise<boolean> {
  setOutboxStatus(entry.clientMessageId, 'sending');
  try {
    const message = withOwnReactions(
      await postMessage(entry.channelId, {
        text: entry.text,
        clientMessageId: entry.clientMessageId,
        parentId: entry.parentId ?? undefined,
        ...(entry.attachments?.length ? { attachmentIds: entry.attachments.map((a) => a.id) } : {}),
      }),
      self.id,
    );
    if (upsertMessage(client, message)) bumpReplyCount(client, message);
    noteNewMessage(client, message, self, true);
    removeFromOutbox(entry.clientMessageId);
    return true;
  } catch (error) {
    const offline = error instanceof ApiError && error.isUnavailable;
    setOutboxStatus(entry.clientMessageId, offline ? 'queued' : 'failed');
    return !offline;
  }
}

function enqueue(client: QueryClient, entry: OutboxEntry, self: Self): void {
  const id = entry.clientMessageId;
  if (inFlight.has(id)) return;
  inFlight.add(id);
  const before = lines.get(entry.channelId) ?? Promise.resolve(true);
  const mine = before
    .then((open) => {
      if (open) return deliver(client, entry, self);
      setOutboxStatus(id, 'queued');
      return false;
    })
    .finally(() => inFlight.delete(id));
  lines.set(entry.channelId, mine);
  void mine.then(() => {
    if (lines.get(entry.channelId) === mine) lines.delete(entry.channelId);
  });
}

/** Sends what waits in the outbox for a channel (or every channel), oldest first; failed ones wait for Retry. */
function flushOutbox(client: QueryClient, self: Self, channelId?: string): void {
  getOutbox()
    .filter(
      (e) =>
        e.userId === self.id &&
        e.status !== 'failed' &&
        (channelId === undefined || e.channelId === channelId),
    )
    .forEach((e) => enqueue(client, e, self));
}

/** Posts a new message optimistically through the outbox. */
export function useSendMessage(self: Self) {
  const client = useQueryClient();
  const send = useCallback(
    (channelId: string, text: string, parentId: string | null = null, attachments: Attachment[] = []) => {
      const entry: OutboxEntry = {
        clientMessageId: newClientMessageId(),
        userId: self.id,
        channelId,
        parentId,
        text,
        ...(attachments.length ? { attachments } : {}),
        createdAt: new Date().toISOString(),
        status: 'sending',
      };
      addToOutbox(entry);
      if (!navigator.onLine) {
        setOutboxStatus(entry.clientMessageId, 'queued');
        return;
      }
      // Whatever still waits in this channel goes first.
      flushOutbox(client, self, channelId);
    },
    [client, self],
  );
  const retry = useCallback((entry: OutboxEntry) => enqueue(client, entry, self), [client, self]);
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
    const flush = () => flushOutbox(client, me);
    if (getConnectionStatus() === 'open') flush();
    const off = onConnectionOpen(flush);
    window.addEventListener('online', flush);
    return () => {
      off();
      window.removeEventListener('online', flush);
    };
  }, [client, selfId, username]);
}
