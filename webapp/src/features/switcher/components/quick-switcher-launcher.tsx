import { Suspense, lazy, useEffect, useState } from 'react';
import { messages } from '@/config/messages';
import './quick-switcher.css';

const QuickSwitcher = lazy(() => import('./quick-switcher').then((m) => ({ default: m.QuickSwitcher })));

/** The Find button in the banner, and Ctrl+K / Cmd+K anywhere. */
export function QuickSwitcherLauncher({ selfId }: { selfId: string }) {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setOpen(true);
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
  return (
    <>
      <button
        type="button"
        className="quick-switcher-launcher"
        aria-keyshortcuts="Control+K Meta+K"
        onClick={() => setOpen(true)}
      >
        <span aria-hidden="true">⌕ </span>
        <span className="quick-switcher-launcher__text">{messages.switcher.open}</span>
        <kbd className="quick-switcher-launcher__kbd" aria-hidden="true">
          {messages.switcher.openHint}
        </kbd>
      </button>
      <Suspense fallback={null}>
        {open && <QuickSwitcher selfId={selfId} onClose={() => setOpen(false)} />}
      </Suspense>
    </>
  );
}
