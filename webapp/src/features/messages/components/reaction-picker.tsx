import { useEffect, useId, useRef, useState } from 'react';
import { commonReactions } from '@/config/constants';
import { messages } from '@/config/messages';

const t = messages.conversation;

interface ReactionPickerProps {
  onPick: (type: string) => void;
}

/** A small menu of common reactions behind an "Add reaction" button; Escape closes it. */
export function ReactionPicker({ onPick }: ReactionPickerProps) {
  const [open, setOpen] = useState(false);
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
        <span aria-hidden="true">☺</span>
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
        </div>
      )}
    </div>
  );
}
