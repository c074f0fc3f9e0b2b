import { emojiOf } from './emoji';

/** The picture for a reaction name; unknown names are shown as :name:. */
export function reactionEmoji(type: string): string {
  return emojiOf(type) ?? `:${type}:`;
}
