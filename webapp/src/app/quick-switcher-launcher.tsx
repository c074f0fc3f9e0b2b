import { Suspense, lazy, useEffect, useState } from 'react';
import { AtIcon, BookmarkIcon, SearchIcon } from '@/components/icons';
import { messages } from '@/config/messages';
import './quick-switcher-launcher.css';

const QuickSwitcher = lazy(() =>
  import('@/features/switcher/components/quick-switcher').then((m) => ({ default: m.QuickSwitcher })),
);
const SearchDialog = lazy(() =>
  import('@/features/search/components/search-dialog').then((m) => ({ default: m.SearchDialog })),
);
const MentionsDialog = lazy(() =>
  import('@/features/search/components/mentions-dialog').then((m) => ({ default: m.MentionsDialog })),
);
const SavedDialog = lazy(() =>
  import('@/features/messages/components/saved-dialog').then((m) => ({ default: m.SavedDialog })),
);

/**
 * The Find, Mentions and Saved buttons in the banner, and Ctrl+K / Cmd+K anywhere; from there, message search,
 * the mentions of the caller and its saved messages.
 */
export function QuickSwitcherLauncher({ selfId, selfName }: { selfId: string; selfName: string }) {
  const [open, setOpen] = useState(false);
  const [searching, setSearching] = useState<string | null>(null);
  const [mentions, setMentions] = useState(false);
  const [saved, setSaved] = useState(false);
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
        <SearchIcon />
        <span className="quick-switcher-launcher__text">{messages.switcher.open}</span>
        <kbd className="quick-switcher-launcher__kbd" aria-hidden="true">
          {messages.switcher.openHint}
        </kbd>
      </button>
      <button type="button" className="quick-switcher-launcher" onClick={() => setMentions(true)}>
        <AtIcon />
        <span className="quick-switcher-launcher__text">{messages.mentions.open}</span>
      </button>
      <button type="button" className="quick-switcher-launcher" onClick={() => setSaved(true)}>
        <BookmarkIcon />
        <span className="quick-switcher-launcher__text">{messages.saved.open}</span>
      </button>
      <Suspense fallback={null}>
        {open && (
          <QuickSwitcher
            selfId={selfId}
            onClose={() => setOpen(false)}
            onSearch={(q) => {
              setOpen(false);
              setSearching(q);
            }}
            onMentions={() => {
              setOpen(false);
              setMentions(true);
            }}
          />
        )}
        {mentions && (
          <MentionsDialog selfId={selfId} selfName={selfName} onClose={() => setMentions(false)} />
        )}
        {saved && <SavedDialog selfId={selfId} onClose={() => setSaved(false)} />}
        {searching !== null && (
          <SearchDialog selfId={selfId} initialQuery={searching} onClose={() => setSearching(null)} />
        )}
      </Suspense>
    </>
  );
}
