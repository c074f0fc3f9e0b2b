import { messages } from '@/config/messages';
import { HashIcon, LockIcon } from '@/components/icons';
import { useChannelDetails } from '@/hooks/use-channel-details';
import { channelLabel, otherMembers } from '@/lib/channel-label';
import { classNames } from '@/lib/class-names';
import { currentStatus, statusLine } from '@/lib/user-status';
import type { Channel } from '@/types/api';

const t = messages.sidebar;

interface ChannelLinkProps {
  channel: Channel;
  selfId: string;
  current: boolean;
}

/** One channel in the sidebar: its name, unread count, a mark for mentions and (for people) presence. */
export function ChannelLink({ channel, selfId, current }: ChannelLinkProps) {
  const conversation = channel.type === 'messaging';
  // Conversations are named after their members, which only the channel's own resource lists.
  const details = useChannelDetails(conversation && !channel.members ? channel.id : null);
  const full = details.data ? { ...channel, members: details.data.members } : channel;
  const label = channelLabel(full, selfId);
  const others = conversation ? otherMembers(full, selfId) : [];
  // A person (a direct conversation) shows their presence; a group shows itself as a group, with its size.
  const person = conversation && (channel.direct ?? (others.length === 1 && !channel.name));
  const presence = person && others.length === 1 ? (others[0].online ? 'online' : 'offline') : null;
  const status = person && others.length === 1 ? currentStatus(others[0].status) : null;
  const unread = channel.unreadCount ?? 0;

  return (
    <li>
      <a
        href={`#/c/${encodeURIComponent(channel.id)}`}
        className={classNames(
          'channel-link',
          current && 'channel-link--current',
          unread > 0 && 'channel-link--unread',
        )}
        aria-current={current ? 'page' : undefined}
        data-roving-item=""
      >
        {person ? (
          <span
            className={classNames('presence-dot', presence === 'online' && 'presence-dot--online')}
            aria-hidden="true"
          />
        ) : conversation ? (
          <span className="channel-link__group" aria-hidden="true">
            {channel.memberCount}
          </span>
        ) : (
          <span className="channel-link__hash" aria-hidden="true">
            {channel.private ? <LockIcon /> : <HashIcon />}
          </span>
        )}
        <span className="channel-link__name">{label}</span>
        {conversation && !person && <span className="visually-hidden">, {t.group(channel.memberCount)}</span>}
        {presence && (
          <span className="visually-hidden">, {presence === 'online' ? t.online : t.offline}</span>
        )}
        {status && (
          // The emoji says it at a glance (its text as a tooltip); a screen reader hears both.
          <span className="channel-link__status" title={statusLine(status)}>
            <span aria-hidden="true">{status.emoji ?? '💬'}</span>
            <span className="visually-hidden">, {statusLine(status)}</span>
          </span>
        )}
        {(channel.mentionCount ?? 0) > 0 && (
          <span className="channel-link__mention" title={t.mentioned}>
            <span aria-hidden="true">@</span>
            <span className="visually-hidden">, {t.mentioned}</span>
          </span>
        )}
        {unread > 0 && (
          <span className="channel-link__badge">
            <span aria-hidden="true">{unread > 99 ? '99+' : unread}</span>
            <span className="visually-hidden">, {t.unread(unread)}</span>
          </span>
        )}
      </a>
    </li>
  );
}
