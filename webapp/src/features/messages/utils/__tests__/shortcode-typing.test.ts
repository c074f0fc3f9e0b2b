import { describe, expect, it } from 'vitest';
import { replaceShortcodeBeforeCursor, typingShortcode } from '../shortcode-typing';

const known: Record<string, string> = { tada: '🎉', '+1': '👍' };
const emojiOf = (s: string) => known[s] ?? null;

describe('shortcodes as one types', () => {
  it('replaces a closed shortcode before the cursor and puts the cursor after the emoji', () => {
    expect(replaceShortcodeBeforeCursor('we did it :tada:', 16, emojiOf)).toEqual({
      text: 'we did it 🎉',
      cursor: 12,
    });
    expect(replaceShortcodeBeforeCursor(':+1: later', 4, emojiOf)).toEqual({ text: '👍 later', cursor: 2 });
  });

  it('leaves unknown names, times, URLs and text not right before the cursor', () => {
    expect(replaceShortcodeBeforeCursor('hi :nope:', 9, emojiOf)).toBeNull();
    expect(replaceShortcodeBeforeCursor('at 10:30:', 9, emojiOf)).toBeNull();
    expect(replaceShortcodeBeforeCursor('see http:tada:', 14, emojiOf)).toBeNull();
    expect(replaceShortcodeBeforeCursor(':tada: x', 8, emojiOf)).toBeNull();
  });

  it('knows when a name is being typed, so the full list can load in time', () => {
    expect(typingShortcode('party :ta', 9)).toBe(true);
    expect(typingShortcode('party :t', 8)).toBe(false);
    expect(typingShortcode('10:30', 5)).toBe(false);
  });
});
