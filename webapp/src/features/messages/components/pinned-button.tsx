import { Suspense, lazy, useState } from 'react';
import { PinIcon } from '@/components/icons';
import { messages } from '@/config/messages';
import { usePins } from '../api/get-pins';
import '@/components/icon-button.css';

const PinnedDialog = lazy(() => import('./pinned-dialog').then((m) => ({ default: m.PinnedDialog })));

const t = messages.pins;

/** The conversation header's way to its pinned messages, with how many there are. */
export function PinnedButton({ channelId, selfId }: { channelId: string; selfId: string }) {
  const [open, setOpen] = useState(false);
  const pins = usePins(channelId);
  const count = pins.data?.length ?? 0;
  return (
    <>
      <button
        type="button"
        className="icon-button pinned-button"
        title={t.open(count)}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        <PinIcon />
        {count > 0 && (
          <span className="pinned-button__count" aria-hidden="true">
            {count}
          </span>
        )}
        <span className="visually-hidden">{t.open(count)}</span>
      </button>
      <Suspense fallback={null}>
        {open && <PinnedDialog channelId={channelId} selfId={selfId} onClose={() => setOpen(false)} />}
      </Suspense>
    </>
  );
}
