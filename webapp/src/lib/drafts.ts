/**
 * Unsent text per person, conversation and thread, kept in localStorage so that switching channel and back,
 * or reloading, keeps what was being written. Signing out (or a session that could not be renewed) clears the
 * signed-out person's drafts: a shared browser keeps nothing of theirs.
 */
import { storageKeys } from '@/config/constants';
import { getSession, subscribeSession } from './session';

type Drafts = Record<string, Record<string, string>>;

function read(): Drafts {
  try {
    const raw = window.localStorage.getItem(storageKeys.drafts);
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    return parsed && typeof parsed === 'object' ? (parsed as Drafts) : {};
  } catch {
    return {};
  }
}

function write(drafts: Drafts): void {
  try {
    if (Object.keys(drafts).length === 0) window.localStorage.removeItem(storageKeys.drafts);
    else window.localStorage.setItem(storageKeys.drafts, JSON.stringify(drafts));
  } catch {
    // Storage full or blocked: the draft lives as long as the page.
  }
}

/** Where a draft belongs: a conversation, or one thread in it. */
export function draftKey(channelId: string, threadId?: string | null): string {
  return threadId ? `${channelId}/t/${threadId}` : channelId;
}

export function getDraft(userId: string, key: string): string {
  return read()[userId]?.[key] ?? '';
}

export function setDraft(userId: string, key: string, text: string): void {
  const drafts = read();
  const own = { ...(drafts[userId] ?? {}) };
  if (text.trim()) own[key] = text;
  else delete own[key];
  if (Object.keys(own).length > 0) drafts[userId] = own;
  else delete drafts[userId];
  write(drafts);
}

export function clearDrafts(userId: string): void {
  const drafts = read();
  delete drafts[userId];
  write(drafts);
}

// A session that ends (sign-out, or a renewal the server refused) takes its person's drafts with it. A page
// that loads signed out has had no session yet, so a reload keeps them.
let signedIn: string | null = getSession()?.userId ?? null;
subscribeSession(() => {
  const now = getSession()?.userId ?? null;
  if (signedIn && now !== signedIn) clearDrafts(signedIn);
  signedIn = now;
});
