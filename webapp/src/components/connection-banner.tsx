import { useSyncExternalStore } from 'react';
import { messages } from '@/config/messages';
import { useConnectionStatus } from '@/lib/realtime';
import './connection-banner.css';

const t = messages.connection;

function subscribeOnline(listener: () => void) {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}

/** Says so while the live connection is down; a status region, so screen readers hear it once. */
export function ConnectionBanner() {
  const status = useConnectionStatus();
  const online = useSyncExternalStore(
    subscribeOnline,
    () => navigator.onLine,
    () => true,
  );
  const text = !online ? t.offline : status === 'reconnecting' ? t.reconnecting : null;
  return (
    <div role="status" className={text ? 'connection-banner' : 'connection-banner connection-banner--hidden'}>
      {text}
    </div>
  );
}
