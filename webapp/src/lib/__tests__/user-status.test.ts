import { describe, expect, it } from 'vitest';
import { expiryFor, statusLine, statusUntil } from '../user-status';

describe('custom status', () => {
  it('reads as the emoji and the text, either alone, or nothing', () => {
    expect(statusLine({ emoji: '🌴', text: 'On vacation', expiresAt: null })).toBe('🌴 On vacation');
    expect(statusLine({ emoji: null, text: 'Heads down', expiresAt: null })).toBe('Heads down');
    expect(statusLine({ emoji: '🤒', text: null, expiresAt: null })).toBe('🤒');
    expect(statusLine(null)).toBe('');
  });

  it('says until when, by the clock today and with the weekday this week', () => {
    const now = new Date(2026, 11, 7, 9, 0);
    const today = statusUntil(
      { emoji: null, text: 'x', expiresAt: new Date(2026, 11, 7, 17, 30).toISOString() },
      now,
    );
    expect(today).toMatch(/^until 5:30\sPM$/);
    const friday = statusUntil(
      { emoji: null, text: 'x', expiresAt: new Date(2026, 11, 11, 17, 30).toISOString() },
      now,
    );
    expect(friday).toMatch(/^until Fri 5:30\sPM$/);
    expect(statusUntil({ emoji: null, text: 'x', expiresAt: null }, now)).toBeNull();
  });

  it('clears after the chosen time, at the end of today or of the week (Sunday), never for "do not clear"', () => {
    const monday = new Date(2026, 11, 7, 9, 0);
    expect(expiryFor('30m', monday)?.getTime()).toBe(monday.getTime() + 30 * 60_000);
    expect(expiryFor('4h', monday)?.getTime()).toBe(monday.getTime() + 4 * 3_600_000);
    expect(expiryFor('today', monday)).toEqual(new Date(2026, 11, 7, 23, 59));
    expect(expiryFor('week', monday)).toEqual(new Date(2026, 11, 13, 23, 59));
    expect(expiryFor('never', monday)).toBeUndefined();
    // A minute before midnight "today" is over: half an hour instead, never a time in the past.
    const late = new Date(2026, 11, 13, 23, 59, 30);
    expect(expiryFor('today', late)?.getTime()).toBe(late.getTime() + 30 * 60_000);
    expect(expiryFor('week', late)?.getTime()).toBe(late.getTime() + 30 * 60_000);
  });
});
