import { Button } from '@/components/button';
import { Dialog } from '@/components/dialog';
import { FormAlert } from '@/components/form-alert';
import { Spinner } from '@/components/spinner';
import { formatLocales } from '@/config/locale';
import { messages } from '@/config/messages';
import { navigate } from '@/lib/navigation';
import type { Message } from '@/types/api';
import { useMessageMutations } from '../hooks/use-message-mutations';
import { usePins } from '../hooks/use-pins';
import './pinned-dialog.css';

const t = messages.pins;

const dateTime = new Intl.DateTimeFormat(formatLocales, { dateStyle: 'medium', timeStyle: 'short' });

interface PinnedDialogProps {
  channelId: string;
  selfId: string;
  onClose: () => void;
}

/** The conversation's pinned messages: each opens the conversation at the message, and any member may unpin it. */
export function PinnedDialog({ channelId, selfId, onClose }: PinnedDialogProps) {
  const pins = usePins(channelId);
  const { pin } = useMessageMutations(selfId);
  const found = pins.data ?? [];

  const open = (m: Message) => {
    onClose();
    if (m.parentId) navigate(m.channelId, m.parentId);
    else navigate(m.channelId, null, m.seq);
  };

  return (
    <Dialog title={t.title} onClose={onClose} className="pinned-dialog">
      <p className="pinned-dialog__intro">{t.intro}</p>
      <FormAlert message={pins.isError ? t.failed : pin.error?.message} />
      {pins.isPending ? (
        <Spinner label={t.loading} labelVisible />
      ) : found.length === 0 ? (
        <p className="pinned-dialog__none">{pins.isSuccess ? t.none : null}</p>
      ) : (
        <ul className="pinned-dialog__list" aria-label={t.list}>
          {found.map((m) => {
            const name = m.user.fullName || m.user.username;
            return (
              <li key={m.id} className="pinned-item">
                <button
                  type="button"
                  className="pinned-item__open"
                  aria-label={t.jump(name)}
                  onClick={() => open(m)}
                >
                  <span className="pinned-item__meta">
                    <span className="pinned-item__author">{name}</span>
                    <time dateTime={m.createdAt}>{dateTime.format(new Date(m.createdAt))}</time>
                    {m.pinned && <span>{t.pinnedBy(m.pinned.by.fullName || m.pinned.by.username)}</span>}
                  </span>
                  <span className="pinned-item__text">{m.text}</span>
                </button>
                <Button
                  variant="quiet"
                  className="pinned-item__unpin"
                  aria-label={t.unpinOf(name)}
                  disabled={pin.isPending}
                  onClick={() => pin.mutate({ message: m, on: false })}
                >
                  {t.unpin}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
    </Dialog>
  );
}
