import { type KeyboardEvent, useEffect, useId, useMemo, useState } from 'react';
import { Dialog } from '@/components/dialog';
import { Spinner } from '@/components/spinner';
import { messages } from '@/config/messages';
import { classNames } from '@/lib/class-names';
import type { EmojiEntry } from '../utils/emoji-data';
import { inTone, recentEmoji, rememberEmoji, setSkinTone, skinTone, useEmojiList } from '../utils/emoji';

const t = messages.emoji;
/** A raised hand in each tone (the default first), to choose the tone by. */
const toneSamples = ['✋', '✋🏻', '✋🏼', '✋🏽', '✋🏾', '✋🏿'];

/** Options per row: Up and Down move by this many. Kept in step with the grid in conversation.css. */
export const emojiColumns = 8;

interface EmojiPickerProps {
  /** The dialog's title: what the pick is for ("React with an emoji", "Insert emoji"). */
  title: string;
  onPick: (entry: { shortcode: string; emoji: string }) => void;
  onClose: () => void;
}

interface Section {
  key: string;
  label: string;
  entries: EmojiEntry[];
}

/** Matches by shortcode or name anywhere, and by a tag's start; exact and leading shortcode matches first. */
export function searchEmoji(list: EmojiEntry[], query: string): EmojiEntry[] {
  const q = query.trim().toLowerCase().replace(/^:|:$/g, '');
  if (!q) return list;
  const rank = (e: EmojiEntry) =>
    e.shortcodes.includes(q)
      ? 0
      : e.shortcodes.some((s) => s.startsWith(q))
        ? 1
        : e.label.toLowerCase().startsWith(q)
          ? 2
          : 3;
  return list
    .filter(
      (e) =>
        e.shortcodes.some((s) => s.includes(q)) ||
        e.label.toLowerCase().includes(q) ||
        e.tags.some((tag) => tag.startsWith(q)),
    )
    .map((e, index) => ({ e, index, rank: rank(e) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ e }) => e);
}

/**
 * Any emoji, found by name: a search field that keeps the focus and a grid of options it points at
 * (aria-activedescendant). Arrows move (Up and Down by a row), Enter picks, Escape closes; a click picks too.
 * Without a query: recently used first, then the categories. The list loads on first open.
 */
export function EmojiPicker({ title, onPick, onClose }: EmojiPickerProps) {
  const id = useId();
  const list = useEmojiList(true);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [failed, setFailed] = useState(false);
  const [tone, setTone] = useState(skinTone);

  useEffect(() => {
    // A failed import (offline) says so instead of spinning for ever.
    const timer = setTimeout(() => setFailed(true), 15_000);
    if (list) clearTimeout(timer);
    return () => clearTimeout(timer);
  }, [list]);

  const sections: Section[] = useMemo(() => {
    if (!list) return [];
    if (query.trim()) return [{ key: 'found', label: t.results(0), entries: searchEmoji(list, query) }];
    const byShortcode = new Map(list.flatMap((e) => e.shortcodes.map((s) => [s, e] as const)));
    const recent = recentEmoji()
      .map((s) => byShortcode.get(s))
      .filter((e): e is EmojiEntry => !!e);
    const groups = t.groups.map((label, group) => ({
      key: `group-${group}`,
      label,
      entries: list.filter((e) => e.group === group),
    }));
    return [{ key: 'recent', label: t.frequent, entries: recent }, ...groups].filter(
      (s) => s.entries.length > 0,
    );
  }, [list, query]);
  const flat = sections.flatMap((s) => s.entries.map((entry) => ({ section: s.key, entry })));
  const current = Math.min(active, Math.max(0, flat.length - 1));
  const optionId = (index: number) => `${id}-option-${index}`;

  useEffect(() => {
    document.getElementById(optionId(current))?.scrollIntoView?.({ block: 'nearest' });
  });

  const pick = (entry: EmojiEntry) => {
    // Recent ones are kept by their plain name and shown in whatever tone is chosen then.
    rememberEmoji(entry.shortcode);
    onPick(inTone(entry, tone));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const moves: Record<string, number> = {
      ArrowRight: 1,
      ArrowLeft: -1,
      ArrowDown: emojiColumns,
      ArrowUp: -emojiColumns,
    };
    if (event.key in moves && flat.length > 0) {
      event.preventDefault();
      setActive(Math.max(0, Math.min(flat.length - 1, current + moves[event.key])));
    } else if (event.key === 'Home' && event.ctrlKey) {
      event.preventDefault();
      setActive(0);
    } else if (event.key === 'End' && event.ctrlKey) {
      event.preventDefault();
      setActive(flat.length - 1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (flat[current]) pick(flat[current].entry);
    }
  };

  let index = -1;
  return (
    <Dialog title={title} onClose={onClose} className="emoji-picker">
      <label className="visually-hidden" htmlFor={`${id}-input`}>
        {t.search}
      </label>
      <input
        id={`${id}-input`}
        className="field__input emoji-picker__input"
        role="combobox"
        aria-expanded={flat.length > 0}
        aria-controls={`${id}-listbox`}
        aria-autocomplete="list"
        aria-activedescendant={flat.length > 0 ? optionId(current) : undefined}
        placeholder={t.search}
        autoComplete="off"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <fieldset className="emoji-picker__tones">
        <legend className="emoji-picker__tones-legend">{t.skinTone}</legend>
        {t.tones.map((name, i) => (
          <label key={name} className="emoji-picker__tone" title={name}>
            <input
              type="radio"
              name={`${id}-tone`}
              className="emoji-picker__tone-input"
              checked={tone === i}
              onChange={() => {
                setTone(i);
                setSkinTone(i);
              }}
            />
            <span aria-hidden="true">{toneSamples[i]}</span>
            <span className="visually-hidden">{name}</span>
          </label>
        ))}
      </fieldset>
      <p className="emoji-picker__status" role="status">
        {!list
          ? failed
            ? t.failed
            : t.loading
          : flat.length === 0
            ? t.none
            : query.trim()
              ? t.results(flat.length)
              : ''}
      </p>
      {!list && !failed && <Spinner />}
      <div id={`${id}-listbox`} role="listbox" aria-label={t.pick} className="emoji-picker__list">
        {sections.map((section) => (
          <div
            key={section.key}
            role="group"
            aria-label={section.key === 'found' ? t.results(section.entries.length) : section.label}
          >
            {section.key !== 'found' && (
              <div className="emoji-picker__group" aria-hidden="true">
                {section.label}
              </div>
            )}
            <div className="emoji-picker__grid">
              {section.entries.map((entry) => {
                index += 1;
                const at = index;
                return (
                  <div
                    key={`${section.key}-${entry.shortcode}`}
                    id={optionId(at)}
                    role="option"
                    aria-selected={at === current}
                    aria-label={entry.label}
                    title={`:${inTone(entry, tone).shortcode}:`}
                    className={classNames(
                      'emoji-picker__option',
                      at === current && 'emoji-picker__option--active',
                    )}
                    onMouseDown={(e) => e.preventDefault()}
                    onMouseMove={() => at !== current && setActive(at)}
                    onClick={() => pick(entry)}
                  >
                    {inTone(entry, tone).emoji}
                  </div>
                );
              })}
            </div>
          </div>
        ))}
      </div>
      {flat[current] && (
        <p className="emoji-picker__preview" aria-hidden="true">
          <span className="emoji-picker__preview-emoji">{inTone(flat[current].entry, tone).emoji}</span>
          <code>:{inTone(flat[current].entry, tone).shortcode}:</code>
        </p>
      )}
    </Dialog>
  );
}
