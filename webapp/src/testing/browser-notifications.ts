import { vi } from 'vitest';
import { storageKeys } from '@/config/constants';

/** A stand-in for the browser's Notification API that records what it was asked to show. */
export function stubNotifications(permission: NotificationPermission) {
  const shown: FakeNotification[] = [];
  class FakeNotification {
    static permission = permission;
    static requestPermission = vi.fn(async () => permission);
    onclick: (() => void) | null = null;
    close = vi.fn();
    readonly title: string;
    readonly options: NotificationOptions;
    constructor(title: string, options: NotificationOptions = {}) {
      this.title = title;
      this.options = options;
      shown.push(this);
    }
  }
  vi.stubGlobal('Notification', FakeNotification);
  return { shown, FakeNotification };
}

/** The tab as visible or hidden (in the background), as the page sees it. */
export function setVisibility(state: DocumentVisibilityState) {
  vi.spyOn(document, 'visibilityState', 'get').mockReturnValue(state);
  vi.spyOn(document, 'hidden', 'get').mockReturnValue(state !== 'visible');
}

/** The person turned desktop notifications on in Settings. */
export const turnedOn = () => window.localStorage.setItem(storageKeys.desktopNotifications, 'on');
