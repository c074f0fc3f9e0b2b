import { type FormEvent, type KeyboardEvent, useEffect, useId, useLayoutEffect, useRef } from 'react';
import { SendIcon } from '@/components/icons';
import { messages } from '@/config/messages';
import { useDraft } from '../hooks/use-draft';
import type { Attachment } from '@/types/api';
import { type Mentionables, useMentionAutocomplete } from '../hooks/use-mention-autocomplete';
import { useUploads } from '../hooks/use-uploads';
import { useTypingSender } from '../hooks/use-typing-sender';
import { emojiOf, loadEmoji } from '../utils/emoji';
import { replaceShortcodeBeforeCursor, typingShortcode } from '../utils/shortcode-typing';
import { AttachButton } from './attach-button';
import { EmojiButton } from './emoji-button';
import { FormattingHelp } from './formatting-help';
import { MentionListbox, mentionOptionId } from './mention-listbox';
import { UploadTray } from './upload-tray';

const t = messages.composer;
const maxLength = 4000;

interface ComposerProps {
  channelId: string;
  /** In a thread panel: the thread's root message, whose draft this is. */
  threadId?: string;
  label: string;
  /** The text (may be empty when files go) and the uploaded files. */
  onSend: (text: string, attachments: Attachment[]) => void;
  /** Up in an empty composer: edit your last message. */
  onEditLast?: () => void;
  autoFocus?: boolean;
  /** Who `@` offers: the conversation's members (and @channel/@here when the caller may use them). */
  mentionables?: Mentionables;
}

/** The labelled message field: Enter sends, Shift+Enter breaks the line; typing is told to the others. */
export function Composer({
  channelId,
  threadId,
  label,
  onSend,
  onEditLast,
  autoFocus,
  mentionables,
}: ComposerProps) {
  const id = useId();
  const [text, setText] = useDraft(channelId, threadId);
  const area = useRef<HTMLTextAreaElement>(null);
  const typing = useTypingSender(channelId);
  const tooLong = text.length > maxLength;
  const uploads = useUploads(channelId);
  const canSend = (!!text.trim() || uploads.ready.length > 0) && !tooLong && !uploads.busy;
  const mention = useMentionAutocomplete(text, setText, area, mentionables);
  const listboxId = `${id}-mentions`;

  // Where the caret goes once a typed `:shortcode:` has become its emoji: set in the commit that puts the emoji
  // in, before the next key is handled. (A frame later, a key typed meanwhile went in first and the caret then
  // jumped back before it: "🚀at 10:30 ".)
  const pendingCaret = useRef<number | null>(null);
  useLayoutEffect(() => {
    const field = area.current;
    if (pendingCaret.current !== null && field) {
      field.setSelectionRange(pendingCaret.current, pendingCaret.current);
      pendingCaret.current = null;
    }
  });

  // Focus once the conversation has been painted, not with the autoFocus attribute: React focuses those while
  // it commits, which forces the browser to lay out the whole screen in the middle of that task (on a phone a
  // long task, Lighthouse's blocking time). Someone already typing in another field keeps their place.
  useEffect(() => {
    if (!autoFocus) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        if (!isTextField(document.activeElement)) area.current?.focus();
      });
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [autoFocus]);

  const send = () => {
    const value = text.trim();
    if (!canSend) return;
    onSend(value, uploads.ready);
    uploads.clear();
    setText('');
    typing.stop();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // While the @ list is open, Enter and Tab pick a person, Escape closes the list (not the panel).
    if (mention.onKeyDown(event)) return;
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    } else if (event.key === 'ArrowUp' && text === '' && onEditLast) {
      event.preventDefault();
      onEditLast();
    }
  };

  /** An emoji from the picker goes in where the cursor was (replacing a selection), and the cursor after it. */
  const insert = (emoji: string) => {
    const field = area.current;
    const start = field?.selectionStart ?? text.length;
    const end = field?.selectionEnd ?? text.length;
    setText(text.slice(0, start) + emoji + text.slice(end));
    requestAnimationFrame(() => {
      field?.focus();
      field?.setSelectionRange(start + emoji.length, start + emoji.length);
    });
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    send();
    area.current?.focus();
  };

  return (
    <form
      className={uploads.dragging ? 'composer composer--dragging' : 'composer'}
      onSubmit={onSubmit}
      {...uploads.dropProps}
    >
      <UploadTray uploads={uploads.uploads} onRemove={uploads.remove} />
      {mention.open && (
        <MentionListbox
          id={listboxId}
          options={mention.options}
          active={mention.active}
          onActivate={mention.setActive}
          onPick={mention.pick}
        />
      )}
      <p className="visually-hidden" role="status">
        {mention.open ? t.mentionCount(mention.options.length) : ''}
      </p>
      <label className="visually-hidden" htmlFor={id}>
        {label}
      </label>
      <textarea
        ref={area}
        id={id}
        className="composer__input"
        value={text}
        rows={Math.min(8, text.split('\n').length)}
        placeholder={label}
        aria-describedby={`${id}-hint`}
        aria-invalid={tooLong || undefined}
        // A multi-line field keeps its textbox role (ARIA allows combobox only on single-line inputs, and
        // aria-expanded not on a textbox); the list is tied to it by aria-controls and aria-activedescendant.
        aria-autocomplete={mentionables ? 'list' : undefined}
        aria-haspopup={mentionables ? 'listbox' : undefined}
        aria-controls={mention.open ? listboxId : undefined}
        aria-activedescendant={mention.open ? mentionOptionId(listboxId, mention.active) : undefined}
        onSelect={(e) => mention.track(e.currentTarget)}
        onChange={(e) => {
          const field = e.target;
          const cursor = field.selectionStart ?? field.value.length;
          // `:tada:` becomes 🎉 as its closing colon is typed; the full list loads while the name is typed.
          const replaced = replaceShortcodeBeforeCursor(field.value, cursor, emojiOf);
          if (replaced) {
            pendingCaret.current = replaced.cursor;
            setText(replaced.text);
          } else {
            setText(field.value);
            if (typingShortcode(field.value, cursor)) loadEmoji().catch(() => {});
          }
          mention.track(e.target);
          if (e.target.value) typing.typed();
          else typing.stop();
        }}
        onKeyDown={onKeyDown}
        onPaste={uploads.onPaste}
        onBlur={typing.stop}
      />
      <EmojiButton onPick={insert} />
      <AttachButton onFiles={uploads.add} />
      <button type="submit" className="composer__send" disabled={!canSend}>
        <SendIcon />
        <span className="visually-hidden">{t.send}</span>
      </button>
      <div className="composer__footer">
        <p id={`${id}-hint`} className={tooLong ? 'composer__hint composer__hint--error' : 'composer__hint'}>
          {tooLong ? t.tooLong(maxLength) : t.hint}
        </p>
        <FormattingHelp />
      </div>
    </form>
  );
}

function isTextField(element: Element | null): boolean {
  return (
    element instanceof HTMLTextAreaElement ||
    element instanceof HTMLSelectElement ||
    (element instanceof HTMLInputElement &&
      !['button', 'submit', 'checkbox', 'radio'].includes(element.type)) ||
    (element instanceof HTMLElement && element.isContentEditable)
  );
}
