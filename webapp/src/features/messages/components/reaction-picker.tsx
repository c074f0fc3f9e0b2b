import { Suspense, lazy, useEffect, useId, useRef, useState } from 'react';
import { SmileIcon } from '@/components/icons';
import { commonReactions } from '@/config/constants';
import { messages } from '@/config/messages';

const t = messages.conversation;

// The full picker and its emoji list load when someone first asks for more than the common few.
const EmojiPicker = lazy(() => import('./emoji-picker').then((m) => ({ default: m.EmojiPicker })));

interface ReactionPickerProps {
  onPick: (type: string) => void;
}

/**
 * A small menu of common reactions behind an "Add reaction" button, and "More emoji…" for any other one (a
 * searchable picker in a dialog); Escape closes them.
 */
export function ReactionPicker({ onPick }: ReactionPickerProps) {
  const [open, setOpen] = useState(false);
  const [picking, setPicking] = useState(false);
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (open) menu.current?.querySelector('button')?.focus();
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  return (
    <div className="reaction-picker">
      <button
        ref={button}
        type="button"
        className="message-actions__button"
        aria-expanded={open}
        aria-controls={id}
        title={t.react}
        onClick={() => setOpen((v) => !v)}
      >
        <SmileIcon />
        <span className="visually-hidden">{t.react}</span>
      </button>
      {open && (
        <div
          ref={menu}
          id={id}
          role="group"
          aria-label={t.react}
          className="reaction-picker__menu"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              close();
            }
          }}
          onBlur={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget)) setOpen(false);
          }}
        >
          {commonReactions.map((r) => (
            <button
              key={r.type}
              type="button"
              className="reaction-picker__option"
              aria-label={t.reactWith(r.type)}
              title={r.type}
              onClick={() => {
                onPick(r.type);
                close();
              }}
            >
              <span aria-hidden="true">{r.emoji}</span>
            </button>
          ))}
          <button
            type="button"
            className="reaction-picker__option reaction-picker__more"
            aria-label={messages.emoji.more}
            title={messages.emoji.more}
            onClick={() => {
              // The add-reaction button takes the focus first, so the dialog gives it back there.
              close();
              setPicking(true);
            }}
          >
            <span aria-hidden="true">…</span>
          </button>
        </div>
      )}
      {picking && (
        <Suspense fallback={null}>
          <EmojiPicker
            title={t.react}
            onPick={({ shortcode }) => {
              setPicking(false);
              onPick(shortcode);
            }}
            onClose={() => setPicking(false)}
          />
        </Suspense>
      )}
    </div>
  );
}
