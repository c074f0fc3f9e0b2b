/** How a custom status reads: "🌴 On vacation", and when it clears ("until 18:00", "until Fri 18:00"). */
import { formatLocales } from '@/config/locale';
import { messages } from '@/config/messages';
import type { UserStatus } from '@/types/api';

const time = new Intl.DateTimeFormat(formatLocales, { hour: 'numeric', minute: '2-digit' });
const dayAndTime = new Intl.DateTimeFormat(formatLocales, {
  weekday: 'short',
  hour: 'numeric',
  minute: '2-digit',
});
const date = new Intl.DateTimeFormat(formatLocales, { dateStyle: 'medium' });

/** The status unless it has expired (a cached copy may outlive its expiry until the next fetch). */
export function currentStatus(
  status: UserStatus | null | undefined,
  now: Date = new Date(),
): UserStatus | null {
  if (!status || (status.expiresAt && new Date(status.expiresAt) <= now)) return null;
  return status;
}

/** The emoji and the text, as one line; empty when there is no status. */
export function statusLine(status: UserStatus | null | undefined): string {
  if (!status) return '';
  return [status.emoji, status.text].filter(Boolean).join(' ');
}

/** "until 18:00" today, "until Fri 18:00" within a week, "until 24 Dec 2026" later; null without an expiry. */
export function statusUntil(status: UserStatus | null | undefined, now: Date = new Date()): string | null {
  if (!status?.expiresAt) return null;
  const at = new Date(status.expiresAt);
  const sameDay = at.toDateString() === now.toDateString();
  const withinWeek = at.getTime() - now.getTime() < 6 * 86_400_000;
  return messages.status.until(
    sameDay ? time.format(at) : withinWeek ? dayAndTime.format(at) : date.format(at),
  );
}

export type ClearAfter = 'never' | '30m' | '1h' | '4h' | 'today' | 'week';

/** When a status chosen now with "clear after" should clear itself; undefined for never. */
export function expiryFor(choice: ClearAfter, now: Date = new Date()): Date | undefined {
  const minutes = (n: number) => new Date(now.getTime() + n * 60_000);
  switch (choice) {
    case '30m':
      return minutes(30);
    case '1h':
      return minutes(60);
    case '4h':
      return minutes(240);
    case 'today': {
      const end = new Date(now);
      end.setHours(23, 59, 0, 0);
      // A minute before midnight "today" is already over: keep the status a little while instead.
      return end.getTime() > now.getTime() ? end : minutes(30);
    }
    case 'week': {
      // The end of Sunday, the last day of the week where weeks start on Monday.
      const end = new Date(now);
      end.setDate(end.getDate() + ((7 - end.getDay()) % 7));
      end.setHours(23, 59, 0, 0);
      return end.getTime() > now.getTime() ? end : minutes(30);
    }
    default:
      return undefined;
  }
}
