import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  browserTimeZone,
  localTimeIn,
  rememberTimeZoneChoice,
  timeZoneChoices,
  timeZoneToSync,
} from '../time-zone';

describe('time zones', () => {
  afterEach(() => {
    window.localStorage.clear();
    vi.restoreAllMocks();
  });

  it("shows a person's local time in their zone, half-hour offsets included", () => {
    // 08:35 UTC is 14:05 in Kolkata (UTC+5:30) and 03:35 in New York (UTC-5 in January).
    const at = new Date('2026-01-15T08:35:00Z');
    expect(localTimeIn('Asia/Kolkata', at)).toMatch(/^(14:05|2:05\sPM)$/);
    expect(localTimeIn('America/New_York', at)).toMatch(/^(03:35|3:35\sAM)$/);
    expect(localTimeIn('Mars/Olympus_Mons', at)).toBeNull();
  });

  it("sends the browser's zone only when it differs from the saved one and the person did not pick one", () => {
    vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions').mockReturnValue({
      ...new Intl.DateTimeFormat().resolvedOptions(),
      timeZone: 'Europe/Paris',
    });
    expect(browserTimeZone()).toBe('Europe/Paris');
    expect(timeZoneToSync('u-1', null)).toBe('Europe/Paris');
    expect(timeZoneToSync('u-1', 'Asia/Tokyo')).toBe('Europe/Paris');
    expect(timeZoneToSync('u-1', 'Europe/Paris')).toBeNull();

    rememberTimeZoneChoice('u-1', true);
    expect(timeZoneToSync('u-1', 'Asia/Tokyo')).toBeNull();
    // The choice is the person's own: another account in the same browser still follows the browser.
    expect(timeZoneToSync('u-2', 'Asia/Tokyo')).toBe('Europe/Paris');
    rememberTimeZoneChoice('u-1', false);
    expect(timeZoneToSync('u-1', 'Asia/Tokyo')).toBe('Europe/Paris');
  });

  it('offers every known zone, sorted, with the saved one even if the browser lacks it', () => {
    const zones = timeZoneChoices('Etc/Unknown_Saved');
    expect(zones).toContain('Europe/Paris');
    expect(zones).toContain('Etc/Unknown_Saved');
    expect([...zones].sort()).toEqual(zones);
  });
});
