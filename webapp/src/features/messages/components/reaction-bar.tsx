import { QueryClientContext } from '@tanstack/react-query';
import { useContext, useState } from 'react';
import { formatLocales } from '@/config/locale';
import { messages } from '@/config/messages';
import { classNames } from '@/lib/class-names';
import { queryKeys } from '@/lib/query-keys';
import type { Channel, Reaction } from '@/types/api';
import { needsFullList, useReactionEmoji } from '../utils/emoji';

const t = messages.conversation;

/** At most this many names in a tooltip; the rest are counted. */
const namesShown = 10;

const list = new Intl.ListFormat(formatLocales, { style: 'long', type: 'conjunction' });

/**
 * Who made a reaction, as its tooltip says it: "You, Ann and 3 others reacted with :tada:". The names come from
 * the conversation's member list in the cache (read when the pointer or the focus arrives, so that no reaction
 * re-renders when members change); people no longer in it are counted among the others.
 */
export function reactedBy(reaction: Reaction, selfId: string, members: Channel['members']): string {
  const names = new Map((members ?? []).map((m) => [m.id, m.fullName || m.username]));
  const ids = reaction.userIds ?? [];
  const who: string[] = reaction.me ? [t.reactedYou] : [];
  let others = ids.length === 0 ? reaction.count - who.length : 0;
  for (const id of ids) {
    if (id === selfId) continue;
    const name = names.get(id);
    if (name && who.length < namesShown) who.push(name);
    else others += 1;
  }
  if (others > 0) who.push(t.reactedOthers(others));
  return t.reactedBy(list.format(who), reaction.type);
}

interface ReactionBarProps {
  reactions: Reaction[];
  onToggle: (type: string, on: boolean) => void;
  /** The conversation and the reader, to name who reacted. */
  channelId?: string;
  selfId?: string;
}

/** The reactions under a message; each is a toggle button (aria-pressed when one of them is yours). */
export function ReactionBar({ reactions, onToggle, channelId, selfId = '' }: ReactionBarProps) {
  // The context, not useQueryClient(): a bar drawn outside a cache (a test, a preview) counts who reacted instead.
  const client = useContext(QueryClientContext);
  const [hovered, setHovered] = useState<string | null>(null);
  // A name beyond the common few loads the full emoji list once (for every bar), then shows as its emoji.
  const reactionEmoji = useReactionEmoji(reactions.some((r) => needsFullList(r.type)));
  if (reactions.length === 0) return null;
  const members = () =>
    channelId ? client?.getQueryData<Channel>(queryKeys.channel(channelId))?.members : undefined;
  return (
    <ul className="reaction-bar">
      {reactions.map((r) => (
        <li key={r.type}>
          <button
            type="button"
            className={classNames('reaction', r.me && 'reaction--mine')}
            aria-pressed={r.me}
            aria-label={t.reactionLabel(r.type, r.count, r.me)}
            title={hovered === r.type ? reactedBy(r, selfId, members()) : `:${r.type}:`}
            onPointerEnter={() => setHovered(r.type)}
            onFocus={() => setHovered(r.type)}
            onClick={() => onToggle(r.type, !r.me)}
          >
            <span aria-hidden="true">{reactionEmoji(r.type)}</span>
            <span aria-hidden="true">{r.count}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
