import { messages } from '@/config/messages';
import { classNames } from '@/lib/class-names';
import type { Reaction } from '@/types/api';
import { needsFullList, useReactionEmoji } from '../utils/emoji';

const t = messages.conversation;

interface ReactionBarProps {
  reactions: Reaction[];
  onToggle: (type: string, on: boolean) => void;
}

/** The reactions under a message; each is a toggle button (aria-pressed when one of them is yours). */
export function ReactionBar({ reactions, onToggle }: ReactionBarProps) {
  // A name beyond the common few loads the full emoji list once (for every bar), then shows as its emoji.
  const reactionEmoji = useReactionEmoji(reactions.some((r) => needsFullList(r.type)));
  if (reactions.length === 0) return null;
  return (
    <ul className="reaction-bar">
      {reactions.map((r) => (
        <li key={r.type}>
          <button
            type="button"
            className={classNames('reaction', r.me && 'reaction--mine')}
            aria-pressed={r.me}
            aria-label={t.reactionLabel(r.type, r.count, r.me)}
            title={`:${r.type}:`}
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
