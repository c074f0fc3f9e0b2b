import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  onRefreshDue,
  parseExpiresAt,
  refreshDelayMs,
  sessionFromAuthResponse,
  setSession,
} from '@/lib/session';
import { authResponse } from '@/testing/test-utils';

const now = Date.parse('2026-11-23T12:00:00Z');

describe('refreshDelayMs', () => {
  it('renews about a minute before the token expires', () => {
    expect(refreshDelayMs(now + 15 * 60_000, now)).toBe(14 * 60_000);
  });

  it('renews half-way through the life of a short-lived token', () => {
    expect(refreshDelayMs(now + 90_000, now)).toBe(45_000);
  });

  it('never schedules sooner than a few seconds, even for an expired token', () => {
    expect(refreshDelayMs(now - 60_000, now)).toBe(5_000);
  });

  it('schedules nothing when expiresAt is unreadable', () => {
    expect(refreshDelayMs(parseExpiresAt('soon'), now)).toBeUndefined();
  });
});

describe('parseExpiresAt', () => {
  it('reads ISO-8601 strings and epoch seconds or milliseconds', () => {
    expect(parseExpiresAt('2026-11-23T12:00:00Z')).toBe(now);
    expect(parseExpiresAt(now / 1000)).toBe(now);
    expect(parseExpiresAt(now)).toBe(now);
  });
});

describe('setSession', () => {
  afterEach(() => {
    onRefreshDue(null);
    vi.useRealTimers();
  });

  it('asks for a renewal a minute before expiresAt', () => {
    vi.useFakeTimers({ now });
    const due = vi.fn();
    onRefreshDue(due);

    setSession(
      sessionFromAuthResponse(authResponse({ expiresAt: new Date(now + 10 * 60_000).toISOString() })),
    );

    vi.advanceTimersByTime(9 * 60_000 - 1);
    expect(due).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(due).toHaveBeenCalledOnce();
  });

  it('cancels the renewal when the session ends', () => {
    vi.useFakeTimers({ now });
    const due = vi.fn();
    onRefreshDue(due);

    setSession(
      sessionFromAuthResponse(authResponse({ expiresAt: new Date(now + 10 * 60_000).toISOString() })),
    );
    setSession(null);

    vi.advanceTimersByTime(60 * 60_000);
    expect(due).not.toHaveBeenCalled();
  });
});
