/**
 * The signed-in session, held in memory only: the access token never touches localStorage or
 * sessionStorage, so a script injected into the page cannot read it after a reload. Reloads recover the
 * session through the HttpOnly refresh cookie (see refreshSession in api-client.ts).
 */
import { minRefreshDelayMs, refreshLeadMs } from '@/config/constants';
import type { AuthResponse } from '@/types/api';

/**
 * The token and whose it is, nothing more: everything about the person (name, picture, role, whether a new
 * password is due) is the query cache's entry for GET /api/users/me, the one copy every screen reads.
 */
export interface Session {
  token: string;
  /** Whose token it is: drafts are kept per person, and a session passing to someone else starts afresh. */
  userId: string;
  /** Epoch milliseconds, or NaN when the server sent something unreadable. */
  expiresAt: number;
}

type Listener = () => void;

/** setTimeout takes a signed 32-bit delay; anything longer fires at once. */
const maxTimerDelayMs = 2 ** 31 - 1;

let current: Session | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;
let refreshHandler: (() => void) | null = null;
const listeners = new Set<Listener>();

export function parseExpiresAt(value: string | number): number {
  if (typeof value === 'number') return value < 1e12 ? value * 1000 : value;
  return Date.parse(value);
}

export function sessionFromAuthResponse(response: AuthResponse): Session {
  return {
    token: response.token,
    userId: response.userId,
    expiresAt: parseExpiresAt(response.expiresAt),
  };
}

/** How long to wait before renewing a token that expires at expiresAt: about a minute before it does. */
export function refreshDelayMs(expiresAt: number, now: number = Date.now()): number | undefined {
  if (!Number.isFinite(expiresAt)) return undefined;
  const remaining = expiresAt - now;
  // A token that lives less than two lead times is renewed half-way through its life instead.
  const delay = remaining > 2 * refreshLeadMs ? remaining - refreshLeadMs : remaining / 2;
  return Math.min(Math.max(delay, minRefreshDelayMs), maxTimerDelayMs);
}

export function getSession(): Session | null {
  return current;
}

export function getAccessToken(): string | null {
  return current?.token ?? null;
}

export function subscribeSession(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Registers what runs when the token is about to expire (api-client.ts registers refreshSession). */
export function onRefreshDue(handler: (() => void) | null): void {
  refreshHandler = handler;
}

/** Schedules the next renewal in delayMs (or cancels it with undefined). */
export function scheduleRefresh(delayMs: number | undefined): void {
  clearTimeout(timer);
  timer = undefined;
  if (delayMs === undefined || current === null) return;
  timer = setTimeout(() => {
    timer = undefined;
    refreshHandler?.();
  }, delayMs);
}

export function setSession(next: Session | null): void {
  current = next;
  scheduleRefresh(next ? refreshDelayMs(next.expiresAt) : undefined);
  listeners.forEach((listener) => listener());
}

/** Why the session ended, when the server said so (shown once on the sign-in screen). */
export type SignOutReason = 'disabled' | 'ended' | 'password-changed';

let signOutReason: SignOutReason | null = null;

export function setSignOutReason(reason: SignOutReason | null): void {
  signOutReason = reason;
}

/** The reason, once: a later sign-out without one is not explained by an old one. */
export function takeSignOutReason(): SignOutReason | null {
  const reason = signOutReason;
  signOutReason = null;
  return reason;
}

/** Reads the reason of a socket close such as 1008 "Session ended: account disabled". */
export function signOutReasonOf(code: number, reason: string): SignOutReason | null {
  if (code !== 1008 || !reason.startsWith('Session ended')) return null;
  if (reason.includes('disabled')) return 'disabled';
  if (reason.includes('password')) return 'password-changed';
  if (reason.includes('signed out')) return null;
  return 'ended';
}
