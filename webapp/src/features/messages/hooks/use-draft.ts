import { useEffect, useRef, useState } from 'react';
import { draftKey, getDraft, setDraft } from '@/lib/drafts';
import { getSession } from '@/lib/session';

/** Written a moment after the last keystroke, not on each one. */
const saveDelayMs = 300;

/**
 * The composer's text, kept as the signed-in person's draft for this conversation or thread (lib/drafts.ts):
 * it is there again after switching away and back, and after a reload.
 */
export function useDraft(channelId: string, threadId?: string | null) {
  const key = draftKey(channelId, threadId);
  const userId = getSession()?.userId ?? null;
  const [text, setText] = useState(() => (userId ? getDraft(userId, key) : ''));
  const latest = useRef({ userId, key, text, dirty: false });

  useEffect(() => {
    const pending = latest.current;
    if (!pending.dirty) return;
    const timer = setTimeout(() => {
      if (pending.userId) setDraft(pending.userId, pending.key, pending.text);
      pending.dirty = false;
    }, saveDelayMs);
    return () => clearTimeout(timer);
  }, [text]);

  // Leaving the conversation (or the page) saves what was typed since the last save.
  useEffect(() => {
    const save = () => {
      const pending = latest.current;
      if (pending.dirty && pending.userId) setDraft(pending.userId, pending.key, pending.text);
      pending.dirty = false;
    };
    window.addEventListener('pagehide', save);
    return () => {
      window.removeEventListener('pagehide', save);
      save();
    };
  }, []);

  const update = (next: string) => {
    latest.current = { userId, key, text: next, dirty: true };
    setText(next);
  };
  return [text, update] as const;
}
