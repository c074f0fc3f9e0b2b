import { messages } from '@/config/messages';
import { classNames } from '@/lib/class-names';
import type { Reaction } from '@/types/api';
import { reactionEmoji } from '../utils/reactions';

const t = messages.conversation;

interface ReactionBarProps {
  reactions: Reaction[];
  onToggle: (type: string, on: boolean) => void;
}

/** The reactions under a message; each is a toggle button (aria-pressed when one of them is yours). */
export function ReactionBar({ reactions, onToggle }: ReactionBarProps) {
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
