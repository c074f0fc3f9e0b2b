/** The signed-in page's one socket client and its connection status, for hooks that send or show it. */
import { useSyncExternalStore } from 'react';
import type { ClientFrame, ConnectionStatus, SocketClient } from './socket-client';

let client: SocketClient | null = null;
let status: ConnectionStatus = 'idle';
const listeners = new Set<() => void>();
const openListeners = new Set<() => void>();

export function setRealtimeClient(next: SocketClient | null): void {
  client = next;
}

export function setConnectionStatus(next: ConnectionStatus): void {
  status = next;
  listeners.forEach((listener) => listener());
}

export function notifyOpen(): void {
  openListeners.forEach((listener) => listener());
}

/** Runs after every (re)connection, e.g. to send what was written offline. */
export function onConnectionOpen(listener: () => void): () => void {
  openListeners.add(listener);
  return () => openListeners.delete(listener);
}

export function sendFrame(frame: ClientFrame): boolean {
  return client?.send(frame) ?? false;
}

export function getConnectionStatus(): ConnectionStatus {
  return status;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useConnectionStatus(): ConnectionStatus {
  return useSyncExternalStore(subscribe, getConnectionStatus, () => 'idle' as const);
}
