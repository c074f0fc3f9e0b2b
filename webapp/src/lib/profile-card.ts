/**
 * Which person's profile card is open. Anything that shows a person (a message's author, the people directory)
 * opens the card by id; the one card host in the app frame shows it. A store rather than props, so the message
 * rows need no new handler threaded through the conversation, the thread panel and the search results.
 */
import { useSyncExternalStore } from 'react';

let openUserId: string | null = null;
const listeners = new Set<() => void>();

function publish(next: string | null): void {
  openUserId = next;
  listeners.forEach((listener) => listener());
}

export function openProfileCard(userId: string): void {
  publish(userId);
}

export function closeProfileCard(): void {
  publish(null);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The id of the person whose card is open, or null. */
export function useOpenProfileCard(): string | null {
  return useSyncExternalStore(subscribe, () => openUserId);
}
