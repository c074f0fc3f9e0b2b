/**
 * The full emoji list, loaded on first use (import() of this module): Emojibase's English data and GitHub's
 * shortcodes, about 1,900 emoji. Only emoji with a shortcode the API accepts as a reaction type (1–32 of
 * a-z 0-9 _ + -) are kept, so any one of them may be a reaction; skin-tone modifiers on their own are left out.
 */
import compact from 'emojibase-data/en/compact.json';
import github from 'emojibase-data/en/shortcodes/github.json';

export interface EmojiEntry {
  emoji: string;
  /** The name the reaction is stored under: GitHub's shortcode, a word rather than "+1" where there is one. */
  shortcode: string;
  /** Every accepted shortcode (thumbsup and +1). */
  shortcodes: string[];
  label: string;
  tags: string[];
  /** Emojibase's group (0 smileys … 9 flags). */
  group: number;
}

const reactionType = /^[a-z0-9_+-]{1,32}$/;
/** Emojibase's group of lone skin tones and hair styles: parts of other emoji, not emoji to pick. */
const componentsGroup = 2;

interface CompactEmoji {
  hexcode: string;
  label: string;
  unicode: string;
  group?: number;
  order?: number;
  tags?: string[];
}

function shortcodesOf(hexcode: string): string[] {
  const table = github as Record<string, string | string[]>;
  const found = table[hexcode] ?? table[hexcode.replace(/-FE0F/g, '')];
  if (!found) return [];
  return (Array.isArray(found) ? found : [found]).filter((s) => reactionType.test(s));
}

export const emojiList: EmojiEntry[] = (compact as CompactEmoji[])
  .filter((e) => e.group !== undefined && e.group !== componentsGroup)
  .sort((a, b) => (a.order ?? 0) - (b.order ?? 0))
  .flatMap((e) => {
    const shortcodes = shortcodesOf(e.hexcode);
    if (shortcodes.length === 0) return [];
    const shortcode = shortcodes.find((s) => /^[a-z]/.test(s)) ?? shortcodes[0];
    return [
      { emoji: e.unicode, shortcode, shortcodes, label: e.label, tags: e.tags ?? [], group: e.group ?? 0 },
    ];
  });
