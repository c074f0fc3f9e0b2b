import { Suspense, lazy, useState } from 'react';
import { IconButton } from '@/components/icon-button';
import { SmileIcon } from '@/components/icons';
import { messages } from '@/config/messages';

const EmojiPicker = lazy(() => import('./emoji-picker').then((m) => ({ default: m.EmojiPicker })));

/** The composer's emoji button: the full picker (loaded on first use), whose pick goes in at the cursor. */
export function EmojiButton({ onPick }: { onPick: (emoji: string) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <IconButton
        label={messages.composer.emoji}
        icon={<SmileIcon />}
        className="composer__emoji"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      />
      {open && (
        <Suspense fallback={null}>
          <EmojiPicker
            title={messages.composer.emoji}
            onPick={({ emoji }) => {
              setOpen(false);
              onPick(emoji);
            }}
            onClose={() => setOpen(false)}
          />
        </Suspense>
      )}
    </>
  );
}
