/**
 * `:shortcode:` as one types: when the character just typed closes a shortcode (`:tada:` right before the cursor,
 * at the start of the text or after a space or bracket, so that times like 10:30: and URLs stay as typed), the
 * shortcode becomes its emoji. Pure, so the composer and the tests share it.
 */
const closedShortcode = /(^|[\s([{>])(:([a-z0-9_+-]{2,40}):)$/;

/** A shortcode still being typed (`:ta` before the cursor): time to have the full list ready. */
const openShortcode = /(^|[\s([{>]):[a-z0-9_+-]{2,}$/;

export function replaceShortcodeBeforeCursor(
  text: string,
  cursor: number,
  emojiOf: (shortcode: string) => string | null,
): { text: string; cursor: number } | null {
  const before = text.slice(0, cursor);
  const match = closedShortcode.exec(before);
  if (!match) return null;
  const emoji = emojiOf(match[3]);
  if (!emoji) return null;
  const start = cursor - match[2].length;
  return { text: text.slice(0, start) + emoji + text.slice(cursor), cursor: start + emoji.length };
}

export function typingShortcode(text: string, cursor: number): boolean {
  return openShortcode.test(text.slice(0, cursor));
}
