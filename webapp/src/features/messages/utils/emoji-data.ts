/**
 * The full emoji list, loaded on first use (import() of this module): Emojibase's English data and GitHub's
 * shortcodes, about 1,900 emoji. Only emoji with a shortcode the API accepts as a reaction type (1–32 of
 * a-z 0-9 _ + -) are kept, so any one of them may be a reaction; skin-tone modifiers on their own are left out.
 * An emoji that comes in the five skin tones carries them, lightest first, as `tones`; GitHub's shortcodes name
 * none of them, so NetChat names them `<shortcode>_tone1` … `_tone5` (emojione's and Discord's way).
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
  /** The five skin-tone variants, lightest first, when the emoji has them. */
  tones?: string[];
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
  skins?: CompactEmoji[];
}

/** The Fitzpatrick modifiers, light (type 1–2) to dark (type 6). */
const toneModifiers = ['1F3FB', '1F3FC', '1F3FD', '1F3FE', '1F3FF'];

/**
 * The five one-person tone variants, or none. The modifier follows the first code point ("1F44D-1F3FB", and in a
 * sequence "1F468-1F3FB-200D-1F9B0"); people together in mixed tones have more skins and are left at default.
 */
function tonesOf(e: CompactEmoji): string[] | undefined {
  if (!e.skins) return undefined;
  const base = e.hexcode.replace(/-FE0F/g, '');
  const first = base.split('-')[0];
  const byCode = new Map(e.skins.map((s) => [s.hexcode.replace(/-FE0F/g, ''), s.unicode]));
  const tones = toneModifiers.map((m) => byCode.get(`${first}-${m}${base.slice(first.length)}`));
  return tones.every((t): t is string => !!t) ? tones : undefined;
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
      {
        emoji: e.unicode,
        shortcode,
        shortcodes,
        label: e.label,
        tags: e.tags ?? [],
        group: e.group ?? 0,
        tones: tonesOf(e),
      },
    ];
  });
