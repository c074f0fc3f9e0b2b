import { type ReactNode, useId, useRef } from 'react';
import { useRovingFocus } from '@/hooks/use-roving-focus';
import type { Channel } from '@/types/api';
import { ChannelLink } from './channel-link';

interface ChannelGroupProps {
  heading: string;
  emptyText: string;
  channels: Channel[];
  selfId: string;
  currentId: string | null;
  /** Buttons next to the heading (create, browse, new message). */
  actions: ReactNode;
}

export function ChannelGroup({
  heading,
  emptyText,
  channels,
  selfId,
  currentId,
  actions,
}: ChannelGroupProps) {
  const headingId = useId();
  const list = useRef<HTMLUListElement>(null);
  const { onKeyDown } = useRovingFocus(list);
  return (
    <section className="channel-group" aria-labelledby={headingId}>
      <div className="channel-group__top">
        <h2 id={headingId} className="channel-nav__heading">
          {heading}
        </h2>
        <div className="channel-group__actions">{actions}</div>
      </div>
      {channels.length === 0 ? (
        <p className="channel-nav__empty">{emptyText}</p>
      ) : (
        <ul ref={list} className="channel-group__list" aria-labelledby={headingId} onKeyDown={onKeyDown}>
          {channels.map((channel) => (
            <ChannelLink
              key={channel.id}
              channel={channel}
              selfId={selfId}
              current={channel.id === currentId}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
