import type { ReactNode, RefObject } from 'react';
import { Button } from '@/components/button';
import { messages } from '@/config/messages';

const t = messages.shell;

interface ChannelNavProps {
  id: string;
  /** Receives focus when the drawer opens on narrow screens. */
  panelRef: RefObject<HTMLElement | null>;
  /** Closes the drawer; its button shows only where the navigation is a drawer. */
  onClose: () => void;
  /** The channel lists; without them the navigation says there are no channels. */
  children?: ReactNode;
}

/** The navigation landmark around the channel lists, which the app passes in. */
export function ChannelNav({ id, panelRef, onClose, children }: ChannelNavProps) {
  return (
    <nav id={id} ref={panelRef} className="channel-nav" aria-label={t.channelsLabel} tabIndex={-1}>
      <div className={children ? 'channel-nav__top channel-nav__top--bare' : 'channel-nav__top'}>
        {!children && <h2 className="channel-nav__heading">{t.channelsHeading}</h2>}
        <Button variant="secondary" className="channel-nav__close" onClick={onClose}>
          {t.closeMenu}
        </Button>
      </div>
      {children ?? <p className="channel-nav__empty">{t.noChannels}</p>}
    </nav>
  );
}
