/**
 * Messages written but not yet acknowledged by the server, kept in localStorage so that nothing typed while
 * offline (or before a reload) is lost. Each has the clientMessageId it is posted with: the server answers a
 * repeated id with the first message, so sending again never makes a copy. Each entry names its author: on a
 * shared browser, what one person queued is shown to and sent by that person only, whoever signs in next.
 */
import { useMemo, useSyncExternalStore } from 'react';
import { storageKeys } from '@/config/constants';
import type { Attachment } from '@/types/api';

export type OutboxStatus = 'sending' | 'queued' | 'failed';

export interface OutboxEntry {
  clientMessageId: string;
  /** Who wrote it; only this user's session shows or sends it. */
  userId: string;
  channelId: string;
  parentId: string | null;
  text: string;
  /** Files uploaded before sending; posted by id with the message. */
  attachments?: Attachment[];
  createdAt: string;
  status: OutboxStatus;
}

const listeners = new Set<() => void>();
let entries: OutboxEntry[] = load();

function load(): OutboxEntry[] {
  try {
    const raw = window.localStorage.getItem(storageKeys.outbox);
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed)
      ? (parsed as OutboxEntry[]).filter(
          // Entries without an author (written before authors were recorded) cannot be sent safely.
          (e) => typeof e?.clientMessageId === 'string' && typeof e?.userId === 'string',
        )
      : [];
  } catch {
    return [];
  }
}

function commit(next: OutboxEntry[]): void {
  entries = next;
  try {
    window.localStorage.setItem(storageKeys.outbox, JSON.stringify(next));
  } catch {
    // Kept in memory for this page at least.
  }
  listeners.forEach((listener) => listener());
}

export function getOutbox(): OutboxEntry[] {
  return entries;
}

/** Reads localStorage again (tests, other tabs). */
export function reloadOutbox(): void {
  entries = load();
  listeners.forEach((listener) => listener());
}

export function addToOutbox(entry: OutboxEntry): void {
  commit([...entries.filter((e) => e.clientMessageId !== entry.clientMessageId), entry]);
}

export function setOutboxStatus(clientMessageId: string, status: OutboxStatus): void {
  commit(entries.map((e) => (e.clientMessageId === clientMessageId ? { ...e, status } : e)));
}

export function removeFromOutbox(clientMessageId: string): void {
  if (!entries.some((e) => e.clientMessageId === clientMessageId)) return;
  commit(entries.filter((e) => e.clientMessageId !== clientMessageId));
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The signed-in user's own waiting messages. */
export function useOutbox(userId: string): OutboxEntry[] {
  const all = useSyncExternalStore(subscribe, getOutbox, getOutbox);
  return useMemo(() => all.filter((e) => e.userId === userId), [all, userId]);
}

export function newClientMessageId(): string {
  return typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
