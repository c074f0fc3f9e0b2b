import { type KeyboardEvent, type RefObject, useLayoutEffect, useRef, useState } from 'react';
import type { User } from '@/types/api';
import { type MentionOption, insertMention, mentionOptions, mentionQueryAt } from '../utils/mention-query';

/** Who may be mentioned in a conversation: its members, and whether @channel and @here are offered. */
export interface Mentionables {
  members: User[];
  selfId?: string;
  /** The server's rule: in a channel over 50 members only its creator or an admin may call everyone. */
  everyone: boolean;
}

/**
 * `@` autocomplete for a text field: which options the `@word` before the caret matches, which one is active,
 * and the keys that move and pick (Up, Down, Enter, Tab) or close (Escape) while the list is open.
 */
export function useMentionAutocomplete(
  text: string,
  setText: (text: string) => void,
  field: RefObject<HTMLTextAreaElement | null>,
  mentionables: Mentionables | undefined,
) {
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  // Where the caret goes once a picked name is in the field: set in the commit that puts it there, before the
  // next key is handled (a frame later, keys typed meanwhile went in after the name and the caret then jumped
  // back before them: "@grace nd @lia").
  const pendingCaret = useRef<number | null>(null);
  useLayoutEffect(() => {
    const area = field.current;
    if (pendingCaret.current !== null && area) {
      area.setSelectionRange(pendingCaret.current, pendingCaret.current);
      pendingCaret.current = null;
    }
  });
  // Escape closes the list for this one `@`; typing another one opens it again.
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const at = mentionables ? mentionQueryAt(text, Math.min(caret, text.length)) : null;
  const options: MentionOption[] =
    at && mentionables && at.start !== dismissedAt
      ? mentionOptions(at.query, mentionables.members, mentionables.selfId, mentionables.everyone)
      : [];
  // Once that `@word` is gone (sent, erased, moved away from), a new one opens the list again.
  if (!at && dismissedAt !== null) setDismissedAt(null);
  const open = options.length > 0;
  const current = Math.min(active, Math.max(0, options.length - 1));

  const pick = (option: MentionOption) => {
    if (!at) return;
    const next = insertMention(text, Math.min(caret, text.length), at, option.name);
    setText(next.text);
    setCaret(next.caret);
    setActive(0);
    pendingCaret.current = next.caret; // right after the inserted name and its space
    field.current?.focus();
  };

  /** Handles a key if the list is open; true when it did (the field then must not act on it). */
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!open || event.nativeEvent.isComposing) return false;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current + step + options.length) % options.length);
      return true;
    }
    if ((event.key === 'Enter' && !event.shiftKey) || (event.key === 'Tab' && !event.shiftKey)) {
      event.preventDefault();
      pick(options[current]);
      return true;
    }
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      setDismissedAt(at?.start ?? null);
      return true;
    }
    return false;
  };

  /** Keeps the caret position (typing, clicks, arrow keys) that says which `@word` is being typed. */
  const track = (area: HTMLTextAreaElement) => {
    const position = area.selectionStart ?? area.value.length;
    if (position !== caret) {
      setCaret(position);
      setActive(0);
    }
  };

  return { open, options, active: current, setActive, pick, onKeyDown, track };
}
