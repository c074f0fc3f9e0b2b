import type { RefObject } from 'react';
import { Button } from '@/components/button';
import { messages } from '@/config/messages';

const t = messages.shell;

interface ChannelNavProps {
  id: string;
  /** Receives focus when the drawer opens on narrow screens. */
  panelRef: RefObject<HTMLElement | null>;
  /** Closes the drawer; its button shows only where the navigation is a drawer. */
  onClose: () => void;
}

/** The channel list; empty until the channels feature fills it. */
export function ChannelNav({ id, panelRef, onClose }: ChannelNavProps) {
  return (
    <nav id={id} ref={panelRef} className="channel-nav" aria-label={t.channelsLabel} tabIndex={-1}>
      <div className="channel-nav__top">
        <h2 className="channel-nav__heading">{t.channelsHeading}</h2>
        <Button variant="secondary" className="channel-nav__close" onClick={onClose}>
          {t.closeMenu}
        </Button>
      </div>
      <p className="channel-nav__empty">{t.noChannels}</p>
    </nav>
  );
}
