import { useEffect, useId, useRef, useState } from 'react';
import { Button } from '@/components/button';
import { messages } from '@/config/messages';

const t = messages.conversation;

interface EditMessageFormProps {
  initialText: string;
  busy: boolean;
  onSave: (text: string) => void;
  onCancel: () => void;
}

export function EditMessageForm({ initialText, busy, onSave, onCancel }: EditMessageFormProps) {
  const [text, setText] = useState(initialText);
  const id = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const el = area.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);
  const save = () => {
    const trimmed = text.trim();
    if (!trimmed || trimmed === initialText) onCancel();
    else onSave(trimmed);
  };
  return (
    <form
      className="edit-message"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <label className="visually-hidden" htmlFor={id}>
        {t.editLabel}
      </label>
      <textarea
        ref={area}
        id={id}
        className="edit-message__input"
        value={text}
        rows={Math.min(8, text.split('\n').length + 1)}
        aria-describedby={`${id}-hint`}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            onCancel();
          } else if (e.key === 'Enter' && !e.shiftKey) {
            e.preventDefault();
            save();
          }
        }}
      />
      <p id={`${id}-hint`} className="edit-message__hint">
        {t.editHint}
      </p>
      <div className="edit-message__actions">
        <Button variant="secondary" onClick={onCancel}>
          {t.cancelEdit}
        </Button>
        <Button type="submit" busy={busy}>
          {t.saveEdit}
        </Button>
      </div>
    </form>
  );
}
