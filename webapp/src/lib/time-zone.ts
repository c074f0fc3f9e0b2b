/**
 * Time zones: the browser's own, the list Settings offers, and a person's local time ("14:05") for the
 * header of a direct conversation. Zones are IANA ids (Europe/Paris), as the server keeps them.
 */
import { storageKeys } from '@/config/constants';
import { formatLocales } from '@/config/locale';

/** The browser's zone, or null when the runtime does not say (then nothing is sent). */
export function browserTimeZone(): string | null {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
  } catch {
    return null;
  }
}

/** Every zone the browser knows, sorted; always includes the given ones (the saved zone may be rarer). */
export function timeZoneChoices(...include: (string | null | undefined)[]): string[] {
  let known: string[];
  try {
    known = Intl.supportedValuesOf('timeZone');
  } catch {
    known = [];
  }
  const all = new Set(known);
  for (const zone of include) if (zone) all.add(zone);
  return [...all].sort();
}

/** "14:05" in the given zone, in the reader's own clock style; null for a zone the browser does not know. */
export function localTimeIn(zone: string, now: Date = new Date()): string | null {
  try {
    return new Intl.DateTimeFormat(formatLocales, {
      hour: 'numeric',
      minute: '2-digit',
      timeZone: zone,
    }).format(now);
  } catch {
    return null;
  }
}

const choiceKey = (userId: string) => `${storageKeys.timeZoneChosen}.${userId}`;

/** Whether the person picked a zone in Settings in this browser (then the browser's zone is not sent). */
export function timeZoneChosen(userId: string): boolean {
  try {
    return window.localStorage.getItem(choiceKey(userId)) === '1';
  } catch {
    return false;
  }
}

export function rememberTimeZoneChoice(userId: string, chosen: boolean): void {
  try {
    if (chosen) window.localStorage.setItem(choiceKey(userId), '1');
    else window.localStorage.removeItem(choiceKey(userId));
  } catch {
    // Private modes may refuse storage; the browser's zone then wins again on the next start.
  }
}

/** The zone to send at start: the browser's, when it differs from the saved one and none was chosen. */
export function timeZoneToSync(userId: string, saved: string | null | undefined): string | null {
  if (timeZoneChosen(userId)) return null;
  const zone = browserTimeZone();
  return zone && zone !== saved ? zone : null;
}
