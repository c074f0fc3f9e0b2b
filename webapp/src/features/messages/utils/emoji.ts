import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import { commonReactions } from '@/config/constants';
import type { EmojiEntry } from './emoji-data';

/**
 * Shortcodes and their emoji. The few common reactions are known at once; the full list (emoji-data.ts, kept out
 * of the initial JavaScript) loads on first need: when the picker opens or a reaction bar shows a name it does
 * not know. Until then, and for names it does not have at all, a reaction shows as :name:.
 */
const builtIn: Record<string, string> = Object.fromEntries(commonReactions.map((r) => [r.type, r.emoji]));
Object.assign(builtIn, {
  '+1': '👍',
  '-1': '👎',
  smile: '😄',
  fire: '🔥',
  rocket: '🚀',
  check: '✅',
  white_check_mark: '✅',
  thumbsdown: '👎',
});

let full: { list: EmojiEntry[]; byShortcode: Map<string, string> } | null = null;
let loading: Promise<EmojiEntry[]> | null = null;
const listeners = new Set<() => void>();

export function loadEmoji(): Promise<EmojiEntry[]> {
  if (full) return Promise.resolve(full.list);
  loading ??= import('./emoji-data').then(
    ({ emojiList }) => {
      const byShortcode = new Map<string, string>();
      for (const e of emojiList) {
        for (const s of e.shortcodes) {
          byShortcode.set(s, e.emoji);
          e.tones?.forEach((toned, i) => byShortcode.set(`${s}_tone${i + 1}`, toned));
        }
      }
      full = { list: emojiList, byShortcode };
      listeners.forEach((l) => l());
      return emojiList;
    },
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** The emoji of a shortcode, or null when it is unknown (or the full list has not loaded yet). */
export function emojiOf(shortcode: string): string | null {
  return builtIn[shortcode] ?? full?.byShortcode.get(shortcode) ?? null;
}

/** Whether a shortcode may need the full list to be shown (it is not one of the few known at once). */
export function needsFullList(shortcode: string): boolean {
  return !(shortcode in builtIn) && full === null;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * What a reaction shows for a name: its emoji, or :name: while unknown. With `load`, the full list loads and
 * the returned function changes once it has (so a memoised render, as the React Compiler makes, is redone).
 */
export function useReactionEmoji(load: boolean): (shortcode: string) => string {
  const loaded = useSyncExternalStore(
    subscribe,
    () => full,
    () => null,
  );
  useEffect(() => {
    if (load && !loaded) loadEmoji().catch(() => {});
  }, [load, loaded]);
  return (shortcode) => builtIn[shortcode] ?? loaded?.byShortcode.get(shortcode) ?? `:${shortcode}:`;
}

/** A :shortcode: in a message's text, as lib/markdown.ts finds it. */
const shortcodeInText = /(?<![\w:]):([a-z0-9_+-]{2,40}):(?![\w:])/g;

/**
 * The emoji of the shortcodes in a received message's text. A text naming one the few built-in ones do not
 * cover loads the full list (once for the whole page), and the returned function changes when it has.
 */
export function useShortcodeEmoji(text: string): (shortcode: string) => string | null {
  const loaded = useSyncExternalStore(
    subscribe,
    () => full,
    () => null,
  );
  const needed = useMemo(
    () =>
      !loaded &&
      text.includes(':') &&
      Array.from(text.matchAll(shortcodeInText)).some((m) => !(m[1] in builtIn)),
    [text, loaded],
  );
  useEffect(() => {
    if (needed) loadEmoji().catch(() => {});
  }, [needed]);
  return useCallback(
    (shortcode: string) => builtIn[shortcode] ?? loaded?.byShortcode.get(shortcode) ?? null,
    [loaded],
  );
}

/** The full list once loaded (re-renders then), or null; `load` starts loading it. */
export function useEmojiList(load: boolean): EmojiEntry[] | null {
  const list = useSyncExternalStore(
    subscribe,
    () => full?.list ?? null,
    () => null,
  );
  useEffect(() => {
    if (load && !list) loadEmoji().catch(() => {});
  }, [load, list]);
  return list;
}

const recentKey = 'netchat.emoji.recent';
const recentMax = 16;

/** Shortcodes this browser reacted with or inserted lately, most recent first. */
export function recentEmoji(): string[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(recentKey) ?? '[]');
    return Array.isArray(stored) ? stored.filter((s): s is string => typeof s === 'string') : [];
  } catch {
    return [];
  }
}

export function rememberEmoji(shortcode: string): void {
  try {
    const next = [shortcode, ...recentEmoji().filter((s) => s !== shortcode)].slice(0, recentMax);
    localStorage.setItem(recentKey, JSON.stringify(next));
  } catch {
    // Storage may be full or off: the list is a convenience.
  }
}

const toneKey = 'netchat.emoji.tone';
const reactionType = /^[a-z0-9_+-]{1,32}$/;

/** The skin tone this browser picks emoji in: 0 the default (yellow), 1–5 light to dark. */
export function skinTone(): number {
  try {
    const stored = Number(localStorage.getItem(toneKey) ?? 0);
    return Number.isInteger(stored) && stored >= 0 && stored <= 5 ? stored : 0;
  } catch {
    return 0;
  }
}

export function setSkinTone(tone: number): void {
  try {
    localStorage.setItem(toneKey, String(tone));
  } catch {
    // Private mode or a full store: the tone holds for this picker only.
  }
}

/**
 * An emoji in a skin tone, and the name a reaction stores it under (`thumbsup_tone3`); the emoji as it is when it
 * has no tones, the tone is the default, or the toned name would be longer than a reaction's 32 characters.
 */
export function inTone(entry: EmojiEntry, tone: number): { shortcode: string; emoji: string } {
  const shortcode = `${entry.shortcode}_tone${tone}`;
  if (tone < 1 || !entry.tones || !reactionType.test(shortcode)) {
    return { shortcode: entry.shortcode, emoji: entry.emoji };
  }
  return { shortcode, emoji: entry.tones[tone - 1] };
}
