import { commonReactions } from '@/config/constants';

const emoji: Record<string, string> = Object.fromEntries(commonReactions.map((r) => [r.type, r.emoji]));
Object.assign(emoji, { '+1': '👍', smile: '😄', fire: '🔥', rocket: '🚀', check: '✅', thumbsdown: '👎' });

/** The picture for a reaction name; unknown names are shown as :name:. */
export function reactionEmoji(type: string): string {
  return emoji[type] ?? `:${type}:`;
}
