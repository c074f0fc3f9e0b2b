/**
 * Which channel (and which thread) is open, kept in the address (#/c/<channel>/t/<message>) so that a reload
 * or a shared link opens the same place, and the browser's Back button works. #/c/<channel>/m/<seq> opens the
 * channel at one message (a search result). #/admin is the admin page.
 */
import { useSyncExternalStore } from 'react';

export interface Location {
  channelId: string | null;
  threadId: string | null;
  /** The message to show and highlight (#/c/<channel>/m/<seq>), if any. */
  messageSeq?: number | null;
  /** The admin page is open (#/admin). */
  admin: boolean;
}

const pattern = /^#\/c\/([^/]+)(?:\/t\/([^/]+)|\/m\/(\d{1,15}))?$/;
export const adminHash = '#/admin';
const nowhere: Location = { channelId: null, threadId: null, admin: false };
let cached: { hash: string; location: Location } | null = null;

function read(): Location {
  const hash = window.location.hash;
  if (cached?.hash === hash) return cached.location;
  const match = pattern.exec(hash);
  const location = {
    channelId: match ? decodeURIComponent(match[1]) : null,
    threadId: match?.[2] ? decodeURIComponent(match[2]) : null,
    messageSeq: match?.[3] ? Number(match[3]) : null,
    admin: hash === adminHash,
  };
  cached = { hash, location };
  return location;
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

export function getLocation(): Location {
  return read();
}

export function navigate(
  channelId: string | null,
  threadId: string | null = null,
  messageSeq?: number,
): void {
  const hash = hashFor(channelId, threadId, messageSeq);
  if (hash === window.location.hash) return;
  window.location.hash = hash;
}

function hashFor(channelId: string | null, threadId: string | null = null, messageSeq?: number): string {
  const where = threadId
    ? `/t/${encodeURIComponent(threadId)}`
    : messageSeq !== undefined
      ? `/m/${messageSeq}`
      : '';
  return channelId ? `#/c/${encodeURIComponent(channelId)}${where}` : '';
}

/** Opens the conversation at a message (highlighted), or a reply in its thread: what choosing a listed one does. */
export function openMessage(message: { channelId: string; seq: number; parentId?: string | null }): void {
  if (message.parentId) navigate(message.channelId, message.parentId);
  else navigate(message.channelId, null, message.seq);
}

/**
 * The address of one message, to share: it opens the conversation at the message (highlighted) for anyone who
 * may read it; a reply opens its thread.
 */
export function messageLink(message: { channelId: string; seq: number; parentId?: string | null }): string {
  const hash = message.parentId
    ? hashFor(message.channelId, message.parentId)
    : hashFor(message.channelId, null, message.seq);
  return `${window.location.origin}${window.location.pathname}${hash}`;
}

export function useLocation(): Location {
  return useSyncExternalStore(subscribe, read, () => nowhere);
}
