/** Desktop notifications while the tab is hidden: the person turns them on in settings (asking permission). */
import { storageKeys } from '@/config/constants';

export function notificationsSupported(): boolean {
  return typeof window !== 'undefined' && 'Notification' in window;
}

export function desktopNotificationsEnabled(): boolean {
  try {
    return (
      notificationsSupported() &&
      Notification.permission === 'granted' &&
      window.localStorage.getItem(storageKeys.desktopNotifications) === 'on'
    );
  } catch {
    return false;
  }
}

/** Resolves to whether notifications are now on. */
export async function setDesktopNotifications(on: boolean): Promise<boolean> {
  let granted = false;
  if (on && notificationsSupported()) {
    granted = (await Notification.requestPermission()) === 'granted';
  }
  try {
    window.localStorage.setItem(storageKeys.desktopNotifications, on && granted ? 'on' : 'off');
  } catch {
    // not remembered
  }
  return on && granted;
}

export function notifyIfHidden(title: string, body: string, onClick: () => void): void {
  if (document.visibilityState === 'visible' || !desktopNotificationsEnabled()) return;
  const notification = new Notification(title, { body, tag: title });
  notification.onclick = () => {
    window.focus();
    onClick();
    notification.close();
  };
}
